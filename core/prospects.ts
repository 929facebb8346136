// Prospect qualification (潜在客户筛选): the course tells a rep to "delete 35% of the prospect list that
// has no value, or even harms you". Prospects are accounts we have not sold to yet (no won deal and
// no revenue of ours in the archive), ranked by their key-account score; the bottom share of the
// ranking is flagged for review (keep, drop to the shared pool 公海, or archive). The server ranks
// in SQL and must agree with this file.
import { toCents } from './funnel.ts';

export interface ProspectSettings {
  /** Share of the ranked prospects flagged as drop candidates, 0 < x < 1. */
  dropShare: number;
  /** How many accounts a rep may hold that they claimed from the shared pool. */
  claimLimit: number;
}

export const DEFAULT_PROSPECT_SETTINGS: ProspectSettings = { dropShare: 0.35, claimLimit: 20 };

/** The share as whole millionths, so both this file and SQL count with integers (0.35 × 60 is not 21 in floats). */
export function shareMillionths(share: number): number {
  return Math.round(share * 1_000_000);
}

/**
 * A prospect has brought us nothing yet: no won deal in OpenKAM and no revenue of ours in the
 * archive (an account billed before OpenKAM, or outside it, is a customer, not a prospect). SQL
 * repeats this as `our_revenue is null or our_revenue = 0` plus no won deal.
 */
export function isProspect(a: { wonDeals: number; ourRevenue: string | null }): boolean {
  return a.wonDeals === 0 && (a.ourRevenue === null || toCents(a.ourRevenue) === 0n);
}

/**
 * How many of n ranked prospects are drop candidates: ⌈n × share⌉, rounded up so that at least the
 * course's share is reviewed (10 prospects at 35% → 4, not 3). SQL repeats this integer formula.
 */
export function dropCount(n: number, share: number): number {
  const m = shareMillionths(share);
  return Math.floor((n * m + 999_999) / 1_000_000);
}

/**
 * n × share exactly, as a decimal (35% of 17 → "5.95"): the cut before dropCount rounds it up, so a
 * screen can show both. Counted in millionths like dropCount, never in floats.
 */
export function exactCut(n: number, share: number): string {
  const scaled = BigInt(n) * BigInt(shareMillionths(share));
  const whole = scaled / 1_000_000n;
  const fraction = (scaled % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export interface Prospect {
  id: string;
  name: string;
  /** 0–100, null when not scored yet: those rank last. */
  score: number | null;
}

/**
 * Ranks prospects best first: score descending with unscored ones last, then name and id so that
 * ties fall the same way every time. The last dropCount(n) are the drop candidates.
 */
export function rankProspects<T extends Prospect>(
  prospects: readonly T[],
  share: number,
): (T & { rank: number; dropCandidate: boolean })[] {
  const sorted = [...prospects].sort(compareProspects);
  const keep = sorted.length - dropCount(sorted.length, share);
  return sorted.map((p, i) => ({ ...p, rank: i + 1, dropCandidate: i >= keep }));
}

/** Code-unit order of the names: SQL sorts them `collate "C"` so the ranking does not depend on the database's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareProspects(a: Prospect, b: Prospect): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}
