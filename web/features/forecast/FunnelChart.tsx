import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineSummary } from '../../../core/schemas/forecast.ts';
import { useEChart, type ChartOption } from '../../components/useEChart.ts';
import { tooltipHtml } from '../../components/chartTooltip.ts';
import { formatMoney } from '../../lib/money.ts';
import { useMoney } from '../../components/useMoney.ts';
import { stageLabel } from '../stages/stageName.ts';

/**
 * The open funnel in stage order. The shape is fixed (each stage narrower than the one before): drawn
 * by count, an empty early stage would pinch the funnel into an hourglass and read as a mistake. The
 * figures are in each label and the tooltip.
 */
export function FunnelChart({
  summary,
  height = 300,
  testId = 'funnel-chart',
}: {
  summary: PipelineSummary;
  height?: number;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = useMoney();
  const option = useMemo<ChartOption>(() => {
    const n = summary.stages.length;
    const data = summary.stages.map((s, i) => ({
      name: stageLabel(s, lang),
      value: n - i,
      count: s.count,
      short: formatMoney(s.amount, lang, 'compact'),
      amount: money(s.amount),
      weighted: money(s.weightedAmount),
    }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: (typeof data)[number] }) =>
          tooltipHtml`${p.data.name}<br/>${t('forecast.deals', { count: p.data.count })}<br/>${t('forecast.amount')}: ${p.data.amount}<br/>${t('forecast.weighted')}: ${p.data.weighted}`,
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          top: 8,
          bottom: 8,
          minSize: '30%',
          gap: 2,
          label: {
            show: true,
            position: 'inside',
            formatter: (p: { data: (typeof data)[number] }) => `${p.data.name} · ${p.data.count} · ${p.data.short}`,
          },
          data,
        },
      ],
    };
  }, [summary, t, lang, money]);
  const el = useEChart(option);
  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}
