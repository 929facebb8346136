// The relationship map's judgement (Altify-style red / amber / green) and the stakeholder grid's
// power × interest derivation, computed the same way on the server and in the browser.
import { STRONGLY_AGAINST, type BuyingRole } from './blue-sheet.ts';
import type { GridQuadrant, MapStatus } from './enums.ts';
import type { Lang } from './messages.ts';

export type InfluenceLevel = 'high' | 'medium' | 'low';
export type CoverageLevel = 'none' | 'brief' | 'multiple' | 'in_depth';
export type MapKind = 'account' | 'deal';

export interface MapPerson {
  name: string;
  influence: InfluenceLevel | null;
  /** The contact's attitude on an account map, the buying influence's rating on a deal map (−5…+5). */
  attitude: number | null;
  /** Buying roles: the deal's on a deal map, the union over the account's open deals on an account map. */
  roles: BuyingRole[];
}

/**
 * Supportive: attitude (or rating) of +1 or more. Zero is neutral and nobody's supporter; any lean our
 * way counts, which is also where the map's colour scale turns green (components/AttitudeTag).
 */
export const SUPPORT_THRESHOLD = 1;

export const isSupportive = (p: MapPerson): boolean => p.attitude !== null && p.attitude >= SUPPORT_THRESHOLD;

/** Key player: someone who can move the decision — high influence, or the deal's economic or technical buyer. */
export const isKeyPlayer = (p: MapPerson): boolean =>
  p.influence === 'high' || p.roles.includes('economic') || p.roles.includes('technical');

/**
 * Decision maker: the economic buyer (关键决策者). An account has no single decision, so on an account
 * map high-influence contacts count too, beside the economic buyers of its open deals.
 */
export const isDecisionMaker = (p: MapPerson, kind: MapKind): boolean =>
  p.roles.includes('economic') || (kind === 'account' && p.influence === 'high');

export type MapReasonCode =
  | 'no_key_players'
  | 'no_supportive_key_player'
  | 'no_decision_maker'
  | 'decision_makers_not_supportive'
  | 'economic_buyer_hostile'
  | 'economic_buyer_not_covered'
  | 'decision_makers_supportive';

/** An open deal's economic buyer as that deal's Blue Sheet has them (coverage and rating are the deal's). */
export interface EconomicBuyerFacts {
  name: string;
  /** The deal, on an account map (which answers for every open deal); null on the deal's own map. */
  deal: string | null;
  coverage: CoverageLevel;
  rating: number | null;
}

const buyerLabel = (b: EconomicBuyerFacts) => (b.deal === null ? b.name : `${b.name} · ${b.deal}`);

export interface MapJudgement {
  status: MapStatus;
  code: MapReasonCode;
  /** The people the reason is about: unsupportive decision makers, or the supportive key players. */
  names: string[];
}

/**
 * red: no key player supports us (or nobody is a key player yet); green: every decision maker is a
 * supporter (and there is at least one) and no open deal's economic buyer is unmet or strongly
 * against us on its Blue Sheet; amber: anything between. A contact's attitude can be warm while the
 * deal's economic buyer was never met: the map must not say green when the Blue Sheet says otherwise.
 */
export function judgeMap(people: MapPerson[], kind: MapKind, economicBuyers: EconomicBuyerFacts[] = []): MapJudgement {
  const keyPlayers = people.filter(isKeyPlayer);
  if (!keyPlayers.length) return { status: 'red', code: 'no_key_players', names: [] };
  const supporters = keyPlayers.filter(isSupportive);
  if (!supporters.length) return { status: 'red', code: 'no_supportive_key_player', names: [] };
  const deciders = people.filter((p) => isDecisionMaker(p, kind));
  if (!deciders.length) return { status: 'amber', code: 'no_decision_maker', names: supporters.map((p) => p.name) };
  const against = deciders.filter((p) => !isSupportive(p));
  if (against.length)
    return { status: 'amber', code: 'decision_makers_not_supportive', names: against.map((p) => p.name) };
  const hostile = economicBuyers.filter((b) => b.rating !== null && b.rating <= STRONGLY_AGAINST);
  if (hostile.length) return { status: 'amber', code: 'economic_buyer_hostile', names: hostile.map(buyerLabel) };
  const unmet = economicBuyers.filter((b) => b.coverage === 'none');
  if (unmet.length) return { status: 'amber', code: 'economic_buyer_not_covered', names: unmet.map(buyerLabel) };
  return { status: 'green', code: 'decision_makers_supportive', names: deciders.map((p) => p.name) };
}

const REASONS: Record<MapReasonCode, { zh: string; en: string }> = {
  no_key_players: {
    zh: '尚未识别关键人物（高影响力者或关键决策者、技术把关者）',
    en: 'No key player identified yet (high influence, economic or technical buyer)',
  },
  no_supportive_key_player: { zh: '没有关键人物支持我们', en: 'No key player supports us' },
  no_decision_maker: {
    zh: '有关键人物支持（{names}），但尚未识别决策者',
    en: 'Key players support us ({names}) but no decision maker is identified',
  },
  decision_makers_not_supportive: {
    zh: '有关键人物支持，但决策者{names}尚未支持',
    en: 'Some key players support us, but not decision maker(s) {names}',
  },
  economic_buyer_hostile: {
    zh: '在途商机的关键决策者强烈反对我们：{names}',
    en: 'The economic buyer of an open deal is strongly against us: {names}',
  },
  economic_buyer_not_covered: {
    zh: '在途商机的关键决策者尚未接触：{names}',
    en: 'The economic buyer of an open deal has not been met: {names}',
  },
  decision_makers_supportive: {
    zh: '支持者包括全部决策者（{names}）',
    en: 'Supporters include every decision maker ({names})',
  },
};

export function describeMapJudgement(j: MapJudgement, lang: Lang): string {
  return REASONS[j.code][lang].replace('{names}', j.names.join(lang === 'zh' ? '、' : ', '));
}

// The stakeholder grid: power and interest on 1–5, stored when someone placed the contact, else derived.

export const GRID_HIGH = 3;
/** Unknown influence sits just below the line: not known to matter, not known not to. */
const POWER_BY_INFLUENCE: Record<InfluenceLevel | 'unknown', number> = { high: 5, medium: 3, low: 1, unknown: 2 };
/** Time they give us: repeated or in-depth contact shows they care about the outcome. */
const INTEREST_BY_COVERAGE: Record<CoverageLevel, number> = { none: 1, brief: 2, multiple: 3, in_depth: 4 };
/** Strength of feeling, for or against: |attitude| 0…5. Someone with a view of ±2 or stronger cares. */
const INTEREST_BY_FEELING = [1, 2, 3, 4, 5, 5];
const INTEREST_UNKNOWN_FEELING = 2;

export interface GridFacts {
  power: number | null;
  /** The economic buyer of one of the account's open deals: they decide, whatever influence says. */
  economicBuyer?: boolean;
  interest: number | null;
  influence: InfluenceLevel | null;
  coverage: CoverageLevel;
  attitude: number | null;
}

export interface GridPlacement {
  power: number;
  interest: number;
  powerDerived: boolean;
  interestDerived: boolean;
  quadrant: GridQuadrant;
}

/** Power from influence; an open deal's economic buyer holds the decision, so high power. */
export const derivePower = (influence: InfluenceLevel | null, economicBuyer = false): number =>
  economicBuyer ? POWER_BY_INFLUENCE.high : POWER_BY_INFLUENCE[influence ?? 'unknown'];

/** Interest: the stronger of two signals, how much time they give us and how strongly they feel. */
export function deriveInterest(coverage: CoverageLevel, attitude: number | null): number {
  const feeling = attitude === null ? INTEREST_UNKNOWN_FEELING : INTEREST_BY_FEELING[Math.min(5, Math.abs(attitude))];
  return Math.max(INTEREST_BY_COVERAGE[coverage], feeling);
}

export function quadrantOf(power: number, interest: number): GridQuadrant {
  if (power >= GRID_HIGH) return interest >= GRID_HIGH ? 'manage_closely' : 'keep_satisfied';
  return interest >= GRID_HIGH ? 'keep_informed' : 'monitor';
}

export function placeOnGrid(f: GridFacts): GridPlacement {
  const power = f.power ?? derivePower(f.influence, f.economicBuyer);
  const interest = f.interest ?? deriveInterest(f.coverage, f.attitude);
  return {
    power,
    interest,
    powerDerived: f.power === null,
    interestDerived: f.interest === null,
    quadrant: quadrantOf(power, interest),
  };
}

/**
 * The power and interest to store when someone drags a contact into a quadrant: a value already on
 * the right side of the line is kept, one on the wrong side moves to 4 (high) or 2 (low).
 */
export function valuesForQuadrant(
  current: { power: number; interest: number },
  target: GridQuadrant,
): { power: number; interest: number } {
  const highPower = target === 'manage_closely' || target === 'keep_satisfied';
  const highInterest = target === 'manage_closely' || target === 'keep_informed';
  const fit = (v: number, high: boolean) => (high === v >= GRID_HIGH ? v : high ? GRID_HIGH + 1 : GRID_HIGH - 1);
  return { power: fit(current.power, highPower), interest: fit(current.interest, highInterest) };
}
