export const calendar = {
  calendar: {
    pickUser: '查看成员日历',
    pickTeam: '查看团队日历',
    ics: '导出 iCalendar',
    taskPrefix: '任务：',
    truncated: '日程太多：一次最多显示 {{limit}} 项活动和 {{limit}} 项任务，{{date}} 起未全部显示。',
    logVisit: '记录本次拜访',
    logged: '已记录',
    narrower: { timeGridWeek: '按周查看', timeGridDay: '按天查看' },
  },
};
