import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineSummary } from '../../../core/schemas/forecast.ts';
import { useEChart, type ChartOption } from '../../components/useEChart.ts';
import { formatMoney } from '../../lib/money.ts';
import { stageLabel } from '../catalog/stageName.ts';

/**
 * The open funnel in stage order, drawn by deal count (the funnel's shape is how many deals make it
 * through); each label carries the amount too. `sort: 'none'` keeps the configured stage order even
 * where a later stage holds more deals than an earlier one.
 */
export function FunnelChart({ summary, height = 300, testId = 'funnel-chart' }: { summary: PipelineSummary; height?: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo<ChartOption>(() => {
    const locale = lang === 'en' ? 'en-US' : 'zh-CN';
    const data = summary.stages.map((s) => ({
      name: stageLabel(s, lang),
      value: s.count,
      amount: formatMoney(s.amount, locale),
      weighted: formatMoney(s.weightedAmount, locale),
    }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: (typeof data)[number] }) =>
          `${p.data.name}<br/>${t('forecast.deals', { count: p.data.value })}<br/>${t('forecast.amount')}: ${p.data.amount}<br/>${t('forecast.weighted')}: ${p.data.weighted}`,
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          top: 8,
          bottom: 8,
          minSize: '20%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: (p: { data: (typeof data)[number] }) => `${p.data.name} · ${p.data.value}` },
          data,
        },
      ],
    };
  }, [summary, t, lang]);
  const el = useEChart(option);
  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}
