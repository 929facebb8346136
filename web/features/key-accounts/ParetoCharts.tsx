import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParetoResult } from '../../../core/schemas/key-accounts.ts';
import { compactMoney, useEChart, type ChartOption } from '../../components/useEChart.ts';
import { useMoney } from '../../components/useMoney.ts';

// Tags write the class in its colour on a tint of it: each reads there at 4.5:1 or more.
export const CLASS_COLORS = { A: '#cf1322', B: '#1d4ed8', C: '#595959' } as const;
const LINE = '#d48806';
const pct = (share: number) => Math.round(share * 1000) / 10;

/** The thresholds as dashed lines on the cumulative (%) axis. */
function thresholdLines(thresholds: ParetoResult['thresholds'], label: (cls: 'A' | 'B') => string) {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed', color: '#595959' },
    label: { formatter: (p: { name?: string }) => p.name ?? '', position: 'insideEndTop' },
    data: [
      { name: label('A'), yAxis: pct(thresholds.a) },
      { name: label('B'), yAxis: pct(thresholds.b) },
    ],
  };
}

/**
 * The Pareto chart of the top accounts: their values as bars coloured by class, the cumulative share
 * of the total as a line on a % axis, and the two thresholds marked on it. Values become floats
 * here only because a chart needs numbers.
 */
export function ParetoChart({ data, height = 340 }: { data: ParetoResult; height?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = useMoney();
  const option = useMemo<ChartOption>(() => {
    const money = (v: unknown) => format(typeof v === 'number' ? v : String(v));
    const label = (cls: 'A' | 'B') =>
      t('pareto.thresholdLine', { cls, share: pct(data.thresholds[cls === 'A' ? 'a' : 'b']) });
    return {
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: data.bars.map((b) => b.name),
        axisLabel: { show: data.bars.length <= 20, interval: 0, width: 80, overflow: 'truncate', rotate: 30 },
      },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => compactMoney(v, lang) } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t(`pareto.metric.${data.metric}`),
          type: 'bar',
          barMaxWidth: 36,
          tooltip: { valueFormatter: money },
          data: data.bars.map((b) => ({ value: Number(b.value), itemStyle: { color: CLASS_COLORS[b.class] } })),
        },
        {
          name: t('pareto.cumulative'),
          type: 'line',
          yAxisIndex: 1,
          symbol: data.bars.length > 30 ? 'none' : 'circle',
          itemStyle: { color: LINE },
          tooltip: { valueFormatter: (v: unknown) => `${String(v)}%` },
          data: data.bars.map((b) => pct(b.cumulativeShare)),
          markLine: thresholdLines(data.thresholds, label),
        },
      ],
    };
  }, [data, t, lang, format]);
  const el = useEChart(option);
  return <div ref={el} data-testid="pareto-chart" style={{ width: '100%', height }} />;
}

/** The cumulative share over every account (x: share of the accounts, ranked), with the thresholds. */
export function CurveChart({ data, height = 260 }: { data: ParetoResult; height?: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const n = data.accounts || 1;
    const label = (cls: 'A' | 'B') =>
      t('pareto.thresholdLine', { cls, share: pct(data.thresholds[cls === 'A' ? 'a' : 'b']) });
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 28, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: t('pareto.accountsAxis'),
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { formatter: '{value}%' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('pareto.cumulative'),
          type: 'line',
          showSymbol: false,
          itemStyle: { color: LINE },
          areaStyle: { opacity: 0.15 },
          data: [[0, 0], ...data.curve.map((p) => [Math.round((p.rank / n) * 1000) / 10, pct(p.cumulativeShare)])],
          markLine: thresholdLines(data.thresholds, label),
        },
      ],
    };
  }, [data, t]);
  const el = useEChart(option);
  return <div ref={el} data-testid="pareto-curve" style={{ width: '100%', height }} />;
}
