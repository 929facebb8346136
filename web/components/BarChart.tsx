import { useMemo } from 'react';
import { useEChart } from './useEChart.ts';

interface Props {
  labels: string[];
  values: number[];
  /** Shown after each value in the tooltip and on the axis, e.g. "h". */
  unit: string;
  height?: number;
  testId?: string;
}

/** Horizontal bars, largest on top: category labels read better down the side than under the bars. */
export function BarChart({ labels, values, unit, height, testId }: Props) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => `${String(v)} ${unit}`,
      },
      xAxis: { type: 'value', axisLabel: { formatter: `{value} ${unit}` } },
      yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: [...values].reverse(), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 28 }],
    }),
    [labels, values, unit],
  );
  const el = useEChart(option);

  return (
    <div
      ref={el}
      data-testid={testId}
      style={{ width: '100%', height: height ?? Math.max(160, labels.length * 32 + 40) }}
    />
  );
}
