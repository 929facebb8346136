// The reverse funnel (the course's 653321 rule): a quota becomes deals to sign, each signed deal
// needs so many activities per stage (6 trainings → 5 meetings with the decision owner → 3
// consultations → 3 proposals → 2 tenders/negotiations → 1 signing). The course's year signs one
// deal a month after a lead-in ("1月 2月 3月-1单 … 12月-1单"): each deal closes at the end of its
// month, its stages run back from there for their durations in weeks, and each stage's activities
// are spread over the weeks the stage takes. A plan covers twelve whole months. (The deck's worked
// example says "根据'965531'法则": a typo for 653321 — the chart before it and the work plan after it
// both count 6, 5, 3, 3, 2, 1.)
import { fromCents, toCents } from './funnel.ts';
import { ratio } from './forecast.ts';

export const PLAN_MONTHS = 12;

export interface PlanSpec {
  quota: string;
  averageDealSize: string;
  /** Activities per signed deal, one per planning stage, in funnel order (signing last). */
  ratios: number[];
  stageIds: string[];
  /** Weeks each planning stage takes, in funnel order; half weeks allowed. */
  stageWeeks: number[];
  /** YYYY-MM: the plan's first month; it covers that month and the eleven after it. */
  startMonth: string;
}

export type Counts = Record<string, number>;

export interface PlanSchedule {
  dealsNeeded: number;
  /** Whole months before the first signing: what one deal's stages take, less when the deals need the months. */
  leadInMonths: number;
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

/** Where a plan's average deal size came from: the person's won deals, their team's, the organisation's, or typed in. */
export type DealSizeSource = 'own' | 'team' | 'org' | 'input';

/** Won deals summed: how many and their amount in cents. */
export interface WonTally {
  deals: number;
  cents: bigint;
}

/**
 * The default average deal size: the person's own won deals, else their team's, else the
 * organisation's — the nearest that has any, so a rep's plan does not move when another team wins —
 * rounded half up to the cent, and which it was. Null when nobody has won anything.
 */
export function defaultDealSize(
  tallies: Record<Exclude<DealSizeSource, 'input'>, WonTally>,
): { amount: string; source: Exclude<DealSizeSource, 'input'> } | null {
  for (const source of ['own', 'team', 'org'] as const) {
    const { deals, cents } = tallies[source];
    if (deals > 0) return { amount: fromCents((cents + BigInt(deals) / 2n) / BigInt(deals)), source };
  }
  return null;
}

/** YYYY-MM n months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * Where a plan starts, given today (YYYY-MM-DD in the organisation's zone) and what the caller chose. The default is
 * the next twelve whole months: next month on. A year alone means its own months from January, or
 * from next month when that is still in it (the year under way: its past months are gone).
 */
export function planStart(today: string, year?: number, month?: number): { year: number; startMonth: string } {
  const next = addMonths(today.slice(0, 7), 1);
  if (month !== undefined) {
    const y = year ?? Number(today.slice(0, 4));
    return { year: y, startMonth: `${y}-${String(month).padStart(2, '0')}` };
  }
  if (year === undefined) return { year: Number(next.slice(0, 4)), startMonth: next };
  return { year, startMonth: next.startsWith(`${year}-`) ? next : `${year}-01` };
}

/** A duration in months as weeks, to the half week (plans and requests from before weeks: 1 month → 4.5 weeks). */
export const weeksOfMonths = (months: number) => Math.round(((months * 52) / 12) * 2) / 2;

/** The course's deal cycle (its stage durations add up to 10.5 weeks) split evenly over a funnel of n planning stages. */
export const evenStageWeeks = (n: number): number[] =>
  Array.from({ length: n }, () => Math.max(0.5, Math.round((10.5 / n) * 2) / 2));

/**
 * The plan's clock: a month is a twelfth of a year (52 ÷ 12 weeks), 104 ticks, so a half week (12
 * ticks) and every month boundary are whole numbers, and one signing a month repeats exactly from
 * month to month (calendar months of 28–31 days would make the same rhythm 5 trainings one month
 * and 7 the next).
 */
const MONTH_TICKS = 104;
const ticksOfWeeks = (weeks: number) => Math.round(weeks * 24);

/**
 * Signings per month: one a month after the lead-in, the lead-in being the whole months one deal's
 * stages need inside the plan (the course's 10.5 weeks: two, signing from the third month), shortened
 * when there are more deals than months after it (the first deals' early stages then fall before the
 * plan: the backlog). Only with more deals than months does a month get several, evenly.
 */
export function closesPerMonth(
  deals: number,
  monthEnds: number[],
  cycle: number,
): { closes: number[]; leadIn: number } {
  const n = monthEnds.length;
  if (deals > n) return { closes: spread(deals, n), leadIn: 0 };
  const fits = monthEnds.findIndex((end) => end - cycle >= 0);
  const leadIn = Math.min(fits < 0 ? n : fits, n - deals);
  return { closes: monthEnds.map((_, i) => (i >= leadIn && i < leadIn + deals ? 1 : 0)), leadIn };
}

/**
 * Whole activities from exact shares numerators[i] / denominator, by rounding the running total
 * (half up): each part is within one of its share, the parts add up to the rounded whole, and
 * neighbours do not both round the same way (6.3 and 5.7 give 6 and 6, not 7 and 5).
 */
export function roundRunning(numerators: number[], denominator: number): number[] {
  let before = 0;
  let sum = 0;
  return numerators.map((n) => {
    sum += n;
    const upTo = Math.floor((2 * sum + denominator) / (2 * denominator));
    const part = upTo - before;
    before = upTo;
    return part;
  });
}

const zeros = (ids: string[]): Counts => Object.fromEntries(ids.map((id) => [id, 0]));

export function planActivities(spec: PlanSpec): PlanSchedule {
  const { ratios, stageIds, stageWeeks } = spec;
  if (ratios.length !== stageIds.length || stageWeeks.length !== stageIds.length)
    throw new RangeError('one ratio and one duration per planning stage');
  if (stageWeeks.some((w) => !(w > 0))) throw new RangeError('every stage takes some time');
  const deals = dealsNeeded(spec.quota, spec.averageDealSize);
  const keys = Array.from({ length: PLAN_MONTHS }, (_, i) => addMonths(spec.startMonth, i));
  const months = keys.map((month) => ({ month, counts: zeros(stageIds), total: 0 }));
  const backlog = { counts: zeros(stageIds), total: 0 };
  // The plan's time line in ticks from its start: month i runs [bounds[i], bounds[i + 1]).
  const bounds = Array.from({ length: PLAN_MONTHS + 1 }, (_, i) => i * MONTH_TICKS);
  const durations = stageWeeks.map(ticksOfWeeks);
  const { closes, leadIn } = closesPerMonth(
    deals,
    bounds.slice(1),
    durations.reduce((s, d) => s + d, 0),
  );
  // Pieces of the time line: before the plan (the backlog), then each month.
  const pieces = [[-Infinity, 0], ...keys.map((_, i) => [bounds[i], bounds[i + 1]])];
  stageIds.forEach((stageId, k) => {
    // A deal's stage k ends when the stages after it begin, counted back from its signing month's end.
    const after = durations.slice(k + 1).reduce((s, d) => s + d, 0);
    // Each signing's ratio × deals activities spread evenly over the stage's span: piece i gets
    // Σ ratio × deals × overlap / duration, summed exactly as numerators over the duration.
    const numerators = pieces.map(() => 0);
    closes.forEach((n, c) => {
      const to = bounds[c + 1] - after;
      const from = to - durations[k];
      pieces.forEach(([a, b], i) => {
        numerators[i] += ratios[k] * n * Math.max(0, Math.min(to, b) - Math.max(from, a));
      });
    });
    roundRunning(numerators, durations[k]).forEach((n, i) => {
      const slot = i === 0 ? backlog : months[i - 1];
      slot.counts[stageId] += n;
      slot.total += n;
    });
  });
  return {
    dealsNeeded: deals,
    leadInMonths: leadIn,
    stageTotals: stageIds.map((stageId, k) => ({ stageId, ratio: ratios[k], count: ratios[k] * deals })),
    months,
    backlog,
    peakMonthlyTotal: Math.max(0, ...months.map((m) => m.total)),
  };
}

export type PlanMonths = Pick<PlanSchedule, 'months' | 'backlog'>;

/**
 * One year's planned activities from the plans that reach into it (a plan runs twelve months from
 * any month, so last year's may cover this year's first months), given in rising precedence: each
 * month from the last plan covering it, a plan's backlog due in its first month.
 */
export function plannedMonths(plans: PlanMonths[], year: string[]): { month: string; counts: Counts; total: number }[] {
  const out = year.map((month) => ({ month, counts: {} as Counts, total: 0 }));
  const at = new Map(out.map((m) => [m.month, m]));
  for (const p of plans) {
    p.months.forEach((pm, i) => {
      const m = at.get(pm.month);
      if (!m) return;
      m.counts = { ...pm.counts };
      m.total = pm.total;
      if (i > 0) return;
      for (const [stageId, n] of Object.entries(p.backlog.counts)) m.counts[stageId] = (m.counts[stageId] ?? 0) + n;
      m.total += p.backlog.total;
    });
  }
  return out;
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
export function planProgress(plan: PlanMonths, doneByMonth: Map<string, number>, asOf: string): PlanProgress {
  let planned = plan.months.length && plan.months[0].month <= asOf ? plan.backlog.total : 0;
  for (const m of plan.months) if (m.month <= asOf) planned += m.total;
  let done = 0;
  for (const [month, n] of doneByMonth) if (month <= asOf) done += n;
  return { plannedToDate: planned, doneToDate: done, progress: ratio(done, planned), behind: done < planned };
}
