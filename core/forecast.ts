// The forecast's arithmetic: quotas resolved for a period (and rolled up a team tree), and the
// weighted funnel against them (Salesforce's roll-ups: commit = closed + commit; best case =
// closed + commit + best case). Money stays in BigInt cents; ratios are plain numbers.
import { fromCents, toCents } from './funnel.ts';
import { parsePeriod, quarterOf, type Period } from './period.ts';

export interface QuotaLevels {
  period: string;
  target: string;
  stretch: string | null;
  challenge: string | null;
}

export interface Figures {
  target: bigint;
  stretch: bigint;
  challenge: bigint;
}

/** Splits cents into n parts that differ by at most a cent and add up exactly (later parts larger). */
export function splitEvenly(total: bigint, n: number): bigint[] {
  const parts: bigint[] = [];
  const N = BigInt(n);
  for (let i = 0; i < n; i++) parts.push((total * BigInt(i + 1)) / N - (total * BigInt(i)) / N);
  return parts;
}

function levels(q: QuotaLevels): Figures {
  const target = toCents(q.target);
  const stretch = q.stretch === null ? target : toCents(q.stretch);
  return { target, stretch, challenge: q.challenge === null ? stretch : toCents(q.challenge) };
}

export const addFigures = (a: Figures, b: Figures): Figures => ({
  target: a.target + b.target,
  stretch: a.stretch + b.stretch,
  challenge: a.challenge + b.challenge,
});
const ZERO: Figures = { target: 0n, stretch: 0n, challenge: 0n };

/** The sum of the quotas that exist; null when none does. */
export function sumFigures(parts: (Figures | null)[]): Figures | null {
  let sum: Figures | null = null;
  for (const f of parts) if (f) sum = addFigures(sum ?? ZERO, f);
  return sum;
}

/** part ÷ whole rounded to 4 decimals (0.25 = 25 %); null when the whole is zero. */
export function ratio(part: bigint | number, whole: bigint | number): number | null {
  return Number(whole) === 0 ? null : Math.round((Number(part) / Number(whole)) * 10_000) / 10_000;
}

/** A month's share of a longer quota: the month's index inside it, split evenly. */
function share(q: QuotaLevels, month: string): Figures {
  const p = parsePeriod(q.period);
  if (!p) return ZERO;
  const i = p.months.indexOf(month);
  const f = levels(q);
  const pick = (v: bigint) => splitEvenly(v, p.months.length)[i];
  return { target: pick(f.target), stretch: pick(f.stretch), challenge: pick(f.challenge) };
}

/**
 * One subject's quota for a period: the quota set for exactly that period, or else the sum over its
 * months of each month's own quota, or that month's share of its quarter's, or of its year's.
 * Null when nothing covers any of its months.
 */
export function resolveQuota(quotas: QuotaLevels[], period: Period): Figures | null {
  const byPeriod = new Map(quotas.map((q) => [q.period, q]));
  const exact = byPeriod.get(period.key);
  if (exact) return levels(exact);
  let sum: Figures | null = null;
  for (const month of period.months) {
    const own = byPeriod.get(month);
    const q = own ?? byPeriod.get(quarterOf(month)) ?? byPeriod.get(month.slice(0, 4));
    if (!q) continue;
    sum = addFigures(sum ?? ZERO, own ? levels(own) : share(q, month));
  }
  return sum;
}

export interface TeamTree {
  /** Child team ids per team id. */
  children: Map<string, string[]>;
  /** Direct member user ids per team id. */
  members: Map<string, string[]>;
}

/**
 * A team's quota: its own when set, else the sum of its direct members' and its sub-teams' (each
 * sub-team resolved the same way). Null when nobody below has one.
 */
export function teamQuota(teamId: string, tree: TeamTree, own: (subject: string) => Figures | null): Figures | null {
  return (
    own(`team:${teamId}`) ??
    sumFigures([
      ...(tree.members.get(teamId) ?? []).map((u) => own(`user:${u}`)),
      ...(tree.children.get(teamId) ?? []).map((c) => teamQuota(c, tree, own)),
    ])
  );
}

/** Deals of one group in one stage and category, summed (what the forecast query returns). */
export interface ForecastCell {
  stageId: string;
  status: 'open' | 'won';
  category: string;
  deals: number;
  amount: string;
  /** Σ round(amount × probability / 100, 2) over the cell's deals. */
  weighted: string;
}

export interface ForecastFigures {
  deals: number;
  closedWon: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  omitted: string;
  commitForecast: string;
  bestCaseForecast: string;
  weighted: string;
  weightedForecast: string;
  quota: { target: string; stretch: string; challenge: string } | null;
  attainment: number | null;
  coverage: number | null;
  remaining: string | null;
}

/**
 * Rolls cells up into forecast figures. With `calibrated` (stage id → observed win-rate percent),
 * an open cell is weighted by its stage's observed rate instead of the deals' own probabilities.
 */
export function forecastFigures(
  cells: ForecastCell[],
  quota: Figures | null,
  calibrated?: Map<string, number>,
): ForecastFigures {
  let deals = 0;
  let won = 0n;
  let commit = 0n;
  let best = 0n;
  let pipeline = 0n;
  let omitted = 0n;
  let weighted = 0n;
  for (const c of cells) {
    deals += c.deals;
    const amount = toCents(c.amount);
    if (c.status === 'won') {
      won += amount;
      continue;
    }
    if (c.category === 'omitted') {
      omitted += amount;
      continue;
    }
    if (c.category === 'best_case') best += amount;
    else if (c.category === 'pipeline') pipeline += amount;
    else commit += amount; // commit, or an open stage an admin set to `closed`
    const rate = calibrated?.get(c.stageId);
    weighted += rate === undefined ? toCents(c.weighted) : (amount * BigInt(rate) + 50n) / 100n;
  }
  const open = commit + best + pipeline;
  const remaining = quota ? (quota.target > won ? quota.target - won : 0n) : null;
  return {
    deals,
    closedWon: fromCents(won),
    commit: fromCents(commit),
    bestCase: fromCents(best),
    pipeline: fromCents(pipeline),
    omitted: fromCents(omitted),
    commitForecast: fromCents(won + commit),
    bestCaseForecast: fromCents(won + commit + best),
    weighted: fromCents(weighted),
    weightedForecast: fromCents(won + weighted),
    quota: quota
      ? { target: fromCents(quota.target), stretch: fromCents(quota.stretch), challenge: fromCents(quota.challenge) }
      : null,
    attainment: quota && quota.target > 0n ? ratio(won, quota.target) : null,
    coverage: remaining !== null && remaining > 0n ? ratio(open, remaining) : null,
    remaining: remaining === null ? null : fromCents(remaining),
  };
}
