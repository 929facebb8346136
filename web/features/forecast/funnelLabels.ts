// Where the funnel's labels go. Each stage is a trapezoid whose narrow (lower) edge is the next
// stage's width; a label inside it gets that width, less a margin, so a long English stage name
// ("Meeting the decision owner") wraps onto lines or is cut with an ellipsis instead of spilling
// over the shape's edges. The geometry mirrors ECharts' funnel layout for the options below.

/** The funnel series' geometry: values n..1 mapped linearly from [0, n] onto [minSize, 100 %]. */
export const FUNNEL_MIN_SIZE = 0.3;
export const FUNNEL_WIDTH = 0.9;
const MARGIN_PX = 12;

/** Width in px of stage i's narrow edge, for n stages in a series `seriesWidth` px wide. */
export function stageNarrowWidth(i: number, n: number, seriesWidth: number): number {
  const next = Math.max(n - i - 1, 0);
  return seriesWidth * (FUNNEL_MIN_SIZE + ((1 - FUNNEL_MIN_SIZE) * next) / n);
}

export interface StageLabelLayout {
  /** The label box's width: the text wraps or is cut at it. */
  width: number;
  fontSize: number;
  /** Lines that fit the stage's height; more are cut with an ellipsis. */
  maxLines: number;
}

/** One label layout per stage for a chart `chartWidth` × `chartHeight` px (8 px padding top and bottom, 2 px gaps). */
export function funnelLabelLayouts(n: number, chartWidth: number, chartHeight: number): StageLabelLayout[] {
  const seriesWidth = chartWidth * FUNNEL_WIDTH;
  const stageHeight = n ? (chartHeight - 16 - 2 * (n - 1)) / n : 0;
  return Array.from({ length: n }, (_, i) => {
    const width = Math.max(stageNarrowWidth(i, n, seriesWidth) - MARGIN_PX, 24);
    const fontSize = width < 140 || stageHeight < 36 ? 11 : 12;
    const maxLines = Math.max(1, Math.floor(stageHeight / (fontSize + 3)));
    return { width, fontSize, maxLines };
  });
}
