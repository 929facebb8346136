import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, fromCents, lineTotal, toCents, weightedAmount } from './funnel.ts';

describe('funnel money', () => {
  it('weights exactly', () => {
    expect(weightedAmount('100000.00', 45)).toBe('45000.00');
    expect(weightedAmount('0.05', 50)).toBe('0.03');
    expect(weightedAmount('9999999999999999.99', 100)).toBe('9999999999999999.99');
  });
  it('line totals apply quantity and discount to the cent', () => {
    expect(lineTotal('3', '100000.10', '10')).toBe('270000.27');
    expect(lineTotal('1.5', '0.99', '0')).toBe('1.49');
    expect(lineTotal('2', '50', '100')).toBe('0.00');
  });
  it('round-trips cents', () => {
    for (const v of ['0.00', '1.50', '-2.05', '12345678901234.56']) expect(fromCents(toCents(v))).toBe(v);
    expect(toCents('7')).toBe(700n);
    expect(toCents('7.5')).toBe(750n);
  });
});

describe('default funnel', () => {
  it('follows the course: 10/20/45/50/80/100 and lost 0', () => {
    expect(DEFAULT_STAGES.map((s) => s.probability)).toEqual([10, 20, 45, 50, 80, 100, 0]);
    expect(DEFAULT_STAGES.filter((s) => s.kind === 'open')).toHaveLength(5);
    expect(DEFAULT_STAGES.every((s) => s.exitCriteria.every((c) => c.label && c.labelEn))).toBe(true);
  });
});
