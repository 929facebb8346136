import { describe, expect, it } from 'vitest';
import {
  computeHealth,
  computeRedFlags,
  healthPartKey,
  redFlagMessage,
  type DealFacts,
  type InfluenceFacts,
  type RedFlagOptions,
} from './blue-sheet.ts';

const NOW = new Date('2027-03-15T08:00:00Z');
const opts: RedFlagOptions = { now: NOW, timeZone: 'Asia/Shanghai', staleDays: 30, probabilityTolerance: 20 };
const person = (p: Partial<InfluenceFacts>): InfluenceFacts => ({
  roles: [],
  mode: 'growth',
  rating: 2,
  coverage: 'multiple',
  ...p,
});
const deal = (p: Partial<DealFacts> = {}): DealFacts => ({
  status: 'open',
  expectedCloseDate: '2027-06-30',
  probability: 20,
  stageProbability: 20,
  stageIndex: 1,
  proposalStageIndex: 3,
  lastActivityAt: null,
  influences: [
    person({ roles: ['economic'] }),
    person({ roles: ['coach'] }),
    person({ roles: ['user'] }),
    person({ roles: ['technical'] }),
  ],
  ...p,
});
const codes = (d: DealFacts) => computeRedFlags(d, opts).map((f) => f.code);

describe('red flags', () => {
  it('a well-covered deal has none', () => {
    expect(codes(deal())).toEqual([]);
  });

  it('no_economic_buyer, then economic_buyer_not_covered once one is named but not met', () => {
    const without = deal({ influences: deal().influences.filter((i) => !i.roles.includes('economic')) });
    expect(codes(without)).toContain('no_economic_buyer');
    const uncovered = deal({ influences: [...without.influences, person({ roles: ['economic'], coverage: 'none' })] });
    expect(codes(uncovered)).toContain('economic_buyer_not_covered');
    expect(codes(uncovered)).not.toContain('no_economic_buyer');
  });

  it('no_coach and role_not_covered', () => {
    const d = deal({
      influences: [
        person({ roles: ['economic'] }),
        person({ roles: ['user'], coverage: 'none' }),
        person({ roles: ['technical'] }),
      ],
    });
    const flags = computeRedFlags(d, opts);
    expect(flags.map((f) => f.code)).toEqual(['no_coach', 'role_not_covered']);
    expect(flags[1].params).toEqual({ role: 'user' });
  });

  it('negative_rating counts everyone at −4 or −5', () => {
    const d = deal({
      influences: [...deal().influences, person({ rating: -4 }), person({ rating: -5 }), person({ rating: -3 })],
    });
    expect(computeRedFlags(d, opts).find((f) => f.code === 'negative_rating')?.params).toEqual({ count: 2 });
  });

  it('economic_buyer_mode for even keel or overconfident', () => {
    for (const mode of ['even_keel', 'overconfident'] as const) {
      expect(
        codes(deal({ influences: [...deal().influences.slice(1), person({ roles: ['economic'], mode })] })),
      ).toContain('economic_buyer_mode');
    }
    expect(
      codes(deal({ influences: [...deal().influences.slice(1), person({ roles: ['economic'], mode: 'trouble' })] })),
    ).not.toContain('economic_buyer_mode');
  });

  it('single_threaded with one influencer', () => {
    expect(codes(deal({ influences: [person({ roles: ['economic', 'coach', 'user', 'technical'] })] }))).toEqual([
      'single_threaded',
    ]);
  });

  it('close_date_passed and stale only while open; stale only once activities exist', () => {
    expect(codes(deal({ expectedCloseDate: '2027-03-14' }))).toContain('close_date_passed');
    expect(codes(deal({ expectedCloseDate: '2027-03-15' }))).not.toContain('close_date_passed');
    expect(codes(deal({ expectedCloseDate: '2027-03-14', status: 'won' }))).not.toContain('close_date_passed');
    expect(codes(deal({ lastActivityAt: null }))).not.toContain('stale');
    const stale = computeRedFlags(deal({ lastActivityAt: new Date('2027-02-01T08:00:00Z') }), opts).find(
      (f) => f.code === 'stale',
    );
    expect(stale?.params).toEqual({ days: 42 });
    expect(codes(deal({ lastActivityAt: new Date('2027-03-01T08:00:00Z') }))).not.toContain('stale');
  });

  it('probability_override when far from the stage default', () => {
    expect(codes(deal({ probability: 40 }))).toContain('probability_override');
    expect(codes(deal({ probability: 35 }))).not.toContain('probability_override');
  });

  it('technical_buyer_not_covered at or past the proposal stage only', () => {
    const inf = [
      ...deal().influences.filter((i) => !i.roles.includes('technical')),
      person({ roles: ['technical'], coverage: 'none' }),
    ];
    expect(codes(deal({ influences: inf, stageIndex: 3 }))).toEqual(['technical_buyer_not_covered']);
    expect(codes(deal({ influences: inf, stageIndex: 2 }))).toEqual(['role_not_covered']);
  });

  it('messages in both languages with labels filled in', () => {
    const f = { code: 'economic_buyer_mode' as const, severity: 'medium' as const, params: { mode: 'overconfident' } };
    expect(redFlagMessage(f, 'zh')).toBe('关键决策者处于自我陶醉型，难以推动改变');
    expect(redFlagMessage(f, 'en')).toBe('The economic buyer is overconfident: unlikely to act');
    expect(redFlagMessage({ code: 'role_not_covered', severity: 'medium', params: { role: 'technical' } }, 'zh')).toBe(
      '技术把关者无人覆盖',
    );
  });
});

describe('health', () => {
  it('is 100 for full in-depth coverage and no flags', () => {
    const d = deal({ influences: deal().influences.map((i) => ({ ...i, coverage: 'in_depth' as const })) });
    expect(computeHealth(d, []).score).toBe(100);
  });

  it('adds up its visible parts', () => {
    const d = deal();
    const flags = computeRedFlags(deal({ expectedCloseDate: '2027-01-01', probability: 80 }), opts);
    const h = computeHealth(d, flags);
    expect(h.score).toBe(
      h.parts.filter((p) => p.key.startsWith('coverage.') || p.key === 'risk').reduce((s, p) => s + p.points, 0),
    );
    expect(h.parts.find((p) => p.key === 'flag.close_date_passed')?.points).toBe(-8);
    expect(h.parts.find((p) => p.key === 'risk')?.points).toBe(60 - 8 - 3);
    expect(h.score).toBe(4 * 7 + 49);
  });

  it('names each flag’s part once, even when a code repeats for two roles', () => {
    const d = deal({
      influences: [
        person({ roles: ['economic'] }),
        person({ roles: ['coach'] }),
        person({ roles: ['user'], coverage: 'none' }),
        person({ roles: ['technical'], coverage: 'none' }),
      ],
    });
    const flags = computeRedFlags(d, opts);
    expect(flags.filter((f) => f.code === 'role_not_covered').map((f) => f.params?.role)).toEqual([
      'user',
      'technical',
    ]);
    const keys = computeHealth(d, flags).parts.map((p) => p.key);
    expect(keys.filter((k) => k.startsWith('flag.'))).toEqual([
      'flag.role_not_covered.user',
      'flag.role_not_covered.technical',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(flags.map(healthPartKey)).toEqual(['flag.role_not_covered.user', 'flag.role_not_covered.technical']);
  });

  it('never goes below 0', () => {
    const d = deal({ influences: [] });
    const flags = computeRedFlags(d, opts);
    expect(computeHealth(d, [...flags, ...flags, ...flags]).score).toBe(0);
  });
});
