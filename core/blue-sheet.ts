// The Blue Sheet's judgement, computed the same way on the server and in the browser: red flags
// from the buying influences and the deal's state, and a health score that shows its working.
import type { Lang } from './messages.ts';
import { DAY_MS, localDate } from './time.ts';

export const BUYING_ROLES = ['coach', 'user', 'technical', 'economic'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export const RESPONSE_MODES = ['growth', 'trouble', 'even_keel', 'overconfident'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];
export type Coverage = 'none' | 'brief' | 'multiple' | 'in_depth';
export type Severity = 'high' | 'medium' | 'low';

export interface InfluenceFacts {
  roles: BuyingRole[];
  mode: ResponseMode | null;
  rating: number | null;
  coverage: Coverage;
}

export interface DealFacts {
  status: 'open' | 'won' | 'lost';
  expectedCloseDate: string | null;
  probability: number;
  stageProbability: number;
  /** Position of the deal's stage and of the proposal stage in the funnel (0-based). */
  stageIndex: number;
  proposalStageIndex: number;
  lastActivityAt: Date | null;
  influences: InfluenceFacts[];
}

export interface RedFlagOptions {
  now: Date;
  /** The organisation's zone: a close date has passed once its day has ended there. */
  timeZone: string;
  staleDays: number;
  /** Percentage points between the deal's probability and its stage's default that count as an override. */
  probabilityTolerance: number;
}

export const DEFAULT_RED_FLAG_OPTIONS: Omit<RedFlagOptions, 'now' | 'timeZone'> = {
  staleDays: 30,
  probabilityTolerance: 20,
};

export type RedFlagCode =
  | 'no_economic_buyer'
  | 'economic_buyer_not_covered'
  | 'no_coach'
  | 'role_not_covered'
  | 'negative_rating'
  | 'economic_buyer_mode'
  | 'single_threaded'
  | 'close_date_passed'
  | 'stale'
  | 'probability_override'
  | 'technical_buyer_not_covered';

export interface RedFlag {
  code: RedFlagCode;
  severity: Severity;
  params?: Record<string, string | number>;
}

const ROLE_LABEL: Record<BuyingRole, { zh: string; en: string }> = {
  coach: { zh: '教练', en: 'coach' },
  user: { zh: '用户', en: 'user buyer' },
  technical: { zh: '技术把关者', en: 'technical buyer' },
  economic: { zh: '关键决策者', en: 'economic buyer' },
};

const MESSAGES: Record<RedFlagCode, { zh: string; en: string }> = {
  no_economic_buyer: { zh: '尚未识别关键决策者', en: 'No economic buyer identified' },
  economic_buyer_not_covered: { zh: '关键决策者尚未接触', en: 'The economic buyer has not been covered' },
  no_coach: { zh: '没有教练（内线）', en: 'No coach inside the account' },
  role_not_covered: { zh: '{role}无人覆盖', en: 'Nobody covers the {role} role' },
  negative_rating: {
    zh: '{count} 位影响者强烈反对（评分 ≤ −4）',
    en: '{count} influencer(s) strongly against us (rating ≤ −4)',
  },
  economic_buyer_mode: {
    zh: '关键决策者处于{mode}，难以推动改变',
    en: 'The economic buyer is {mode}: unlikely to act',
  },
  single_threaded: { zh: '只联系了一位影响者（单线联系）', en: 'Single-threaded: only one buying influence' },
  close_date_passed: { zh: '预计签约日期已过', en: 'The expected close date has passed' },
  stale: { zh: '已 {days} 天没有活动', en: 'No activity for {days} days' },
  probability_override: {
    zh: '赢单率 {probability}% 偏离阶段默认值 {stageProbability}%',
    en: 'Probability {probability}% is far from the stage default {stageProbability}%',
  },
  technical_buyer_not_covered: {
    zh: '已到方案阶段，技术把关者仍未覆盖',
    en: 'At proposal stage or later and the technical buyer is not covered',
  },
};

const MODE_LABEL: Record<ResponseMode, { zh: string; en: string }> = {
  growth: { zh: '高瞻远瞩型', en: 'in growth mode' },
  trouble: { zh: '不知所措型', en: 'in trouble mode' },
  even_keel: { zh: '四平八稳型', en: 'on an even keel' },
  overconfident: { zh: '自我陶醉型', en: 'overconfident' },
};

/** A rating at or below this is strongly against us (强烈反对): a red flag, and no green relationship map. */
export const STRONGLY_AGAINST = -4;

const covered = (i: InfluenceFacts) => i.coverage !== 'none';
const withRole = (deal: DealFacts, role: BuyingRole) => deal.influences.filter((i) => i.roles.includes(role));

export function computeRedFlags(deal: DealFacts, opts: RedFlagOptions): RedFlag[] {
  const flags: RedFlag[] = [];
  const economic = withRole(deal, 'economic');
  const technical = withRole(deal, 'technical');
  const atProposal = deal.stageIndex >= deal.proposalStageIndex;

  if (!economic.length) flags.push({ code: 'no_economic_buyer', severity: 'high' });
  else if (!economic.some(covered)) flags.push({ code: 'economic_buyer_not_covered', severity: 'high' });
  if (!withRole(deal, 'coach').length) flags.push({ code: 'no_coach', severity: 'medium' });

  const technicalUncovered = !technical.some(covered);
  if (atProposal && technicalUncovered) flags.push({ code: 'technical_buyer_not_covered', severity: 'high' });
  for (const role of BUYING_ROLES) {
    const people = withRole(deal, role);
    // Roles with a dedicated flag are not reported twice.
    if (role === 'economic' || (role === 'technical' && atProposal)) continue;
    if (role === 'coach' && !people.length) continue;
    if (!people.some(covered)) flags.push({ code: 'role_not_covered', severity: 'medium', params: { role } });
  }

  const hostile = deal.influences.filter((i) => i.rating !== null && i.rating <= STRONGLY_AGAINST).length;
  if (hostile) flags.push({ code: 'negative_rating', severity: 'high', params: { count: hostile } });
  const complacent = economic.find((i) => i.mode === 'even_keel' || i.mode === 'overconfident');
  if (complacent?.mode)
    flags.push({ code: 'economic_buyer_mode', severity: 'medium', params: { mode: complacent.mode } });
  if (deal.influences.length === 1) flags.push({ code: 'single_threaded', severity: 'medium' });

  if (deal.status === 'open') {
    const today = localDate(opts.now, opts.timeZone);
    if (deal.expectedCloseDate && deal.expectedCloseDate < today)
      flags.push({ code: 'close_date_passed', severity: 'medium' });
    // Staleness counts only once the deal has activities: a new deal is not stale.
    if (deal.lastActivityAt) {
      const days = Math.floor((opts.now.getTime() - deal.lastActivityAt.getTime()) / DAY_MS);
      if (days >= opts.staleDays) flags.push({ code: 'stale', severity: 'medium', params: { days } });
    }
    if (Math.abs(deal.probability - deal.stageProbability) >= opts.probabilityTolerance) {
      flags.push({
        code: 'probability_override',
        severity: 'low',
        params: { probability: deal.probability, stageProbability: deal.stageProbability },
      });
    }
  }
  return flags;
}

export function redFlagMessage(flag: RedFlag, lang: Lang): string {
  const params: Record<string, string | number> = { ...flag.params };
  if (typeof params.role === 'string') params.role = ROLE_LABEL[params.role as BuyingRole]?.[lang] ?? params.role;
  if (typeof params.mode === 'string') params.mode = MODE_LABEL[params.mode as ResponseMode]?.[lang] ?? params.mode;
  return MESSAGES[flag.code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

// ---- Health -----------------------------------------------------------------------------------

const COVERAGE_SHARE: Record<Coverage, number> = { none: 0, brief: 1 / 3, multiple: 2 / 3, in_depth: 1 };
export const HEALTH_WEIGHTS = {
  coveragePerRole: 10,
  risk: 60,
  penalty: { high: 15, medium: 8, low: 3 } as Record<Severity, number>,
};

export interface HealthPart {
  /** `coverage.<role>`, `flag.<code>` (`flag.<code>.<role>` for a role's flag: one code can repeat) or `risk`. */
  key: string;
  points: number;
  max: number;
}

export interface Health {
  score: number;
  parts: HealthPart[];
}

/**
 * The key of a flag's part of the health breakdown. role_not_covered can be raised for the user and
 * the technical buyer (and the coach) at once, so its role is part of the key: each part names its flag.
 */
export const healthPartKey = (flag: RedFlag): string =>
  typeof flag.params?.role === 'string' ? `flag.${flag.code}.${flag.params.role}` : `flag.${flag.code}`;

/**
 * Health 0–100, never a black box: up to 40 points for coverage (10 per buying role, by the best
 * coverage of anyone in it) and 60 for risk, minus a penalty per red flag by severity.
 */
export function computeHealth(deal: Pick<DealFacts, 'influences'>, flags: RedFlag[]): Health {
  const parts: HealthPart[] = BUYING_ROLES.map((role) => {
    const best = Math.max(0, ...withRole(deal as DealFacts, role).map((i) => COVERAGE_SHARE[i.coverage]));
    return {
      key: `coverage.${role}`,
      points: Math.round(best * HEALTH_WEIGHTS.coveragePerRole),
      max: HEALTH_WEIGHTS.coveragePerRole,
    };
  });
  let risk = HEALTH_WEIGHTS.risk;
  for (const f of flags) {
    const p = Math.min(risk, HEALTH_WEIGHTS.penalty[f.severity]);
    risk -= p;
    parts.push({ key: healthPartKey(f), points: -p, max: 0 });
  }
  parts.push({ key: 'risk', points: risk, max: HEALTH_WEIGHTS.risk });
  const coverage = parts.filter((p) => p.key.startsWith('coverage.')).reduce((s, p) => s + p.points, 0);
  return { score: Math.max(0, Math.min(100, coverage + risk)), parts };
}
