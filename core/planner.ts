// The reverse funnel (the course's 653321 rule): a quota becomes deals to sign, each signed deal
// needs so many activities per stage (6 trainings → 5 meetings with the decision owner → 3
// consultations → 3 proposals → 2 tenders/negotiations → 1 signing), and each deal's activities are
// placed backwards from the month it closes, one stage every `monthsPerStage` months.
import { toCents } from './funnel.ts';
import { monthKeyOf } from './period.ts';
import { ratio } from './forecast.ts';

export interface PlanSpec {
  quota: string;
  averageDealSize: string;
  /** Activities per signed deal, one per planning stage, in funnel order (signing last). */
  ratios: number[];
  stageIds: string[];
  monthsPerStage: number;
  year: number;
  /** 1–12: the first month of the plan; closes spread over it and the months after it. */
  startMonth: number;
}

export type Counts = Record<string, number>;

export interface PlanSchedule {
  dealsNeeded: number;
  stageTotals: { stageId: string; ratio: number; count: number }[];
  months: { month: string; counts: Counts; total: number }[];
  backlog: { counts: Counts; total: number };
  peakMonthlyTotal: number;
}

/** ⌈quota ÷ average deal⌉, exactly. */
export function dealsNeeded(quota: string, averageDealSize: string): number {
  const q = toCents(quota);
  const a = toCents(averageDealSize);
  if (a <= 0n) throw new RangeError('averageDealSize must be positive');
  return Number((q + a - 1n) / a);
}

/** n items over k slots as evenly as possible, the extra ones in the later slots. */
export function spread(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor((n * (i + 1)) / k) - Math.floor((n * i) / k));
}

const zeros = (ids: string[]): Counts => Object.fromEntries(ids.map((id) => [id, 0]));

export function planActivities(spec: PlanSpec): PlanSchedule {
  const { ratios, stageIds, monthsPerStage } = spec;
  if (ratios.length !== stageIds.length) throw new RangeError('one ratio per planning stage');
  const deals = dealsNeeded(spec.quota, spec.averageDealSize);
  const monthCount = 13 - spec.startMonth;
  const months = Array.from({ length: monthCount }, (_, i) => ({ month: monthKeyOf(spec.year, spec.startMonth + i), counts: zeros(stageIds), total: 0 }));
  const backlog = { counts: zeros(stageIds), total: 0 };
  const closes = spread(deals, monthCount);
  const last = stageIds.length - 1;
  closes.forEach((n, closeIndex) => {
    if (!n) return;
    stageIds.forEach((stageId, k) => {
      const count = ratios[k] * n;
      if (!count) return;
      const at = closeIndex - (last - k) * monthsPerStage;
      const slot = at >= 0 ? months[at] : backlog;
      slot.counts[stageId] += count;
      slot.total += count;
    });
  });
  return {
    dealsNeeded: deals,
    stageTotals: stageIds.map((stageId, k) => ({ stageId, ratio: ratios[k], count: ratios[k] * deals })),
    months,
    backlog,
    peakMonthlyTotal: Math.max(0, ...months.map((m) => m.total)),
  };
}

export interface PlanProgress {
  plannedToDate: number;
  doneToDate: number;
  progress: number | null;
  behind: boolean;
}

/**
 * Planned against done through `asOf` (YYYY-MM): the backlog counts as due in the plan's first
 * month. Behind means fewer activities done to date than planned to date.
 */
export function planProgress(plan: Pick<PlanSchedule, 'months' | 'backlog'>, doneByMonth: Map<string, number>, asOf: string): PlanProgress {
  let planned = plan.months.length && plan.months[0].month <= asOf ? plan.backlog.total : 0;
  for (const m of plan.months) if (m.month <= asOf) planned += m.total;
  let done = 0;
  for (const [month, n] of doneByMonth) if (month <= asOf) done += n;
  return { plannedToDate: planned, doneToDate: done, progress: ratio(done, planned), behind: done < planned };
}
