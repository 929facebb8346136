export const timeline = {
  timeline: {
    tab: '时间线',
    empty: '暂无记录',
    due: '截止 {{date}}',
    stageChange: '{{from}} → {{to}}',
    edited: '{{action}}：{{fields}}',
    listSep: '、',
    kind: { activity: '活动', task: '任务', stage_change: '阶段变化', edit: '变更' },
  },
};
