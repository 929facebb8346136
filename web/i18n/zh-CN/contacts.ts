export const contacts = {
  contacts: {
    new: '新建联系人', edit: '编辑联系人', empty: '暂无联系人', searchPlaceholder: '搜索姓名或电话', accountOwner: '客户负责人',
    tab: { profile: '资料', links: '关系', history: '历史' },
    reportsToHint: '汇报对象只能是同一客户的联系人，用于绘制组织架构图',
    attitudeHint: '对我方的态度：-5（强烈反对）… +5（强烈支持）',
    counterpartHint: '我方与其对接的人员',
    noLinks: '暂无关系记录', addLink: '添加关系', linkTo: '关系对象', linkKind: '关系类型', linkNote: '备注',
    linkKindHint: '对方相对于 {{name}} 的身份', linkedBy: '被标记为其{{kind}}',
    removeLinkConfirm: '移除该关系？',
    archiveConfirm: '确定归档该联系人？', restoreConfirm: '确定恢复该联系人？', deleteConfirm: '将该联系人移入回收站？可在回收站恢复。',
  },
  orgChart: {
    empty: '该客户还没有联系人。先在“联系人”标签页添加，并设置汇报对象。',
    openContact: '点击查看联系人', influenceUnknown: '影响力未知', linkLegend: '关系连线',
  },
};
