export const planner = {
  planner: {
    hint: '从年度配额倒推：配额 ÷ 平均单笔金额 = 需签约单数；每签一单需要 6 次培训/交流 → 5 次见负责人 → 3 次咨询 → 3 次方案 → 2 次标书/谈判 → 1 次签约（653321）。计划覆盖 12 个整月：先导期之后每月签一单（“1月 2月 3月-1单 … 12月-1单”），每个阶段的活动分布在该阶段所需的几周里。',
    quota: '配额', quotaHint: '留空 = 年度目标', quotaPlaceholder: '年度目标',
    averageDealSize: '平均单笔金额', averageHint: '留空 = 近 12 个月赢单平均金额：本人的；本人没有则取所在团队的，团队也没有则取全公司的', averagePlaceholder: '近 12 个月平均',
    averageFrom: {
      own: '按你近 12 个月的赢单', team: '按你所在团队近 12 个月的赢单', org: '按全公司近 12 个月的赢单',
      ownOf: '按{{name}}近 12 个月的赢单', teamOf: '按{{name}}所在团队近 12 个月的赢单',
    },
    startMonth: '开始月份', startMonthPlaceholder: '默认 {{month}} 起', startMonthHint: '计划从这个月起覆盖 12 个整月',
    ratios: '每签一单各阶段的活动数', ratiosHint: '课程的 653321 规则；可按自己的经验调整', ratiosIncomplete: '请填写每个阶段的活动数',
    stageWeeks: '各阶段用时（周）', stageWeeksHint: '课程的阶段周期：培训 3 周、见负责人 2.5 周、咨询 2 周、方案 1.5 周、谈判 1 周、签约 0.5 周；可按半周填写',
    weeksIncomplete: '请填写每个阶段的周数', halfWeeks: '周数须为整周或半周',
    compute: '计算计划', saveMine: '保存为我的计划', saveForPerson: '保存为该成员的计划', saved: '计划已保存', myself: '我自己',
    default: '默认', dealsNeeded: '需签约单数', leadIn: '先导期', monthsUnit: '个月', window: '计划期：{{from}} 至 {{to}}（12 个月）', weeksLine: '各阶段用时（周）：{{weeks}}', peak: '月度峰值', perMonth: '次/月', savedAt: '保存于',
    stageTotals: '各阶段活动总数', ratioLine: '{{ratios}} × {{deals}} 单 = 共 {{total}} 次活动', schedule: '月度活动计划',
    month: '月份', total: '合计', backlog: '待补（立即完成）', backlogHint: '按倒推应在计划开始前完成的活动，现在就要做',
    savedPlan: '已保存的计划：需签约 {{deals}} 单', showSaved: '查看已保存计划', notSaved: '尚未保存本年度计划',
    actualTitle: '计划与实际', noActual: '暂无计划与实际数据', person: '人员', planSource: '计划来源', source: { saved: '已保存计划', quota: '按配额推算' },
    plannedToDate: '截至本月计划', doneToDate: '截至本月完成', progress: '完成进度', behind: '落后', noPlan: '无计划', doneOfPlanned: '完成 / 计划',
  },
};
