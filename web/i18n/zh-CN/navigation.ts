// The side menu's groups, the Ctrl-K hint, breadcrumbs and the one settings page.
export const navigation = {
  navigation: {
    menu: '主菜单',
    group: { customers: '客户', sales: '销售', analysis: '分析', plan: '预测与计划', admin: '管理' },
    settings: '设置',
    searchShortcut: '按 {{keys}} 随时搜索',
    breadcrumb: '当前位置',
    crumbs: { accounts: '客户', contacts: '联系人', opportunities: '商机', activities: '活动', print: '打印' },
  },
  settingsPage: {
    title: '设置',
    intro: '本组织的各项规则集中在此；原页面上的设置入口仍可使用。',
    edit: '修改',
    scoringSummary: '{{count}} 项指标 · A 级 ≥ {{a}} 分 · B 级 ≥ {{b}} 分',
    paretoSummary: 'A 类：累计前 {{a}}% · B 类：至 {{b}}% · 精力分配：{{mode}}',
    prospectSummary: '建议淘汰 {{drop}}% · 每人最多认领 {{limit}} 个公海客户',
    retentionTitle: '回收站',
    retentionHint: '删除的记录在此期限内可恢复，过期后永久删除。',
    timeZoneTitle: '时区',
    timeZone: '组织时区',
    timeZoneHint: '“今天”、周、月和季度的起止，逾期与提醒，都按这个时区计算（默认 {{zone}}）。',
    dealListsMoved: '丢单原因和商机来源的选项在“设置”页维护。',
  },
};
