import { describe, expect, it } from 'vitest';
import { funnelLabelLayouts, stageNarrowWidth } from './funnelLabels.ts';

describe('funnel labels fit their shapes', () => {
  it('each label is narrower than its stage’s narrow edge, and the stages narrow downwards', () => {
    for (const [w, h, n] of [
      [360, 300, 6],
      [1100, 300, 6],
      [300, 300, 9],
    ]) {
      const layouts = funnelLabelLayouts(n, w, h);
      const edges = layouts.map((_, i) => stageNarrowWidth(i, n, w * 0.9));
      for (const [i, l] of layouts.entries()) expect(l.width).toBeLessThan(edges[i]);
      expect([...edges].sort((a, b) => b - a)).toEqual(edges);
      // A six-stage funnel 300 px high leaves room for the name and the figures on two lines.
      if (n === 6) expect(layouts.every((l) => l.maxLines >= 2)).toBe(true);
    }
  });

  it('the last stage keeps the minimum size', () => {
    expect(stageNarrowWidth(5, 6, 1000)).toBeCloseTo(300);
    expect(stageNarrowWidth(0, 6, 1000)).toBeCloseTo(300 + (700 * 5) / 6);
  });
});
