// Account health 0–100: how well a key account is being looked after, from four components a rep can
// act on (relationship coverage, open deals' red flags, how recently we last met, the customer's
// satisfaction). Every component shows its working, so the score is never a black box. Pure: the
// same facts and clock always give the same score.
import type { RedFlagCode, Severity } from './blue-sheet.ts';
import { DAY_MS } from './time.ts';

export const HEALTH_COMPONENTS = ['coverage', 'redFlags', 'lastContact', 'satisfaction'] as const;
export type HealthComponentKey = (typeof HEALTH_COMPONENTS)[number];

/**
 * Base weights. The relationship map carries the most (the course's first rule of key accounts is
 * breadth and depth of contact); red flags and recency of contact next; satisfaction, often unknown,
 * least. A component without data is dropped and the others share its weight.
 */
export const ACCOUNT_HEALTH_WEIGHTS: Record<HealthComponentKey, number> = {
  coverage: 35,
  redFlags: 25,
  lastContact: 25,
  satisfaction: 15,
};

/** The severity core/blue-sheet gives each stored flag code (deals store codes only). */
export const RED_FLAG_SEVERITY: Record<RedFlagCode, Severity> = {
  no_economic_buyer: 'high',
  economic_buyer_not_covered: 'high',
  technical_buyer_not_covered: 'high',
  negative_rating: 'high',
  no_coach: 'medium',
  role_not_covered: 'medium',
  economic_buyer_mode: 'medium',
  single_threaded: 'medium',
  close_date_passed: 'medium',
  stale: 'medium',
  probability_override: 'low',
};

/** Points one open deal loses per flag; a deal scores 100 minus its flags, never below 0. */
export const FLAG_PENALTY: Record<Severity, number> = { high: 30, medium: 15, low: 5 };
/** Share of the coverage score earned by covering people; the rest by having them on our side. */
const COVERED_SHARE = 80;
/** Last contact: full marks up to FRESH_DAYS, nothing from STALE_DAYS, linear in between. */
export const FRESH_DAYS = 14;
export const STALE_DAYS = 90;

export interface ContactCounts {
  total: number;
  /** Coverage other than none. */
  covered: number;
  /** Attitude ≥ 1. */
  supportive: number;
}

export interface OpenDealGroup {
  codes: readonly string[];
  /** How many open deals carry exactly these codes. */
  deals: number;
}

export interface AccountHealthFacts {
  /** Contacts of high or medium influence: the relationship map's key people. */
  keyContacts: ContactCounts;
  /** Every active contact: used when nobody is rated high or medium. */
  allContacts: ContactCounts;
  /** The open deals, grouped by their stored red-flag codes (deals with the same codes score alike). */
  openDeals: OpenDealGroup[];
  /** Start of the latest done activity. */
  lastDoneAt: Date | null;
  /** Satisfaction scores (1–5) of the last 12 months' done activities: how many and their sum. */
  satisfaction: { count: number; sum: number };
}

export interface HealthComponent {
  key: HealthComponentKey;
  /** 0–100, null when there is nothing to judge (the component is then left out). */
  score: number | null;
  /** Base weight. */
  weight: number;
  /** Effective share of the total in percent after dropped components are left out (0 when dropped). */
  share: number;
  /** The numbers behind the score, for the UI to explain it. */
  detail: Record<string, number | null>;
}

export interface AccountHealth {
  /**
   * 0–100; null (every component null too) while nothing is known: no contact met or on our side, no
   * open deal, no done activity. Contacts merely entered on a new account are not yet anything to judge.
   */
  score: number | null;
  components: HealthComponent[];
}

const pct = (part: number, whole: number) => (whole ? part / whole : 0);

function coverage(f: AccountHealthFacts): Pick<HealthComponent, 'score' | 'detail'> {
  const keyOnly = f.keyContacts.total > 0;
  const c = keyOnly ? f.keyContacts : f.allContacts;
  const score = c.total
    ? Math.round(COVERED_SHARE * pct(c.covered, c.total) + (100 - COVERED_SHARE) * pct(c.supportive, c.total))
    : 0;
  return {
    score,
    detail: { contacts: c.total, covered: c.covered, supportive: c.supportive, keyContacts: f.keyContacts.total },
  };
}

interface FlagTally extends Record<Severity, number> {
  /** What one deal with these codes loses: 100 minus this is its score (never below 0). */
  penalty: number;
}

const tallies = new WeakMap<readonly string[], FlagTally>();

/**
 * One deal's codes counted by severity, with the penalty they cost. Kept per frozen codes array:
 * callers hand the same frozen array to every group with the same codes (a list page scores dozens
 * of accounts whose deals share a few dozen code sets), and looking up each code's severity again
 * was most of a page's scoring time.
 */
function tally(codes: readonly string[]): FlagTally {
  const kept = tallies.get(codes);
  if (kept) return kept;
  const t: FlagTally = { high: 0, medium: 0, low: 0, penalty: 0 };
  for (const code of codes) {
    // A code this build does not know (stored by a newer one) counts as medium.
    const severity = RED_FLAG_SEVERITY[code as RedFlagCode] ?? 'medium';
    t[severity]++;
    t.penalty += FLAG_PENALTY[severity];
  }
  if (Object.isFrozen(codes)) tallies.set(codes, t);
  return t;
}

function redFlags(f: AccountHealthFacts): Pick<HealthComponent, 'score' | 'detail'> {
  let high = 0;
  let medium = 0;
  let low = 0;
  let total = 0;
  let flagged = 0;
  let deals = 0;
  for (const { codes, deals: n } of f.openDeals) {
    const t = tally(codes);
    high += t.high * n;
    medium += t.medium * n;
    low += t.low * n;
    if (codes.length) flagged += n;
    total += Math.max(0, 100 - t.penalty) * n;
    deals += n;
  }
  return {
    score: deals ? Math.round(total / deals) : null,
    detail: { openDeals: deals, flaggedDeals: flagged, high, medium, low },
  };
}

function lastContact(f: AccountHealthFacts, now: Date): Pick<HealthComponent, 'score' | 'detail'> {
  if (!f.lastDoneAt) return { score: 0, detail: { days: null } };
  const days = Math.max(0, Math.floor((now.getTime() - f.lastDoneAt.getTime()) / DAY_MS));
  const score =
    days <= FRESH_DAYS
      ? 100
      : days >= STALE_DAYS
        ? 0
        : Math.round((100 * (STALE_DAYS - days)) / (STALE_DAYS - FRESH_DAYS));
  return { score, detail: { days } };
}

function satisfaction(f: AccountHealthFacts): Pick<HealthComponent, 'score' | 'detail'> {
  const { count, sum } = f.satisfaction;
  if (!count) return { score: null, detail: { average: null, count: 0 } };
  const average = sum / count;
  return { score: Math.round(((average - 1) / 4) * 100), detail: { average: Math.round(average * 100) / 100, count } };
}

/**
 * Whether the account has been worked at all. A new account with its first names entered would
 * otherwise score 0 (nobody covered, never met) and show red, as if neglected; until someone has
 * been met or is on our side, or there is an open deal or a done call, there is nothing to judge.
 */
function nothingKnown(f: AccountHealthFacts): boolean {
  return (
    f.allContacts.covered === 0 &&
    f.allContacts.supportive === 0 &&
    !f.openDeals.some((g) => g.deals > 0) &&
    f.lastDoneAt === null
  );
}

export function computeAccountHealth(f: AccountHealthFacts, now: Date): AccountHealth {
  const parts: Record<HealthComponentKey, Pick<HealthComponent, 'score' | 'detail'>> = {
    coverage: coverage(f),
    redFlags: redFlags(f),
    lastContact: lastContact(f, now),
    satisfaction: satisfaction(f),
  };
  if (nothingKnown(f)) {
    return {
      score: null,
      components: HEALTH_COMPONENTS.map((key) => ({
        key,
        score: null,
        weight: ACCOUNT_HEALTH_WEIGHTS[key],
        share: 0,
        detail: parts[key].detail,
      })),
    };
  }
  const weightIn = HEALTH_COMPONENTS.reduce((s, k) => s + (parts[k].score === null ? 0 : ACCOUNT_HEALTH_WEIGHTS[k]), 0);
  const components = HEALTH_COMPONENTS.map((key): HealthComponent => {
    const { score, detail } = parts[key];
    const weight = ACCOUNT_HEALTH_WEIGHTS[key];
    return { key, score, weight, share: score === null ? 0 : Math.round((1000 * weight) / weightIn) / 10, detail };
  });
  const weighted = components.reduce((s, c) => s + (c.score ?? 0) * c.weight, 0);
  return { score: Math.round(weighted / weightIn), components };
}
