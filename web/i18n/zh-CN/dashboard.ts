export const dashboard = {
  dashboard: {
    forecastTitle: '本季度预测与配额（按人员）', details: '详情', all: '全部',
    riskTitle: '严重风险商机（健康度 < {{below}}）', slippedTitle: '漏斗变化：新增、赢输单、推进与推迟签约',
    since: '自哪天起', noChanges: '这段时间没有这类变化', stage: '阶段', changesSince: '与 {{date}} 的快照相比', noBaseline: '还没有可比较的快照', noSlipped: '本周没有推迟签约的商机', closeDate: '预计签约日期',
    planTitle: '计划与实际（按人员）', winLossTitle: '本季度赢单 / 输单', won: '赢单', lost: '输单', winRate: '赢单率',
    lostReason: '输单原因', noReason: '未填写原因', noReasons: '本季度没有输单', lostTo: '输给', noCompetitors: '没有记录赢单的竞争对手',
  },
};
