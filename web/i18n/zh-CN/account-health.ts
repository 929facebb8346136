export const accountHealth = {
  health: {
    title: '客户健康度', tab: '健康度', unknown: '暂无数据：尚未接触任何联系人，也没有在途商机或已完成的拜访', notCounted: '不计入', share: '占 {{share}}%',
    hint: '0–100，由关系覆盖（35%）、在途商机的风险（25%）、最近一次拜访（25%）和客户满意度（15%）加权得出；缺少数据的项不计入，其余项按比例补足。',
    component: { coverage: '关系覆盖', redFlags: '商机风险', lastContact: '最近拜访', satisfaction: '客户满意度' },
    explain: {
      noContacts: '尚无联系人：关系图还是空的',
      coverageKey: '{{contacts}} 位关键人（影响力高/中）中已接触 {{covered}} 位，支持我方 {{supportive}} 位',
      coverageAll: '尚未评定影响力，按全部 {{contacts}} 位联系人计：已接触 {{covered}} 位，支持我方 {{supportive}} 位',
      noDeals: '没有在途商机，本项不计入',
      redFlags: '{{openDeals}} 个在途商机，{{flaggedDeals}} 个有风险警示（高 {{high}} · 中 {{medium}} · 低 {{low}}）',
      neverMet: '尚无已完成的拜访',
      lastContact: '距最近一次完成的拜访 {{days}} 天（14 天内满分，90 天及以上为 0）',
      noSatisfaction: '近 12 个月没有满意度评分，本项不计入',
      satisfaction: '近 12 个月 {{count}} 次评分，平均 {{average}} / 5',
    },
    group: {
      tab: '集团', hint: '从集团总部到各分支；汇总列包含该客户及其下所有您可见的分支。',
      rolledUpRevenue: '汇总我方收入', openPipeline: '汇总在途商机', pipelineDetail: '{{count}} 个 · 加权', won: '近 12 个月赢单', coverage: '联系人覆盖',
    },
  },
  whitespace: {
    nav: '空白点分析', title: '空白点分析', account: '客户', blank: '空白', empty: '没有客户', pickAccount: '选择客户或集团',
    hint: '客户 × 产品类别：哪里已签单、哪里在跟进、哪里还是空白——下一步卖什么。按商机的产品明细统计；输单和没有产品明细的商机不计入。',
    topHint: '未选客户时显示您数据范围内我方收入最高的 30 个客户；选择集团可查看其全部分支。',
    state: { won: '已赢单', open: '在跟进', none: '空白' },
  },
};
