import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the pieces a horizontal bar chart needs; the full echarts bundle is several times larger.
echarts.use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)} ${unit}` },
        xAxis: { type: 'value', axisLabel: { formatter: `{value} ${unit}` } },
        yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [{ type: 'bar', data: [...values].reverse(), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 28 }],
      },
      true,
    );
  }, [labels, values, unit]);

  return <div ref={el} data-testid={testId} style={{ width: '100%', height: height ?? Math.max(160, labels.length * 32 + 40) }} />;
}
