// Account handover 交接 on the users page.
export const handover = {
  handover: {
    action: '交接',
    title: '交接 {{name}} 的客户',
    to: '接手人',
    scope: '交接范围',
    all: '全部客户及待办',
    selected: '选定的客户',
    accounts: '客户',
    searchAccounts: '搜索 {{name}} 名下的客户',
    preview: '将移交的记录',
    confirm: '确认交接',
    done: '交接完成',
    doneText: '{{from}} 的以下记录已移交给 {{to}}',
    kept: '已赢单和已输单的商机、已完成或已取消的拜访、已完成的任务仍留在原负责人名下。',
    deactivate: '停用 {{name}}',
    deactivated: '已停用 {{name}}',
    close: '关闭',
    counts: {
      accounts: '客户',
      openDeals: '进行中的商机',
      plannedActivities: '计划中的拜访',
      openTasks: '未完成的任务',
      accountTeams: '客户团队席位',
      poolClaims: '公海领取',
    },
  },
};
