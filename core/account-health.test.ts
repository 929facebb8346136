import { describe, expect, it } from 'vitest';
import { computeAccountHealth, RED_FLAG_SEVERITY, type AccountHealthFacts } from './account-health.ts';
import { computeRedFlags, type DealFacts } from './blue-sheet.ts';

const NOW = new Date('2027-03-15T08:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const facts = (p: Partial<AccountHealthFacts> = {}): AccountHealthFacts => ({
  keyContacts: { total: 4, covered: 3, supportive: 2 },
  allContacts: { total: 6, covered: 3, supportive: 2 },
  openDeals: [{ codes: [], deals: 1 }],
  lastDoneAt: daysAgo(3),
  satisfaction: { count: 2, sum: 9 },
  ...p,
});
const part = (f: AccountHealthFacts, key: string) =>
  computeAccountHealth(f, NOW).components.find((c) => c.key === key)!;

describe('account health', () => {
  it('weights four components 35/25/25/15 and explains each', () => {
    const h = computeAccountHealth(facts(), NOW);
    // coverage 80×3/4 + 20×2/4 = 70; no flags 100; 3 days ago 100; average 4.5 → 87.5 → 88.
    expect(h.components).toEqual([
      {
        key: 'coverage',
        score: 70,
        weight: 35,
        share: 35,
        detail: { contacts: 4, covered: 3, supportive: 2, keyContacts: 4 },
      },
      {
        key: 'redFlags',
        score: 100,
        weight: 25,
        share: 25,
        detail: { openDeals: 1, flaggedDeals: 0, high: 0, medium: 0, low: 0 },
      },
      { key: 'lastContact', score: 100, weight: 25, share: 25, detail: { days: 3 } },
      { key: 'satisfaction', score: 88, weight: 15, share: 15, detail: { average: 4.5, count: 2 } },
    ]);
    // (70×35 + 100×25 + 100×25 + 88×15) / 100 = 87.7
    expect(h.score).toBe(88);
  });

  it('uses every contact when nobody is rated high or medium', () => {
    const c = part(
      facts({
        keyContacts: { total: 0, covered: 0, supportive: 0 },
        allContacts: { total: 5, covered: 5, supportive: 0 },
      }),
      'coverage',
    );
    expect(c).toMatchObject({ score: 80, detail: { contacts: 5, covered: 5, supportive: 0, keyContacts: 0 } });
    expect(
      part(
        facts({
          keyContacts: { total: 0, covered: 0, supportive: 0 },
          allContacts: { total: 0, covered: 0, supportive: 0 },
        }),
        'coverage',
      ).score,
    ).toBe(0);
  });

  it('red flags fall with count and severity, averaged over open deals; a deal never below 0', () => {
    const f = facts({
      openDeals: [
        { codes: ['no_economic_buyer', 'no_coach'], deals: 1 },
        { codes: ['probability_override'], deals: 1 },
        { codes: [], deals: 1 },
      ],
    });
    // (100 − 30 − 15) + (100 − 5) + 100 = 250 / 3 = 83.3
    expect(part(f, 'redFlags')).toMatchObject({
      score: 83,
      detail: { openDeals: 3, flaggedDeals: 2, high: 1, medium: 1, low: 1 },
    });
    const worst = facts({
      openDeals: [
        { codes: ['no_economic_buyer', 'technical_buyer_not_covered', 'negative_rating', 'stale'], deals: 1 },
      ],
    });
    expect(part(worst, 'redFlags').score).toBe(0);
    expect(part(facts({ openDeals: [{ codes: ['some_future_code'], deals: 1 }] }), 'redFlags').detail).toMatchObject({
      medium: 1,
    });
    // Deals with the same codes count one by one.
    expect(
      part(
        facts({
          openDeals: [
            { codes: ['no_coach'], deals: 3 },
            { codes: [], deals: 1 },
          ],
        }),
        'redFlags',
      ),
    ).toMatchObject({ score: 89, detail: { openDeals: 4, flaggedDeals: 3, medium: 3 } });
  });

  it('scores a frozen code list it has seen before exactly as a fresh one', () => {
    const codes = Object.freeze(['no_economic_buyer', 'no_coach']);
    const fresh = part(facts({ openDeals: [{ codes: [...codes], deals: 2 }] }), 'redFlags');
    for (let i = 0; i < 3; i++)
      expect(
        part(
          facts({
            openDeals: [
              { codes, deals: 2 },
              { codes, deals: 1 },
            ],
          }),
          'redFlags',
        ),
      ).toEqual({ ...fresh, detail: { ...fresh.detail, openDeals: 3, flaggedDeals: 3, high: 3, medium: 3 } });
    // An unfrozen list may change between calls, so it is never kept.
    const mutable = ['no_coach'];
    expect(part(facts({ openDeals: [{ codes: mutable, deals: 1 }] }), 'redFlags').score).toBe(85);
    mutable.push('negative_rating');
    expect(part(facts({ openDeals: [{ codes: mutable, deals: 1 }] }), 'redFlags').score).toBe(55);
  });

  it('last contact: full up to 14 days, linear to 0 at 90, 0 when never', () => {
    expect(part(facts({ lastDoneAt: daysAgo(14) }), 'lastContact').score).toBe(100);
    expect(part(facts({ lastDoneAt: daysAgo(52) }), 'lastContact').score).toBe(50);
    expect(part(facts({ lastDoneAt: daysAgo(90) }), 'lastContact').score).toBe(0);
    expect(part(facts({ lastDoneAt: daysAgo(400) }), 'lastContact').score).toBe(0);
    expect(part(facts({ lastDoneAt: null }), 'lastContact')).toMatchObject({ score: 0, detail: { days: null } });
    // A done call dated later today counts as today.
    expect(part(facts({ lastDoneAt: new Date(NOW.getTime() + 3_600_000) }), 'lastContact').detail).toEqual({ days: 0 });
  });

  it('drops components without data and renormalises the others', () => {
    const h = computeAccountHealth(
      facts({ openDeals: [], satisfaction: { count: 0, sum: 0 }, lastDoneAt: daysAgo(52) }),
      NOW,
    );
    expect(h.components.map((c) => [c.key, c.score, c.share])).toEqual([
      ['coverage', 70, 58.3],
      ['redFlags', null, 0],
      ['lastContact', 50, 41.7],
      ['satisfaction', null, 0],
    ]);
    // (70×35 + 50×25) / 60 = 61.67
    expect(h.score).toBe(62);
  });

  it('is null for an account with nothing to judge yet, and deterministic for a clock', () => {
    const empty = facts({
      keyContacts: { total: 0, covered: 0, supportive: 0 },
      allContacts: { total: 0, covered: 0, supportive: 0 },
      openDeals: [],
      lastDoneAt: null,
      satisfaction: { count: 0, sum: 0 },
    });
    expect(computeAccountHealth(empty, NOW).score).toBeNull();
    // A new account with its first contacts entered, none met or on our side yet: not a 0 in red.
    const named = facts({
      ...empty,
      keyContacts: { total: 1, covered: 0, supportive: 0 },
      allContacts: { total: 2, covered: 0, supportive: 0 },
    });
    const h = computeAccountHealth(named, NOW);
    expect(h.score).toBeNull();
    expect(h.components.map((c) => [c.key, c.score, c.share])).toEqual([
      ['coverage', null, 0],
      ['redFlags', null, 0],
      ['lastContact', null, 0],
      ['satisfaction', null, 0],
    ]);
    expect(h.components[0].detail).toMatchObject({ contacts: 1, covered: 0 });
    // Once one of them is met, or on our side, there is something to judge.
    expect(
      computeAccountHealth({ ...named, allContacts: { total: 2, covered: 1, supportive: 0 } }, NOW).score,
    ).not.toBeNull();
    expect(
      computeAccountHealth({ ...named, allContacts: { total: 2, covered: 0, supportive: 1 } }, NOW).score,
    ).not.toBeNull();
    expect(computeAccountHealth(facts(), NOW)).toEqual(computeAccountHealth(facts(), new Date(NOW)));
  });

  it('satisfaction maps 1–5 onto 0–100', () => {
    expect(part(facts({ satisfaction: { count: 1, sum: 1 } }), 'satisfaction').score).toBe(0);
    expect(part(facts({ satisfaction: { count: 3, sum: 9 } }), 'satisfaction').score).toBe(50);
    expect(part(facts({ satisfaction: { count: 1, sum: 5 } }), 'satisfaction').score).toBe(100);
  });

  it('knows the severity the Blue Sheet gives every flag it raises', () => {
    const bare: DealFacts = {
      status: 'open',
      expectedCloseDate: '2027-01-01',
      probability: 90,
      stageProbability: 20,
      stageIndex: 4,
      proposalStageIndex: 3,
      lastActivityAt: daysAgo(60),
      influences: [{ roles: ['economic'], mode: 'even_keel', rating: -5, coverage: 'none' }],
    };
    const flags = [
      ...computeRedFlags(bare, { now: NOW, timeZone: 'Asia/Shanghai', staleDays: 30, probabilityTolerance: 20 }),
      ...computeRedFlags(
        { ...bare, influences: [] },
        { now: NOW, timeZone: 'Asia/Shanghai', staleDays: 30, probabilityTolerance: 20 },
      ),
    ];
    expect(flags.length).toBeGreaterThan(8);
    for (const f of flags) expect([f.code, RED_FLAG_SEVERITY[f.code]]).toEqual([f.code, f.severity]);
  });
});
