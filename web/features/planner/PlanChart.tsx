import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../core/schemas/forecast.ts';
import { useEChart, type ChartOption } from '../../components/useEChart.ts';
import { stageLabel } from '../stages/stageName.ts';

// Early stages light, late stages dark: the stack reads as the funnel moving towards signing.
const PALETTE = ['#bfdbfe', '#93c5fd', '#60a5fa', '#3b82f6', '#1d4ed8', '#1e3a8a', '#172554'];

/** The month-by-month activity load, one stacked bar per month (the backlog first, when there is one). */
export function PlanChart({ plan, height = 300 }: { plan: Plan; height?: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const backlog = plan.backlog.total > 0;
    const categories = [...(backlog ? [t('planner.backlog')] : []), ...plan.months.map((m) => m.month)];
    return {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: plan.stageTotals.map((s, i) => ({
        name: stageLabel(s, i18n.language),
        type: 'bar',
        stack: 'plan',
        barMaxWidth: 36,
        itemStyle: { color: PALETTE[Math.min(i, PALETTE.length - 1)] },
        data: [
          ...(backlog ? [plan.backlog.counts[s.stageId] ?? 0] : []),
          ...plan.months.map((m) => m.counts[s.stageId] ?? 0),
        ],
      })),
    };
  }, [plan, t, i18n.language]);
  const el = useEChart(option);
  return <div ref={el} data-testid="plan-chart" style={{ width: '100%', height }} />;
}
