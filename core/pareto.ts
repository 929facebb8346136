// Pareto / ABC analysis (二八法则) and "time follows value": which few accounts make most of the
// value, and whether the team's time goes where the value is. The server ranks in SQL with the same
// integer comparisons (thresholds in basis points against cents), so both always agree on a class.
import type { Tier } from './enums.ts';
import { fromCents, toCents } from './funnel.ts';

export interface ParetoThresholds {
  /** An account is A while the accounts ranked above it make less than this share of the total. */
  a: number;
  /** … and B while they make less than this one; C after. */
  b: number;
}
export const DEFAULT_THRESHOLDS: ParetoThresholds = { a: 0.8, b: 0.95 };
/** The concentration sentence's share: how many accounts make 80%. */
export const CORE_SHARE = 0.8;
/** The top fifth of n accounts, at least one when there are any; integer division, as in SQL. */
export const topCount = (n: number) => Math.ceil(n / 5);

/** A share as whole basis points (0.8 → 8000): thresholds are kept to four decimals. */
export const basisPoints = (share: number) => Math.round(share * 10_000);

/** part ÷ whole to six decimals (enough for one account in 100k); 0 when the whole is zero. */
export function shareOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.round((Number(part) / Number(whole)) * 1e6) / 1e6;
}

/**
 * The class from the value of the accounts ranked above this one. An account without value is C
 * whatever the thresholds: it makes none of the total.
 */
export function abcClass(aboveCents: bigint, valueCents: bigint, totalCents: bigint, t: ParetoThresholds): Tier {
  if (valueCents <= 0n || totalCents <= 0n) return 'C';
  const above = aboveCents * 10_000n;
  if (above < BigInt(basisPoints(t.a)) * totalCents) return 'A';
  if (above < BigInt(basisPoints(t.b)) * totalCents) return 'B';
  return 'C';
}

export interface ParetoInput {
  id: string;
  /** Money string; null counts as zero. */
  value: string | null;
}
export interface ParetoRow {
  id: string;
  rank: number;
  value: string;
  share: number;
  cumulativeShare: number;
  class: Tier;
}
export interface ClassSummary {
  class: Tier;
  accounts: number;
  value: string;
  share: number;
}
export interface Concentration {
  /** How many accounts the top fifth is (at least one when there are any). */
  topCount: number;
  /** Their share of the total. */
  topShare: number;
  /** The fewest accounts that together make 80% of the total. */
  accountsFor80: number;
}
export interface Pareto {
  total: string;
  rows: ParetoRow[];
  classes: ClassSummary[];
  concentration: Concentration;
}

/** Ranks by value (largest first, ties by id as the database orders uuids) and classifies. */
export function pareto(items: ParetoInput[], t: ParetoThresholds = DEFAULT_THRESHOLDS): Pareto {
  const valued = items.map((i) => ({ id: i.id, cents: i.value === null ? 0n : toCents(i.value) }));
  valued.sort((x, y) => (x.cents === y.cents ? (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) : x.cents > y.cents ? -1 : 1));
  const total = valued.reduce((s, v) => s + v.cents, 0n);
  const rows: ParetoRow[] = [];
  const byClass = new Map<Tier, { accounts: number; cents: bigint }>([
    ['A', { accounts: 0, cents: 0n }],
    ['B', { accounts: 0, cents: 0n }],
    ['C', { accounts: 0, cents: 0n }],
  ]);
  const top5th = topCount(valued.length);
  let above = 0n;
  let top = 0n;
  let accountsFor80 = 0;
  valued.forEach((v, i) => {
    const cls = abcClass(above, v.cents, total, t);
    if (abcClass(above, v.cents, total, { a: CORE_SHARE, b: CORE_SHARE }) === 'A') accountsFor80++;
    if (i < top5th) top += v.cents;
    const c = byClass.get(cls)!;
    c.accounts++;
    c.cents += v.cents;
    rows.push({
      id: v.id,
      rank: i + 1,
      value: fromCents(v.cents),
      share: shareOf(v.cents, total),
      cumulativeShare: shareOf(above + v.cents, total),
      class: cls,
    });
    above += v.cents;
  });
  return {
    total: fromCents(total),
    rows,
    classes: [...byClass].map(([cls, c]) => ({
      class: cls,
      accounts: c.accounts,
      value: fromCents(c.cents),
      share: shareOf(c.cents, total),
    })),
    concentration: { topCount: top5th, topShare: shareOf(top, total), accountsFor80 },
  };
}

/** At most `max` evenly spaced ranks of n (every step-th and the last), for a curve of bounded size. */
export function curveStep(n: number, max = 200): number {
  return Math.max(1, Math.ceil(n / max));
}

// ---- Time follows value ----

export const EFFORT_BUCKETS = ['A', 'B', 'C', 'none'] as const;
export type EffortBucket = (typeof EFFORT_BUCKETS)[number];

/**
 * The recommended share of effort per assigned tier. By revenue (the course's default: accounts
 * that make 30% of revenue get 30% of the time) it is the tier's revenue share, untiered accounts
 * included; fixed shares are the admin's for A, B and C, leaving nothing for untiered accounts.
 */
export function recommendedShare(
  bucket: EffortBucket,
  revenueShare: number,
  fixed: Record<Tier, number> | null,
): number {
  if (!fixed) return revenueShare;
  return bucket === 'none' ? 0 : fixed[bucket];
}
