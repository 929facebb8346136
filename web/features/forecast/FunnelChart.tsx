import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineSummary } from '../../../core/schemas/forecast.ts';
import { useEChart, type ChartOption } from '../../components/useEChart.ts';
import { tooltipHtml } from '../../components/chartTooltip.ts';
import { formatMoney } from '../../lib/money.ts';
import { useMoney } from '../../components/useMoney.ts';
import { stageLabel } from '../stages/stageName.ts';
import { FUNNEL_MIN_SIZE, FUNNEL_WIDTH, funnelLabelLayouts } from './funnelLabels.ts';

/**
 * The open funnel in stage order. The shape is fixed (each stage narrower than the one before): drawn
 * by count, an empty early stage would pinch the funnel into an hourglass and read as a mistake. The
 * figures are in each label and the tooltip. Labels are sized to their shape (funnelLabels.ts): a long
 * English stage name wraps, and what still does not fit is cut with an ellipsis (the tooltip has it all).
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
  const [width, setWidth] = useState(0);
  const money = useMoney();
  const option = useMemo<ChartOption>(() => {
    const n = summary.stages.length;
    // Before the first measure, a width that errs narrow: labels never start out too wide.
    const layouts = funnelLabelLayouts(n, width || 320, height);
    const data = summary.stages.map((s, i) => ({
      name: stageLabel(s, lang),
      value: n - i,
      label: {
        width: layouts[i].width,
        fontSize: layouts[i].fontSize,
        lineHeight: layouts[i].fontSize + 3,
        height: layouts[i].maxLines * (layouts[i].fontSize + 3),
        overflow: 'break',
        lineOverflow: 'truncate',
      },
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
          left: `${((1 - FUNNEL_WIDTH) / 2) * 100}%`,
          width: `${FUNNEL_WIDTH * 100}%`,
          top: 8,
          bottom: 8,
          // ECharts' own defaults (0 and the largest value), spelled out: funnelLabels.ts mirrors them.
          min: 0,
          max: n,
          minSize: `${FUNNEL_MIN_SIZE * 100}%`,
          gap: 2,
          label: {
            show: true,
            position: 'inside',
            formatter: (p: { data: (typeof data)[number] }) => `${p.data.name}\n${p.data.count} · ${p.data.short}`,
          },
          data,
        },
      ],
    };
  }, [summary, t, lang, money, width, height]);
  const el = useEChart(option);
  useEffect(() => {
    const box = el.current;
    if (!box) return;
    const measure = () => setWidth(Math.round(box.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [el]);
  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}
