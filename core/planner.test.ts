import { describe, expect, it } from 'vitest';
import { dealsNeeded, planActivities, planProgress, spread } from './planner.ts';
import { DEFAULT_PLAN_RATIOS } from './enums.ts';

const stages = ['training', 'meeting', 'consulting', 'proposal', 'tender', 'signing'];
const spec = { quota: '3000000', averageDealSize: '300000', ratios: [...DEFAULT_PLAN_RATIOS], stageIds: stages, monthsPerStage: 1, year: 2027, startMonth: 1 };

const sumAll = (plan: ReturnType<typeof planActivities>, stageId: string) => plan.months.reduce((s, m) => s + m.counts[stageId], 0) + plan.backlog.counts[stageId];

describe('the 653321 planner', () => {
  it("works the course's example: 3,000,000 at 300,000 a deal", () => {
    const plan = planActivities(spec);
    expect(plan.dealsNeeded).toBe(10);
    expect(plan.stageTotals.map((s) => s.count)).toEqual([60, 50, 30, 30, 20, 10]);
    expect(plan.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`));
  });

  it('places every activity exactly once, in a month or in the backlog', () => {
    for (const monthsPerStage of [1, 2, 3]) {
      for (const startMonth of [1, 5, 12]) {
        const plan = planActivities({ ...spec, monthsPerStage, startMonth });
        for (const s of plan.stageTotals) expect(sumAll(plan, s.stageId)).toBe(s.count);
        expect(plan.months.reduce((n, m) => n + m.total, 0) + plan.backlog.total).toBe(200);
      }
    }
  });

  it('spreads the closes evenly and works backwards from each close month', () => {
    const plan = planActivities(spec);
    const signings = plan.months.map((m) => m.counts.signing);
    expect(signings).toEqual(spread(10, 12));
    expect(Math.max(...signings) - Math.min(...signings)).toBeLessThanOrEqual(1);
    // A deal signed in March needed its tender in February and its training in October before: backlog.
    const march = plan.months[2];
    expect(march.counts.signing).toBe(1);
    expect(plan.months[1].counts.tender).toBe(2 * signings[2]);
    expect(plan.backlog.counts.training).toBe(6 * (signings[0] + signings[1] + signings[2] + signings[3] + signings[4]));
    expect(plan.peakMonthlyTotal).toBe(Math.max(...plan.months.map((m) => m.total)));
  });

  it('gives more months per stage a longer lead', () => {
    const plan = planActivities({ ...spec, monthsPerStage: 3 });
    // Signing in month m, tender in m−3, …, training in m−15: never inside one year.
    expect(plan.months.every((m) => m.counts.training === 0)).toBe(true);
    expect(plan.backlog.counts.training).toBe(60);
  });

  it('rounds deals up and stays exact with cents', () => {
    expect(dealsNeeded('3000000', '300000')).toBe(10);
    expect(dealsNeeded('3000000.01', '300000')).toBe(11);
    expect(dealsNeeded('999.99', '1000')).toBe(1);
    expect(() => dealsNeeded('1', '0')).toThrow();
  });

  it('starts a plan in a later month with fewer close months', () => {
    const plan = planActivities({ ...spec, startMonth: 10 });
    expect(plan.months.map((m) => m.month)).toEqual(['2027-10', '2027-11', '2027-12']);
    expect(plan.months.map((m) => m.counts.signing)).toEqual([3, 3, 4]);
  });

  it('tells who is behind plan', () => {
    const plan = planActivities(spec);
    const planned = plan.backlog.total + plan.months[0].total + plan.months[1].total;
    expect(planProgress(plan, new Map([['2027-01', planned - 1]]), '2027-02')).toMatchObject({ plannedToDate: planned, doneToDate: planned - 1, behind: true });
    expect(planProgress(plan, new Map([['2027-02', planned], ['2027-03', 99]]), '2027-02')).toMatchObject({ behind: false, progress: 1 });
    expect(planProgress(plan, new Map(), '2026-12')).toMatchObject({ plannedToDate: 0, progress: null, behind: false });
  });
});
