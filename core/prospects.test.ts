import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROSPECT_SETTINGS,
  dropCount,
  exactCut,
  isProspect,
  rankProspects,
  shareMillionths,
} from './prospects.ts';

const p = (id: string, name: string, score: number | null) => ({ id, name, score });

describe('dropCount', () => {
  it('rounds n × share up, so at least the share is reviewed', () => {
    expect(dropCount(10, 0.35)).toBe(4);
    expect(dropCount(20, 0.35)).toBe(7);
    expect(dropCount(3, 0.35)).toBe(2);
    expect(dropCount(1, 0.35)).toBe(1);
    expect(dropCount(0, 0.35)).toBe(0);
  });

  it('counts exactly where floats would not (0.35 × 60 = 21, 0.7 × 10 = 7)', () => {
    expect(dropCount(60, 0.35)).toBe(21);
    expect(dropCount(100, 0.35)).toBe(35);
    expect(dropCount(10, 0.7)).toBe(7);
    expect(dropCount(3, 0.1)).toBe(1);
    expect(shareMillionths(0.35)).toBe(350_000);
  });

  it('defaults to the course: 35% dropped, 20 claims', () => {
    expect(DEFAULT_PROSPECT_SETTINGS).toEqual({ dropShare: 0.35, claimLimit: 20 });
  });
});

describe('isProspect', () => {
  it('is an account with neither a won deal nor revenue of ours in the archive', () => {
    expect(isProspect({ wonDeals: 0, ourRevenue: null })).toBe(true);
    expect(isProspect({ wonDeals: 0, ourRevenue: '0.00' })).toBe(true);
    // 上海六院 in the demo: ¥95.9M billed before OpenKAM, no deal won in it yet — a customer.
    expect(isProspect({ wonDeals: 0, ourRevenue: '95900000.00' })).toBe(false);
    expect(isProspect({ wonDeals: 0, ourRevenue: '0.01' })).toBe(false);
    expect(isProspect({ wonDeals: 1, ourRevenue: null })).toBe(false);
  });
});

describe('exactCut', () => {
  it('shows the cut before rounding up: 35% of 17 = 5.95 → 6', () => {
    expect(exactCut(17, 0.35)).toBe('5.95');
    expect(dropCount(17, 0.35)).toBe(6);
    expect(exactCut(20, 0.35)).toBe('7');
    expect(exactCut(3, 0.1)).toBe('0.3');
    expect(exactCut(0, 0.35)).toBe('0');
    expect(exactCut(7, 0.123457)).toBe('0.864199');
  });
});

describe('rankProspects', () => {
  it('ranks by score descending, unscored last, and flags the bottom share', () => {
    const ranked = rankProspects(
      [p('1', '丙', 40), p('2', '甲', null), p('3', '乙', 90), p('4', '丁', 10), p('5', '戊', 60)],
      0.35,
    );
    expect(ranked.map((r) => [r.id, r.rank, r.dropCandidate])).toEqual([
      ['3', 1, false],
      ['5', 2, false],
      ['1', 3, false],
      ['4', 4, true],
      ['2', 5, true],
    ]);
  });

  it('breaks ties by name, then id, so a tie at the cut falls the same way every time', () => {
    const ranked = rankProspects([p('b', 'B', 50), p('a', 'B', 50), p('c', 'A', 50)], 0.35);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(ranked.map((r) => r.dropCandidate)).toEqual([false, true, true]);
  });

  it('flags nothing in an empty list and everything at a share just under 1', () => {
    expect(rankProspects([], 0.35)).toEqual([]);
    expect(rankProspects([p('1', 'x', 1), p('2', 'y', 2)], 0.99).every((r) => r.dropCandidate)).toBe(true);
  });
});
