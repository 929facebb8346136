// Account handover 交接: on the admin's users page and on the managers' team page (团队成员).
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
    team: {
      nav: '团队成员',
      intro:
        '你的数据范围内的人员。有人离职或调整区域时，用「交接」把其客户和待办移交给团队里的其他人。人员的新增、修改和停用由系统管理员负责。',
      nobodyElse: '你的数据范围内没有其他人员，暂无可交接的对象。',
    },
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
