export const pool = {
  pool: {
    nav: '公海', prospectsNav: '潜在客户筛选',
    title: '公海', hint: '无人负责的客户：任何销售都可以领取，领取后成为自己的客户。每人可从公海领取的客户有上限。',
    searchPlaceholder: '搜索客户名称', myClaims: '我已领取 {{count}} / {{limit}}', claim: '领取',
    claimConfirm: '领取“{{name}}”？', claimAfter: '领取后您将持有 {{count}} / {{limit}} 个公海客户，客户及其联系人、商机归您负责。',
    claimed: '已领取“{{name}}”', openAccount: '查看客户', limitReached: '已达领取上限', empty: '公海里暂时没有客户',
    score: '评分', scoreN: '评分 {{score}}', pooledAt: '放入公海',
    prospectsTitle: '潜在客户筛选',
    prospectsHint: '“一定要从你的潜在客户列表中，删掉35%无价值、甚至有负面效应的潜在客户。”既没有赢单、也没有我方收入（档案中的“我方年收入”）的客户按评分排序，排在最后的一部分标为建议淘汰：保留、放入公海或归档。',
    allOwners: '全部客户经理', total: '潜在客户', candidates: '建议淘汰（后 {{share}}%）', cut: '{{total}} 的 {{share}}% = {{cut}} → {{count}}（向上取整）', unscoredCount: '未评分',
    dropCandidate: '建议淘汰', unscored: '未评分', lastReview: '最近评审', review: '评审', noProspects: '没有潜在客户',
    decision: { keep: '保留', pool: '放入公海', archive: '归档' },
    confirm: {
      keep: '保留“{{name}}”，继续跟进？',
      pool: '把“{{name}}”放入公海？客户经理和客户团队将被清空，其他销售可以领取。',
      archive: '归档“{{name}}”？',
    },
    decided: { keep: '已保留“{{name}}”', pool: '“{{name}}”已放入公海', archive: '“{{name}}”已归档' },
    settingsTitle: '筛选与公海设置', dropShare: '建议淘汰比例', dropShareHint: '课程建议 35%：排名最后的这部分潜在客户标为建议淘汰（向上取整）。',
    dropShareRange: '请输入 0 到 100 之间的比例', claimLimit: '每人领取上限', claimLimitHint: '每位销售可持有的、从公海领取的客户数。',
    claimLimitRange: '请输入不小于 1 的整数', settingsNote: '设置对全公司生效。',
  },
};
