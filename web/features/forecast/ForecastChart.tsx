import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastRow } from '../../../core/schemas/forecast.ts';
import { compactMoney, useEChart, type ChartOption } from '../../components/useEChart.ts';
import { useMoney } from '../../components/useMoney.ts';

interface Props {
  rows: ForecastRow[];
  height?: number;
  testId?: string;
}

const COLORS = {
  closedWon: '#389e0d',
  commit: '#1d4ed8',
  bestCase: '#60a5fa',
  quota: '#cf1322',
  attainment: '#d48806',
};

/**
 * Forecast against quota per row: closed won, commit and best case stacked (their top is the
 * best-case forecast), the quota as a red marker across the bar, attainment as a line on a % axis.
 * Amounts become floats here only because a chart needs numbers.
 */
export function ForecastChart({ rows, height = 320, testId = 'forecast-chart' }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = useMoney();
  const option = useMemo<ChartOption>(() => {
    const money = (v: unknown) => format(typeof v === 'number' ? v : String(v));
    const bar = (key: 'closedWon' | 'commit' | 'bestCase') => ({
      name: t(`forecast.col.${key}`),
      type: 'bar',
      stack: 'forecast',
      barMaxWidth: 36,
      itemStyle: { color: COLORS[key] },
      tooltip: { valueFormatter: money },
      data: rows.map((r) => Number(r[key])),
    });
    return {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { interval: 0, width: 80, overflow: 'truncate', rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => compactMoney(v, lang) } },
        { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        bar('closedWon'),
        bar('commit'),
        bar('bestCase'),
        {
          name: t('forecast.col.quota'),
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [40, 4],
          z: 5,
          itemStyle: { color: COLORS.quota },
          tooltip: { valueFormatter: money },
          data: rows.map((r) => (r.quota ? Number(r.quota.target) : null)),
        },
        {
          name: t('forecast.col.attainment'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: COLORS.attainment },
          tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
          data: rows.map((r) => (r.attainment === null ? null : Math.round(r.attainment * 1000) / 10)),
        },
      ],
    };
  }, [rows, t, lang, format]);
  const el = useEChart(option);
  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}
