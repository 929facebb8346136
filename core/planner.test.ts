import { describe, expect, it } from 'vitest';
import {
  addMonths,
  closesPerMonth,
  dealsNeeded,
  defaultDealSize,
  evenStageWeeks,
  planActivities,
  plannedMonths,
  planProgress,
  planStart,
  roundRunning,
  spread,
  weeksOfMonths,
  type PlanSpec,
} from './planner.ts';
import { DEFAULT_PLAN_RATIOS, DEFAULT_STAGE_WEEKS } from './enums.ts';

const stages = ['training', 'meeting', 'consulting', 'proposal', 'tender', 'signing'];
const spec: PlanSpec = {
  quota: '3000000',
  averageDealSize: '300000',
  ratios: [...DEFAULT_PLAN_RATIOS],
  stageIds: stages,
  stageWeeks: [...DEFAULT_STAGE_WEEKS],
  startMonth: '2027-01',
};
const row = (m: { counts: Record<string, number> }) => stages.map((s) => m.counts[s]);

const sumAll = (plan: ReturnType<typeof planActivities>, stageId: string) =>
  plan.months.reduce((s, m) => s + m.counts[stageId], 0) + plan.backlog.counts[stageId];

describe('the 653321 planner', () => {
  it("works the course's example: 3,000,000 at 300,000 a deal, signing one a month from March", () => {
    const plan = planActivities(spec);
    expect(plan.dealsNeeded).toBe(10);
    expect(plan.stageTotals.map((s) => s.count)).toEqual([60, 50, 30, 30, 20, 10]);
    expect(plan.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`),
    );
    // "1月 2月 3月-1单 4月-1单 … 12月-1单": two months' lead-in, then a signing every month, July too.
    expect(plan.leadInMonths).toBe(2);
    expect(plan.months.map((m) => m.counts.signing)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // In full swing a month holds one deal at every stage: 6 + 5 + 3 + 3 + 2 + 1 = 20, the course's busiest month.
    for (const m of plan.months.slice(2, 10)) expect(row(m)).toEqual([6, 5, 3, 3, 2, 1]);
    expect(plan.peakMonthlyTotal).toBe(20);
    // The lead-in prepares March's deal; nothing falls before the plan.
    expect(row(plan.months[0])).toEqual([4, 0, 0, 0, 0, 0]);
    expect(plan.backlog.total).toBe(0);
  });

  it('places every activity exactly once, in a month or in the backlog', () => {
    for (const stageWeeks of [
      [...DEFAULT_STAGE_WEEKS],
      [1, 1, 1, 1, 1, 1],
      [4.5, 4.5, 4.5, 4.5, 4.5, 4.5],
      [13, 13, 13, 13, 13, 13],
      [0.5, 8, 0.5, 3, 26, 0.5],
    ]) {
      for (const [quota, startMonth] of [
        ['3000000', '2027-01'],
        ['900000', '2026-12'],
        ['6000000.01', '2027-07'],
        ['300000', '2027-05'],
      ]) {
        const plan = planActivities({ ...spec, quota, stageWeeks, startMonth });
        for (const s of plan.stageTotals) expect(sumAll(plan, s.stageId), `${stageWeeks} ${quota}`).toBe(s.count);
        expect(plan.months).toHaveLength(12);
      }
    }
  });

  it("spreads a stage's activities over the weeks it takes, not into one month", () => {
    // One deal, each stage about two months (the old "2 months per stage"): its six trainings run over two months.
    const plan = planActivities({ ...spec, quota: '300000', stageWeeks: stages.map(() => weeksOfMonths(2)) });
    const trainings = plan.months.map((m) => m.counts.training).filter((n) => n > 0);
    expect(trainings.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...trainings)).toBeLessThan(6);
    expect(trainings.reduce((s, n) => s + n, 0) + plan.backlog.counts.training).toBe(6);
  });

  it('takes stages shorter than a month: a week each signs from the second month', () => {
    const plan = planActivities({ ...spec, stageWeeks: [1, 1, 1, 1, 1, 1] });
    expect(plan.leadInMonths).toBe(1);
    expect(plan.months.map((m) => m.counts.signing)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(plan.backlog.total).toBe(0);
    // Six weeks from first training to signing: February's deal starts in January.
    expect(plan.months[0].counts.training).toBe(6);
    expect(plan.months[0].counts.signing).toBe(0);
  });

  it('signs several a month only when there are more deals than months, and shortens the lead-in before that', () => {
    const many = planActivities({ ...spec, quota: '4500000' });
    expect(many.dealsNeeded).toBe(15);
    expect(many.months.map((m) => m.counts.signing)).toEqual(spread(15, 12));
    expect(Math.min(...many.months.map((m) => m.counts.signing))).toBe(1);
    const eleven = planActivities({ ...spec, quota: '3300000' });
    expect(eleven.leadInMonths).toBe(1);
    expect(eleven.months.map((m) => m.counts.signing)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // The first deal's early stages needed more than the one month left: they are due now.
    expect(eleven.backlog.counts.training).toBeGreaterThan(0);
  });

  it('covers twelve whole months from any start, across the year end', () => {
    const plan = planActivities({ ...spec, startMonth: '2026-12' });
    expect(plan.months.map((m) => m.month)).toEqual([
      '2026-12',
      ...Array.from({ length: 11 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`),
    ]);
    // Not a year's quota in one month: the same rhythm as a January start.
    expect(plan.months.map((m) => m.counts.signing)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(plan.peakMonthlyTotal).toBe(20);
  });

  it('rounds deals up and stays exact with cents', () => {
    expect(dealsNeeded('3000000', '300000')).toBe(10);
    expect(dealsNeeded('3000000.01', '300000')).toBe(11);
    expect(dealsNeeded('999.99', '1000')).toBe(1);
    expect(() => dealsNeeded('1', '0')).toThrow();
  });

  it('refuses a duration per stage missing or of no time', () => {
    expect(() => planActivities({ ...spec, stageWeeks: [1, 1] })).toThrow(RangeError);
    expect(() => planActivities({ ...spec, stageWeeks: [1, 1, 1, 0, 1, 1] })).toThrow(RangeError);
  });

  it('tells who is behind plan', () => {
    const plan = planActivities(spec);
    const planned = plan.backlog.total + plan.months[0].total + plan.months[1].total;
    expect(planProgress(plan, new Map([['2027-01', planned - 1]]), '2027-02')).toMatchObject({
      plannedToDate: planned,
      doneToDate: planned - 1,
      behind: true,
    });
    expect(
      planProgress(
        plan,
        new Map([
          ['2027-02', planned],
          ['2027-03', 99],
        ]),
        '2027-02',
      ),
    ).toMatchObject({ behind: false, progress: 1 });
    expect(planProgress(plan, new Map(), '2026-12')).toMatchObject({ plannedToDate: 0, progress: null, behind: false });
  });
});

describe('the plan window', () => {
  it('defaults to the next twelve whole months: in December, next year', () => {
    expect(planStart('2026-12-15')).toEqual({ year: 2027, startMonth: '2027-01' });
    expect(planStart('2027-03-01')).toEqual({ year: 2027, startMonth: '2027-04' });
  });

  it('starts a year under way next month, another year in January, and a chosen month where asked', () => {
    expect(planStart('2027-03-20', 2027)).toEqual({ year: 2027, startMonth: '2027-04' });
    expect(planStart('2027-12-20', 2027)).toEqual({ year: 2027, startMonth: '2027-01' });
    expect(planStart('2027-03-20', 2028)).toEqual({ year: 2028, startMonth: '2028-01' });
    expect(planStart('2027-03-20', 2026)).toEqual({ year: 2026, startMonth: '2026-01' });
    expect(planStart('2027-03-20', 2027, 1)).toEqual({ year: 2027, startMonth: '2027-01' });
    expect(planStart('2027-03-20', undefined, 10)).toEqual({ year: 2027, startMonth: '2027-10' });
  });

  it('counts months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2027-05', 11)).toBe('2028-04');
  });
});

describe('durations', () => {
  it('turns the months of old plans into weeks to the half week, and splits the course cycle over other funnels', () => {
    expect([1, 2, 3].map(weeksOfMonths)).toEqual([4.5, 8.5, 13]);
    expect(DEFAULT_STAGE_WEEKS.reduce((s, w) => s + w, 0)).toBe(10.5);
    expect(evenStageWeeks(4)).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(evenStageWeeks(30).every((w) => w === 0.5)).toBe(true);
  });

  it('rounds running totals so neighbours even out and the whole stays exact', () => {
    expect(roundRunning([63, 57], 10)).toEqual([6, 6]);
    expect(roundRunning([1, 1, 1, 1], 4)).toEqual([0, 1, 0, 0]);
    expect(roundRunning([0, 24, 0], 4)).toEqual([0, 6, 0]);
  });

  it('finds the lead-in one deal needs inside the plan', () => {
    expect(closesPerMonth(3, [104, 208, 312, 416], 150)).toEqual({ closes: [0, 1, 1, 1], leadIn: 1 });
    expect(closesPerMonth(2, [104, 208, 312, 416], 1000)).toEqual({ closes: [0, 0, 1, 1], leadIn: 2 });
    expect(closesPerMonth(6, [104, 208, 312, 416], 10)).toEqual({ closes: spread(6, 4), leadIn: 0 });
  });
});

describe('plannedMonths', () => {
  it("takes each month of the year from the last plan covering it, a plan's backlog in its first month", () => {
    const year = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);
    const fallback = planActivities({ ...spec, quota: '3600000', startMonth: '2027-01' });
    const last = planActivities({ ...spec, startMonth: '2026-07' });
    const mine = planActivities({ ...spec, quota: '600000', stageWeeks: [1, 1, 1, 1, 1, 1], startMonth: '2027-04' });
    const months = plannedMonths([fallback, last, mine], year);
    expect(months.slice(0, 3).map((m) => m.total)).toEqual(last.months.slice(6, 9).map((m) => m.total));
    expect(months[3].total).toBe(mine.months[0].total + mine.backlog.total);
    expect(months.slice(4).map((m) => m.total)).toEqual(mine.months.slice(1, 9).map((m) => m.total));
    // What no saved plan covers comes from the plan before them.
    expect(
      plannedMonths([fallback, last], year)
        .slice(6)
        .map((m) => m.counts),
    ).toEqual(fallback.months.slice(6).map((m) => m.counts));
    expect(plannedMonths([], year).every((m) => m.total === 0)).toBe(true);
  });
});

describe('the default average deal size', () => {
  const none = { deals: 0, cents: 0n };
  it("takes the person's own won deals, else their team's, else the organisation's, and says which", () => {
    const own = { deals: 2, cents: 50000001n };
    const team = { deals: 3, cents: 90000000n };
    const org = { deals: 7, cents: 700000000n };
    // 500,000.01 ÷ 2 = 250,000.005: half a cent rounds up.
    expect(defaultDealSize({ own, team, org })).toEqual({ amount: '250000.01', source: 'own' });
    expect(defaultDealSize({ own: none, team, org })).toEqual({ amount: '300000.00', source: 'team' });
    expect(defaultDealSize({ own: none, team: none, org })).toEqual({ amount: '1000000.00', source: 'org' });
    expect(defaultDealSize({ own: none, team: none, org: none })).toBeNull();
  });
});
