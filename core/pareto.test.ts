import { describe, expect, it } from 'vitest';
import { abcClass, curveStep, pareto, recommendedShare } from './pareto.ts';

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
const input = (values: (string | null)[]) => {
  const keys = ids(values.length);
  return values.map((value, i) => ({ id: keys[i], value }));
};

describe('Pareto / ABC classes', () => {
  it("classifies the issue's example: 3 A, 4 B, 3 C", () => {
    const p = pareto(input(['50', '20', '10', '5', '5', '4', '3', '1', '1', '1']));
    expect(p.rows.map((r) => r.class).join('')).toBe('AAABBBBCCC');
    expect(p.total).toBe('100.00');
    expect(p.rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.7, 0.8, 0.85, 0.9, 0.94, 0.97, 0.98, 0.99, 1]);
    expect(p.rows[1]).toMatchObject({ rank: 2, value: '20.00', share: 0.2 });
    expect(p.classes).toEqual([
      { class: 'A', accounts: 3, value: '80.00', share: 0.8 },
      { class: 'B', accounts: 4, value: '17.00', share: 0.17 },
      { class: 'C', accounts: 3, value: '3.00', share: 0.03 },
    ]);
    // The top fifth is two accounts making 70%; three make 80%.
    expect(p.concentration).toEqual({ topCount: 2, topShare: 0.7, accountsFor80: 3 });
  });

  it('ranks whatever order the values come in, ties by id', () => {
    const shuffled = input(['1', '50', '5', '1', '20', '3', '10', '4', '5', '1']);
    const p = pareto(shuffled);
    expect(p.rows.map((r) => r.value)).toEqual([
      '50.00',
      '20.00',
      '10.00',
      '5.00',
      '5.00',
      '4.00',
      '3.00',
      '1.00',
      '1.00',
      '1.00',
    ]);
    expect(p.rows.filter((r) => r.value === '5.00').map((r) => r.id)).toEqual([shuffled[2].id, shuffled[8].id]);
    expect(p.rows.map((r) => r.class).join('')).toBe('AAABBBBCCC');
  });

  it('follows configured thresholds, compared exactly at the boundary', () => {
    const values = ['50', '20', '10', '5', '5', '4', '3', '1', '1', '1'];
    expect(
      pareto(input(values), { a: 0.7, b: 0.9 })
        .rows.map((r) => r.class)
        .join(''),
    ).toBe('AABBBCCCCC');
    // 70 above is not below 0.7, but is below 0.7001.
    expect(
      pareto(input(values), { a: 0.7001, b: 0.9 })
        .rows.map((r) => r.class)
        .join(''),
    ).toBe('AAABBCCCCC');
    expect(abcClass(80n, 1n, 100n, { a: 0.8, b: 0.95 })).toBe('B');
    expect(abcClass(79n, 1n, 100n, { a: 0.8, b: 0.95 })).toBe('A');
  });

  it('puts accounts without value last, in C', () => {
    const p = pareto(input([null, '0', '100.50', '0.01']));
    expect(p.rows.map((r) => [r.value, r.class])).toEqual([
      ['100.50', 'A'],
      ['0.01', 'C'],
      ['0.00', 'C'],
      ['0.00', 'C'],
    ]);
    expect(p.concentration.accountsFor80).toBe(1);
  });

  it('answers an empty or all-zero set without dividing by zero', () => {
    expect(pareto([])).toEqual({
      total: '0.00',
      rows: [],
      classes: [
        { class: 'A', accounts: 0, value: '0.00', share: 0 },
        { class: 'B', accounts: 0, value: '0.00', share: 0 },
        { class: 'C', accounts: 0, value: '0.00', share: 0 },
      ],
      concentration: { topCount: 0, topShare: 0, accountsFor80: 0 },
    });
    const zeros = pareto(input(['0', null]));
    expect(zeros.rows.map((r) => [r.class, r.share, r.cumulativeShare])).toEqual([
      ['C', 0, 0],
      ['C', 0, 0],
    ]);
  });

  it('keeps money exact beyond float precision', () => {
    const p = pareto(input(['9999999999999999.99', '0.01']));
    expect(p.total).toBe('10000000000000000.00');
    expect(p.classes[2].value).toBe('0.01');
  });
});

describe('curve sampling and effort', () => {
  it('samples at most 200 ranks', () => {
    for (const n of [1, 199, 200, 201, 1000, 100_001]) {
      const step = curveStep(n);
      const points = Math.floor(n / step) + (n % step ? 1 : 0);
      expect(points).toBeLessThanOrEqual(200);
    }
  });

  it('recommends by revenue share or by fixed shares', () => {
    expect(recommendedShare('B', 0.3, null)).toBe(0.3);
    expect(recommendedShare('none', 0.1, null)).toBe(0.1);
    expect(recommendedShare('A', 0.3, { A: 0.6, B: 0.3, C: 0.1 })).toBe(0.6);
    expect(recommendedShare('none', 0.1, { A: 0.6, B: 0.3, C: 0.1 })).toBe(0);
  });
});
