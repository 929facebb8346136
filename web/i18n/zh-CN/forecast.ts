export const forecast = {
  forecast: {
    hint: '预计在本期签约的商机，按预测类别汇总并与配额对比：承诺预测 = 已赢单 + 承诺；最佳预测 = 已赢单 + 承诺 + 最佳情况；加权 = 金额 × 赢单率。',
    col: {
      deals: '商机数', closedWon: '已赢单', commit: '承诺', bestCase: '最佳情况', pipeline: '管道', weighted: '加权金额',
      commitForecast: '承诺预测', bestCaseForecast: '最佳预测', weightedForecast: '加权预测', quota: '配额',
      attainment: '完成率', coverage: '覆盖倍数', remaining: '剩余配额',
    },
    group: { owner: '人员', team: '团队', stage: '阶段', month: '月份' },
    groupBy: { owner: '按人员', team: '按团队', stage: '按阶段', month: '按月' },
    probabilities: { configured: '配置赢单率', calibrated: '校准赢单率' },
    totals: '合计', deals: '{{count}} 个商机', amount: '金额', weighted: '加权金额', allTeams: '全部团队',
    chartTitle: '预测与配额（{{group}}）', tableTitle: '预测明细', funnelTitle: '销售漏斗', noOpenDeals: '没有进行中的商机', openDeals: '进行中商机',
    stage: '阶段', probability: '赢单率',
    calibrationTitle: '赢单率校准', calibrationHint: '{{from}} 至 {{to}} 关闭的 {{count}} 个商机中，到达各阶段后最终赢单的比例',
    configured: '配置', observed: '实际', sample: '样本（赢/到达）', smallSample: '样本太少，仅供参考', reachedWon: '{{won}} / {{reached}}',
    accuracyTitle: '预测准确度', actualWon: '本期实际赢单', noSnapshots: '还没有漏斗快照（每周自动生成）', snapshotDate: '快照日期', error: '偏差',
    takeSnapshot: '立即生成快照', snapshotTaken: '已生成快照',
  },
};
