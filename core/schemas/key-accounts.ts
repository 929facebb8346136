import { Type, type Static } from 'typebox';
import { PARETO_METRICS, SCORING_FIELDS, TIERS } from '../enums.ts';
import { ExportQuery, Id, IsoDate, NonNegativeMoney, Nullable } from './common.ts';

// Scoring
const Points = Type.Integer({ minimum: 0, maximum: 100 });
const Threshold = Type.Integer({ minimum: 0, maximum: 100 });
const TierOrNone = Nullable(Type.Enum([...TIERS]));

export const ScoringBand = Type.Object({ min: NonNegativeMoney, points: Points }, { additionalProperties: false });

/** Bands for figures (ourRevenue, potential, annualRevenue, employees), points per value for the rest. */
export const ScoringScale = Type.Object(
  {
    bands: Type.Optional(Type.Array(ScoringBand, { maxItems: 20 })),
    points: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Points)),
  },
  { additionalProperties: false },
);

/** A further figure a criterion can be met by, with its own scale. */
export const ScoringMeasure = Type.Object(
  { field: Type.Enum([...SCORING_FIELDS]), scale: ScoringScale },
  { additionalProperties: false },
);

export const ScoringCriterion = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
    label: Type.Optional(Type.String({ maxLength: 60 })),
    field: Type.Enum([...SCORING_FIELDS]),
    weight: Type.Integer({ minimum: 0, maximum: 100, description: 'Whole percent; all weights add up to 100' }),
    scale: ScoringScale,
    alternatives: Type.Optional(
      Type.Array(ScoringMeasure, {
        maxItems: 5,
        description:
          "The larger of (取较大者): the criterion earns the most points any of its figures earns, its own field's or these",
      }),
    ),
  },
  { additionalProperties: false },
);

export const ScoringModel = Type.Object(
  {
    criteria: Type.Array(ScoringCriterion, { minItems: 1, maxItems: 20 }),
    tierThresholds: Type.Object({ A: Threshold, B: Threshold }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ScoringModel = Static<typeof ScoringModel>;

export const SCORE_SORTS = ['score', '-score', 'name', '-name'] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

export const ScoreQuery = Type.Object({
  disagree: Type.Optional(
    Type.Boolean({ description: 'Only accounts whose assigned tier differs from the recommended one' }),
  ),
  tier: Type.Optional(Type.Enum([...TIERS, 'none'])),
  recommended: Type.Optional(Type.Enum([...TIERS])),
  sort: Type.Optional(Type.Enum([...SCORE_SORTS])),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type ScoreQuery = Static<typeof ScoreQuery>;

export const ScoredAccount = Type.Object({
  id: Id,
  name: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  tier: TierOrNone,
  recommendedTier: TierOrNone,
  disagree: Type.Boolean(),
});
export type ScoredAccount = Static<typeof ScoredAccount>;

/** Assigned × recommended tier counts over the caller's live accounts (filters not applied). */
export const TierMatrixCell = Type.Object({ tier: TierOrNone, recommendedTier: TierOrNone, count: Type.Integer() });
export type TierMatrixCell = Static<typeof TierMatrixCell>;

export const ScorePage = Type.Object({
  items: Type.Array(ScoredAccount),
  nextCursor: Nullable(Type.String()),
  matrix: Type.Array(TierMatrixCell),
});
export type ScorePage = Static<typeof ScorePage>;

const MeasureScore = Type.Object({
  field: Type.Enum([...SCORING_FIELDS]),
  value: Nullable(Type.String()),
  points: Type.Integer(),
});

export const CriterionScore = Type.Object({
  key: Type.String(),
  label: Nullable(Type.String()),
  /** The figure that earned the points: the larger of the criterion's figures. */
  field: Type.Enum([...SCORING_FIELDS]),
  weight: Type.Integer(),
  value: Nullable(Type.String()),
  points: Type.Integer(),
  contribution: Type.Number(),
  missing: Type.Boolean(),
  /** Every figure the criterion read, its own first. */
  measures: Type.Array(MeasureScore),
});

export const AccountScore = Type.Object({
  accountId: Id,
  score: Type.Integer(),
  tier: TierOrNone,
  recommendedTier: Type.Enum([...TIERS]),
  tierThresholds: Type.Object({ A: Type.Integer(), B: Type.Integer() }),
  criteria: Type.Array(CriterionScore),
});
export type AccountScore = Static<typeof AccountScore>;

export const TIER_BULK_LIMIT = 1000;

/** Either explicit tiers per account, or the recommended tier for a list of accounts. */
export const TierBulk = Type.Object(
  {
    items: Type.Optional(
      Type.Array(Type.Object({ accountId: Id, tier: TierOrNone }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: TIER_BULK_LIMIT,
      }),
    ),
    accountIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: TIER_BULK_LIMIT })),
    apply: Type.Optional(Type.Enum(['recommended'])),
  },
  { additionalProperties: false },
);
export type TierBulk = Static<typeof TierBulk>;

export const TierBulkResult = Type.Object({ updated: Type.Integer() });
export type TierBulkResult = Static<typeof TierBulkResult>;

// Pareto
/** A share strictly between 0 and 1, kept to four decimals (basis points) so SQL and core/pareto agree. */
const OpenShare = Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
const Share = Type.Number({ minimum: 0, maximum: 1 });
/** The tier assigned in the archive; null = untiered. */
const AssignedTier = Nullable(Type.Enum([...TIERS]));

export const ParetoThresholds = Type.Object({ a: OpenShare, b: OpenShare }, { additionalProperties: false });
export const EffortShares = Type.Object({ A: Share, B: Share, C: Share }, { additionalProperties: false });
export const EFFORT_MODES = ['revenue', 'fixed'] as const;
export const ParetoSettings = Type.Object(
  {
    thresholds: ParetoThresholds,
    /** How effort is recommended per tier: by the tier's revenue share, or fixed shares adding up to 1. */
    effort: Type.Object(
      { mode: Type.Enum([...EFFORT_MODES]), shares: Type.Optional(EffortShares) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ParetoSettings = Static<typeof ParetoSettings>;

export const PARETO_PAGE_LIMIT = 500;
export const ParetoQuery = Type.Object({
  metric: Type.Optional(Type.Enum([...PARETO_METRICS], { default: 'ourRevenue' })),
  /** The signing window of wonAmount, the organisation's days (Asia/Shanghai unless it set another zone), both included; default the last 12 months. */
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  /** The page of items: one class only. */
  class: Type.Optional(Type.Enum([...TIERS])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PARETO_PAGE_LIMIT, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  ...ExportQuery,
});
export type ParetoQuery = Static<typeof ParetoQuery>;

const ParetoClass = Type.Enum([...TIERS]);
export const ParetoItem = Type.Object({
  rank: Type.Integer(),
  id: Id,
  name: Type.String(),
  ownerName: Nullable(Type.String()),
  /** Beside the class the ranking gives. */
  tier: AssignedTier,
  value: NonNegativeMoney,
  share: Type.Number(),
  cumulativeShare: Type.Number(),
  class: ParetoClass,
});
export type ParetoItem = Static<typeof ParetoItem>;

export const ParetoResult = Type.Object({
  metric: Type.Enum([...PARETO_METRICS]),
  /** The window applied (wonAmount only). */
  from: Nullable(IsoDate),
  to: Nullable(IsoDate),
  thresholds: ParetoThresholds,
  accounts: Type.Integer(),
  total: NonNegativeMoney,
  classes: Type.Array(
    Type.Object({ class: ParetoClass, accounts: Type.Integer(), value: NonNegativeMoney, share: Type.Number() }),
  ),
  concentration: Type.Object({
    topCount: Type.Integer({ description: 'The top 20% of accounts (at least one)' }),
    topShare: Type.Number(),
    accountsFor80: Type.Integer({ description: 'The fewest accounts that make 80% of the total' }),
  }),
  /** The top 100 accounts for the bars. */
  bars: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      id: Id,
      name: Type.String(),
      value: NonNegativeMoney,
      cumulativeShare: Type.Number(),
      class: ParetoClass,
    }),
  ),
  /** The cumulative curve over every account, at most 200 evenly spaced ranks (the last included). */
  curve: Type.Array(Type.Object({ rank: Type.Integer(), cumulativeShare: Type.Number() })),
  items: Type.Array(ParetoItem),
  /** Accounts matching the page's class filter. */
  itemsTotal: Type.Integer(),
});
export type ParetoResult = Static<typeof ParetoResult>;

export const EffortQuery = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
export type EffortQuery = Static<typeof EffortQuery>;
export const EffortAccount = Type.Object({
  id: Id,
  name: Type.String(),
  tier: AssignedTier,
  revenue: NonNegativeMoney,
  revenueShare: Type.Number(),
  minutes: Type.Integer(),
  minutesShare: Type.Number(),
  /** minutesShare − revenueShare: above 0 gets more time than its value says, below 0 less. */
  gap: Type.Number(),
});
export type EffortAccount = Static<typeof EffortAccount>;
export const Effort = Type.Object({
  from: IsoDate,
  to: IsoDate,
  mode: Type.Enum([...EFFORT_MODES]),
  totalRevenue: NonNegativeMoney,
  totalMinutes: Type.Integer(),
  tiers: Type.Array(
    Type.Object({
      tier: Type.Enum([...TIERS, 'none']),
      accounts: Type.Integer(),
      revenue: NonNegativeMoney,
      revenueShare: Type.Number(),
      recommendedShare: Type.Number(),
      minutes: Type.Integer(),
      actualShare: Type.Number(),
    }),
  ),
  overServed: Type.Array(EffortAccount),
  underServed: Type.Array(EffortAccount),
});
export type Effort = Static<typeof Effort>;
