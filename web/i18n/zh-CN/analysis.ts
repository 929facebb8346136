export const analysis = {
  analysis: {
    title: '时间分析',
    hint: '时间应当跟随客户价值：看看这段时间花在了哪些客户、哪些人、哪类客户上。',
    total: '合计',
    hours: '小时',
    hoursUnit: '小时',
    share: '占比',
    empty: '该期间没有活动时长记录',
    truncated: '只列出用时最多的 {{limit}} 项；合计与占比按全部计算。',
    column: { account: '客户', owner: '人员', tier: '客户等级' },
  },
};
