import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { withSafeTooltips } from './chartTooltip.ts';
import { numberToDecimal } from '../../core/money-format.ts';
import { formatMoney } from '../lib/money.ts';

// Only the pieces the forecast, funnel and planner charts draw with; the full bundle is several times larger.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One chart on a div: created once, resized with its box (the side drawer and phones change it),
 * and given a whole new option on every change (`notMerge`, so removed series really go). Every
 * chart draws through here, so every tooltip formatter is made safe here (chartTooltip.ts).
 */
export function useEChart(option: ChartOption) {
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
    chart.current?.setOption(withSafeTooltips(option), true);
  }, [option]);

  return el;
}

/** Axis labels always compact (¥300万 / ¥3M): full yuan amounts do not fit an axis. */
export function compactMoney(value: number, lang: string): string {
  return formatMoney(numberToDecimal(value), lang, 'compact');
}
