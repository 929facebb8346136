// Key-account scoring (大客户的选择): the course picks key accounts by large sales *or* large
// potential, market development strength and financial soundness. An organisation weighs those (and
// any of the archive's other figures) in a model; each account gets a score 0–100 and the tier it
// recommends. A criterion may read several figures and earn the larger of their points (取较大者):
// an account with no sales yet but a large potential is a key account by the course.
import { FINANCIAL_STATUSES, RELATIONSHIP_STAGES, type ScoringField, type Tier } from './enums.ts';
import { toCents } from './funnel.ts';
import type { MessageCode, Params } from './messages.ts';

/** Points from the highest band whose lower bound the value reaches; bounds are decimal strings. */
export interface Band {
  min: string;
  points: number;
}

export interface Scale {
  bands?: Band[];
  /** Points per value of an enumerated field (marketStrength's '1'…'5'); an unlisted value earns 0. */
  points?: Record<string, number>;
}

/** One figure of the account and how it earns points. */
export interface Measure {
  field: ScoringField;
  scale: Scale;
}

export interface Criterion extends Measure {
  key: string;
  label?: string;
  /** Whole percent; a model's weights add up to exactly 100. */
  weight: number;
  /** Further figures that can meet the criterion: it earns the larger of its own points and theirs (取较大者). */
  alternatives?: Measure[];
}

export interface ScoringModel {
  criteria: Criterion[];
  /** Lowest scores of tier A and of tier B (A > B); anything below B recommends C. */
  tierThresholds: { A: number; B: number };
}

/** The account figures a model can read. */
export interface ScoringInput {
  ourRevenue: string | null;
  potential: string | null;
  annualRevenue: string | null;
  employees: number | null;
  marketStrength: number | null;
  financialStatus: string | null;
  relationshipStage: string | null;
}

export interface MeasureScore {
  field: ScoringField;
  value: string | null;
  points: number;
}

export interface CriterionScore {
  key: string;
  label: string | null;
  /** The figure that earned the points: the larger of the criterion's figures (the first on a tie). */
  field: ScoringField;
  weight: number;
  value: string | null;
  points: number;
  /** weight × points / 100: this criterion's share of the score, before rounding. */
  contribution: number;
  /** None of the criterion's figures is filled in. */
  missing: boolean;
  /** Every figure the criterion read, its own first: more than one when it takes the larger of them. */
  measures: MeasureScore[];
}

export interface ScoreResult {
  score: number;
  recommendedTier: Tier;
  criteria: CriterionScore[];
}

export const BANDED_FIELDS: readonly ScoringField[] = ['ourRevenue', 'potential', 'annualRevenue', 'employees'];

/** The values a points map may name, per enumerated field. */
export const POINT_KEYS: Partial<Record<ScoringField, readonly string[]>> = {
  marketStrength: ['1', '2', '3', '4', '5'],
  financialStatus: FINANCIAL_STATUSES,
  relationshipStage: RELATIONSHIP_STAGES,
};

export const isBanded = (field: ScoringField) => BANDED_FIELDS.includes(field);

const bands = (...pairs: [string, number][]): Band[] => pairs.map(([min, points]) => ({ min, points }));

/**
 * The course's three criteria with bands sized for key accounts in CNY: sales volume or potential,
 * whichever earns more (the weight the two had when they were added, 40 + 30), market strength and
 * financial status.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  criteria: [
    {
      key: 'salesOrPotential',
      field: 'ourRevenue',
      weight: 70,
      scale: {
        bands: bands(['0', 0], ['100000', 20], ['500000', 40], ['1000000', 60], ['2000000', 80], ['5000000', 100]),
      },
      alternatives: [
        {
          field: 'potential',
          scale: {
            bands: bands(
              ['0', 0],
              ['500000', 20],
              ['1000000', 40],
              ['3000000', 60],
              ['5000000', 80],
              ['10000000', 100],
            ),
          },
        },
      ],
    },
    {
      key: 'marketStrength',
      field: 'marketStrength',
      weight: 15,
      scale: { points: { '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 } },
    },
    {
      key: 'financialStatus',
      field: 'financialStatus',
      weight: 15,
      scale: { points: { good: 100, fair: 50, poor: 0 } },
    },
  ],
  tierThresholds: { A: 70, B: 40 },
};

/** The field's value as text (money and counts exact), or null when the account has none. */
function fieldValue(input: ScoringInput, field: ScoringField): string | null {
  const v = input[field];
  return v === null || v === undefined || v === '' ? null : String(v);
}

function bandPoints(list: readonly Band[], value: string): number {
  const cents = toCents(value);
  let points = 0;
  for (const b of list) if (toCents(b.min) <= cents) points = b.points;
  return points;
}

export function recommendTier(score: number, thresholds: ScoringModel['tierThresholds']): Tier {
  if (score >= thresholds.A) return 'A';
  return score >= thresholds.B ? 'B' : 'C';
}

function measureScore(m: Measure, input: ScoringInput): MeasureScore {
  const value = fieldValue(input, m.field);
  let points = 0;
  if (value !== null)
    points = isBanded(m.field) ? bandPoints(m.scale.bands ?? [], value) : (m.scale.points?.[value] ?? 0);
  return { field: m.field, value, points };
}

/** Scores one account; bands are taken in order (the model is validated ascending). */
export function scoreAccount(model: ScoringModel, input: ScoringInput): ScoreResult {
  let total = 0;
  const criteria = model.criteria.map((c): CriterionScore => {
    const measures = [c, ...(c.alternatives ?? [])].map((m) => measureScore(m, input));
    // The larger of the figures' points; on a tie the first filled-in figure is the one shown.
    const best = measures.reduce((b, m) =>
      m.points > b.points || (b.value === null && m.value !== null && m.points === b.points) ? m : b,
    );
    total += c.weight * best.points;
    return {
      key: c.key,
      label: c.label ?? null,
      field: best.field,
      weight: c.weight,
      value: best.value,
      points: best.points,
      contribution: (c.weight * best.points) / 100,
      missing: measures.every((m) => m.value === null),
      measures,
    };
  });
  // Weights and points are integers, so the sum is exact; only the final /100 rounds.
  const score = Math.round(total / 100);
  return { score, recommendedTier: recommendTier(score, model.tierThresholds), criteria };
}

export interface ModelIssue {
  path: string;
  code: MessageCode;
  params?: Params;
}

function measureIssues(m: Measure, at: string): ModelIssue[] {
  const issues: ModelIssue[] = [];
  if (isBanded(m.field)) {
    const list = m.scale.bands ?? [];
    if (!list.length) issues.push({ path: `${at}.scale.bands`, code: 'required' });
    const unordered = list.findIndex((b, j) => j > 0 && toCents(b.min) <= toCents(list[j - 1].min));
    if (unordered >= 0) issues.push({ path: `${at}.scale.bands.${unordered}.min`, code: 'bands_order' });
  } else {
    const allowed = POINT_KEYS[m.field] ?? [];
    const map = m.scale.points;
    if (!map || !Object.keys(map).length) issues.push({ path: `${at}.scale.points`, code: 'required' });
    const bad = Object.keys(map ?? {}).find((k) => !allowed.includes(k));
    if (bad !== undefined)
      issues.push({ path: `${at}.scale.points.${bad}`, code: 'enum', params: { allowed: allowed.join(', ') } });
  }
  return issues;
}

/** What is wrong with a model, each issue naming its field; empty when it can be saved. */
export function modelIssues(model: ScoringModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const sum = model.criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) issues.push({ path: 'criteria', code: 'weights_sum', params: { sum } });
  const seen = new Set<string>();
  model.criteria.forEach((c, i) => {
    if (seen.has(c.key)) issues.push({ path: `criteria.${i}.key`, code: 'duplicate_key' });
    seen.add(c.key);
    issues.push(...measureIssues(c, `criteria.${i}`));
    const fields = new Set([c.field]);
    (c.alternatives ?? []).forEach((m, j) => {
      // The larger of a figure and itself is the figure: a repeat is a slip.
      if (fields.has(m.field)) issues.push({ path: `criteria.${i}.alternatives.${j}.field`, code: 'duplicate_field' });
      fields.add(m.field);
      issues.push(...measureIssues(m, `criteria.${i}.alternatives.${j}`));
    });
  });
  if (model.tierThresholds.A <= model.tierThresholds.B)
    issues.push({ path: 'tierThresholds.A', code: 'threshold_order' });
  return issues;
}
