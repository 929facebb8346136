// Forecasts, quotas, pipeline inspection, calibration and the reverse-funnel planner (issue 5):
// one contract for server and web.
import { Type, type Static } from 'typebox';
import { CHANGE_KINDS, FORECAST_GROUPS, PERIOD_KINDS, PROBABILITY_SOURCES } from '../enums.ts';
import { ExportQuery, Id, IsoDate, IsoDateTime, Nullable, OptionalNullable, Version } from './common.ts';

export const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$';
export const POSITIVE_MONEY_PATTERN = '^(?=.*[1-9])\\d{1,16}(\\.\\d{1,2})?$';
/** A year (`2027`), a quarter (`2027-Q1`) or a month (`2027-03`). */
export const Period = Type.String({ pattern: PERIOD_PATTERN, description: 'YYYY, YYYY-Qn or YYYY-MM' });
/** A positive amount in CNY: quotas and deal sizes cannot be zero. */
const PositiveMoney = Type.String({ pattern: POSITIVE_MONEY_PATTERN, description: 'Decimal amount > 0 in CNY' });
const Amount = Type.String({ description: 'Decimal amount in CNY' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

// ---- Quotas ----
export const Quota = Type.Object({
  id: Id,
  /** Exactly one of userId and teamId is set. */
  userId: Nullable(Id),
  userName: Nullable(Type.String()),
  teamId: Nullable(Id),
  teamName: Nullable(Type.String()),
  period: Type.String(),
  periodKind: Type.Enum([...PERIOD_KINDS]),
  target: Amount,
  stretch: Nullable(Amount),
  challenge: Nullable(Amount),
  version: Type.Integer(),
  updatedAt: IsoDateTime,
  /** Whether the caller may change or remove it: quotas are set from above (a rep reads their own). */
  editable: Type.Boolean(),
});
export type Quota = Static<typeof Quota>;
export const QuotaCreate = Type.Object(
  {
    userId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    period: Period,
    target: PositiveMoney,
    /** 冲刺目标 and 挑战目标: each at least the level below it. */
    stretch: OptionalNullable(PositiveMoney),
    challenge: OptionalNullable(PositiveMoney),
  },
  { additionalProperties: false },
);
export type QuotaCreate = Static<typeof QuotaCreate>;
export const QuotaUpdate = Type.Object(
  {
    version: Version,
    target: Type.Optional(PositiveMoney),
    stretch: OptionalNullable(PositiveMoney),
    challenge: OptionalNullable(PositiveMoney),
  },
  { additionalProperties: false },
);
export type QuotaUpdate = Static<typeof QuotaUpdate>;
export const QuotaListQuery = Type.Object({
  year: Type.Optional(Year),
  userId: Type.Optional(Id),
  teamId: Type.Optional(Id),
});
export type QuotaListQuery = Static<typeof QuotaListQuery>;
export const QuotaList = Type.Object({ items: Type.Array(Quota) });
export type QuotaList = Static<typeof QuotaList>;

/**
 * A quota resolved for a period: set for the period itself, or summed from its months (a month's
 * share of a quarter or year quota where only that is set). A team without its own quota gets the
 * sum of its members' and sub-teams'. Missing stretch/challenge levels fall back to the level below.
 */
export const QuotaFigures = Type.Object({ target: Amount, stretch: Amount, challenge: Amount });
export type QuotaFigures = Static<typeof QuotaFigures>;

// ---- Forecast ----
export const ForecastQuery = Type.Object({
  period: Period,
  groupBy: Type.Optional(Type.Enum([...FORECAST_GROUPS], { default: 'owner' })),
  /** Restrict to deals owned by this team and its sub-teams (the quota is then the team's). */
  teamId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  /** `configured`: each deal's probability; `calibrated`: the observed win rate of its stage. */
  probabilities: Type.Optional(Type.Enum([...PROBABILITY_SOURCES], { default: 'configured' })),
  ...ExportQuery,
});
export type ForecastQuery = Static<typeof ForecastQuery>;
export const ForecastRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  deals: Type.Integer(),
  closedWon: Amount,
  commit: Amount,
  bestCase: Amount,
  pipeline: Amount,
  omitted: Amount,
  /** closed + commit (Salesforce's commit forecast). */
  commitForecast: Amount,
  /** closed + commit + best case. */
  bestCaseForecast: Amount,
  /** Σ amount × probability over the open deals (omitted excluded). */
  weighted: Amount,
  /** closed + weighted. */
  weightedForecast: Amount,
  quota: Nullable(QuotaFigures),
  /** closedWon ÷ target (0.25 = 25 %). */
  attainment: Nullable(Type.Number()),
  /** Open pipeline (commit + best case + pipeline) ÷ the quota still to win. */
  coverage: Nullable(Type.Number()),
  /** target − closedWon, never below zero. */
  remaining: Nullable(Amount),
});
export type ForecastRow = Static<typeof ForecastRow>;
export const Forecast = Type.Object({
  period: Type.String(),
  start: IsoDate,
  end: IsoDate,
  groupBy: Type.Enum([...FORECAST_GROUPS]),
  probabilities: Type.Enum([...PROBABILITY_SOURCES]),
  rows: Type.Array(ForecastRow),
  totals: ForecastRow,
});
export type Forecast = Static<typeof Forecast>;

// ---- Pipeline summary ----
export const PipelineSummaryQuery = Type.Object({ ownerId: Type.Optional(Id), teamId: Type.Optional(Id) });
export type PipelineSummaryQuery = Static<typeof PipelineSummaryQuery>;
const SummaryFigures = { count: Type.Integer(), amount: Amount, weightedAmount: Amount };
export const PipelineSummary = Type.Object({
  stages: Type.Array(
    Type.Object({
      stageId: Id,
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      probability: Type.Integer(),
      ...SummaryFigures,
    }),
  ),
  totals: Type.Object(SummaryFigures),
});
export type PipelineSummary = Static<typeof PipelineSummary>;
export const PipelineByProvince = Type.Object({
  /** 按省份: the open deals by the province of their account's region code, largest amount first, no region last. */
  items: Type.Array(
    Type.Object({
      provinceCode: Nullable(Type.String()),
      name: Nullable(Type.String()),
      ...SummaryFigures,
    }),
  ),
});
export type PipelineByProvince = Static<typeof PipelineByProvince>;

// ---- Pipeline inspection (weekly snapshots, what changed) ----
export const Snapshot = Type.Object({ date: IsoDate, deals: Type.Integer(), amount: Amount });
export const SnapshotList = Type.Object({ items: Type.Array(Snapshot) });
export type SnapshotList = Static<typeof SnapshotList>;
export const PipelineChangesQuery = Type.Object({
  since: IsoDate,
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
});
export type PipelineChangesQuery = Static<typeof PipelineChangesQuery>;
export const DealState = Type.Object({
  stageId: Id,
  stageName: Type.String(),
  amount: Amount,
  expectedCloseDate: Nullable(IsoDate),
  forecastCategory: Type.String(),
  status: Type.String(),
});
export type DealState = Static<typeof DealState>;
export const PipelineChange = Type.Object({
  opportunityId: Id,
  name: Type.String(),
  accountId: Id,
  accountName: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  kinds: Type.Array(Type.Enum([...CHANGE_KINDS])),
  /** The deal as the baseline snapshot had it; null for a new deal. */
  before: Nullable(DealState),
  after: DealState,
});
export type PipelineChange = Static<typeof PipelineChange>;
export const PipelineChanges = Type.Object({
  since: IsoDate,
  /** The snapshot compared against: the last one on or before `since` (else the first after it). */
  baseline: Nullable(IsoDate),
  summary: Type.Array(Type.Object({ kind: Type.Enum([...CHANGE_KINDS]), count: Type.Integer(), amount: Amount })),
  items: Type.Array(PipelineChange),
  /** More than the 500 largest changes exist. */
  truncated: Type.Boolean(),
});
export type PipelineChanges = Static<typeof PipelineChanges>;

// ---- Calibration and accuracy ----
export const CalibrationQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  teamId: Type.Optional(Id),
});
export type CalibrationQuery = Static<typeof CalibrationQuery>;
export const Calibration = Type.Object({
  from: IsoDate,
  to: IsoDate,
  closedDeals: Type.Integer(),
  stages: Type.Array(
    Type.Object({
      stageId: Id,
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      configured: Type.Integer(),
      /** Won ÷ reached, in whole percent; null without a closed deal that reached the stage. */
      observed: Nullable(Type.Integer()),
      reached: Type.Integer(),
      won: Type.Integer(),
    }),
  ),
});
export type Calibration = Static<typeof Calibration>;
export const AccuracyQuery = Type.Object({ period: Period, teamId: Type.Optional(Id) });
export type AccuracyQuery = Static<typeof AccuracyQuery>;
export const ForecastAccuracy = Type.Object({
  period: Type.String(),
  /** Won in the period so far. */
  actualWon: Amount,
  items: Type.Array(
    Type.Object({
      snapshotDate: IsoDate,
      weightedForecast: Amount,
      commitForecast: Amount,
      bestCaseForecast: Amount,
      /** (weighted forecast − actual) ÷ actual; null while nothing is won. */
      error: Nullable(Type.Number()),
    }),
  ),
});
export type ForecastAccuracy = Static<typeof ForecastAccuracy>;

// ---- Won / lost ----
export const WinLossQuery = Type.Object({
  from: IsoDate,
  to: IsoDate,
  teamId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
});
export type WinLossQuery = Static<typeof WinLossQuery>;
const CountAmount = Type.Object({ count: Type.Integer(), amount: Amount });
/** A group's won and lost deals and its win rate (won ÷ closed by count). */
const Outcome = { won: CountAmount, lost: CountAmount, winRate: Nullable(Type.Number()) };
/** A province (GB/T 2260, e.g. 530000) and its name in the reader's language; both null: no region code. */
const ProvinceKey = { provinceCode: Nullable(Type.String()), name: Nullable(Type.String()) };
export const WinLoss = Type.Object({
  won: CountAmount,
  lost: CountAmount,
  /** won ÷ (won + lost) by count; null when nothing closed. */
  winRate: Nullable(Type.Number()),
  reasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer(), amount: Amount })),
  competitors: Type.Array(
    Type.Object({ competitorId: Id, name: Type.String(), count: Type.Integer(), amount: Amount }),
  ),
  /** Won and lost by deal source (the admin's list; every "other" answer as 其他), most deals first. */
  sources: Type.Array(Type.Object({ source: Type.String(), ...Outcome })),
  /** 按省份: won and lost by the province of the account's region code (null: none), most deals first, no region last. */
  provinces: Type.Array(Type.Object({ ...ProvinceKey, ...Outcome })),
});
export type WinLoss = Static<typeof WinLoss>;

// ---- Planner (the 653321 rule) ----
export const PlannerInput = Type.Object(
  {
    /** Default: the person's yearly target. */
    quota: Type.Optional(PositiveMoney),
    /** Default: the average won amount over the last 12 months. */
    averageDealSize: Type.Optional(PositiveMoney),
    /** Activities per signed deal for each planning stage (the open stages, then the won stage); default 6,5,3,3,2,1. */
    ratios: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 1000 }), { minItems: 1, maxItems: 20 })),
    /** Weeks each planning stage takes, half weeks allowed; default the course's 3, 2.5, 2, 1.5, 1, 0.5 (other funnels: 10.5 weeks split evenly). */
    stageWeeks: Type.Optional(
      Type.Array(Type.Number({ minimum: 0.5, maximum: 52, multipleOf: 0.5 }), { minItems: 1, maxItems: 20 }),
    ),
    /** Before durations were in weeks: months per stage, each taken as 52/12 weeks to the half week. stageWeeks wins. */
    monthsPerStage: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, deprecated: true })),
    /** Whose yearly quota, and the year the plan is kept under. Default: the year of the plan's first month. */
    year: Type.Optional(Year),
    /**
     * The plan's first month in `year`; it covers twelve whole months from there. Default: the next
     * twelve whole months (next month on); with a year, its January, or next month in the year under way.
     */
    startMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    /** Whose plan (someone in the caller's scope); default the caller. */
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PlannerInput = Static<typeof PlannerInput>;
const Counts = Type.Record(Type.String(), Type.Integer(), { description: 'activities per stage id' });
export const PlanStage = Type.Object({
  stageId: Id,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  ratio: Type.Integer(),
  count: Type.Integer(),
});
export const Plan = Type.Object({
  userId: Id,
  year: Type.Integer(),
  /** The twelve months the plan covers: startMonth … endMonth. */
  startMonth: Month,
  endMonth: Month,
  quota: Amount,
  averageDealSize: Amount,
  /**
   * Where the average came from: typed in, or the last twelve months' won deals of the person, else of
   * their team (and its sub-teams), else of the organisation. Null on plans saved before it was kept.
   */
  averageDealSizeSource: Nullable(Type.Enum(['own', 'team', 'org', 'input'])),
  ratios: Type.Array(Type.Integer()),
  stageWeeks: Type.Array(Type.Number()),
  dealsNeeded: Type.Integer(),
  /** Whole months before the first signing. */
  leadInMonths: Type.Integer(),
  stageTotals: Type.Array(PlanStage),
  months: Type.Array(Type.Object({ month: Month, counts: Counts, total: Type.Integer() })),
  /** Activities that would fall before the plan starts: to do now. */
  backlog: Type.Object({ counts: Counts, total: Type.Integer() }),
  peakMonthlyTotal: Type.Integer(),
  /** When the plan was saved; null for a computed, unsaved plan. */
  savedAt: Nullable(IsoDateTime),
});
export type Plan = Static<typeof Plan>;
export const PlanParams = Type.Object({ year: Year });
export const PlanQuery = Type.Object({ userId: Type.Optional(Id) });

/** What a plan needs that neither the person's data nor the defaults give: the planner asks for it. */
export const PlanMissing = Type.Enum(['quota', 'averageDealSize', 'ratios']);
export type PlanMissing = Static<typeof PlanMissing>;
export const PlanDraftQuery = Type.Object({ year: Year, userId: Type.Optional(Id), ...ExportQuery });
export type PlanDraftQuery = Static<typeof PlanDraftQuery>;
/**
 * Where the planner opens: the person's saved plan for the year, else the plan their quota and the
 * defaults give (unsaved), else no plan and what is missing for one (no quota yet, no won deal to
 * average, a funnel without the course's six stages).
 */
export const PlanDraft = Type.Object({
  plan: Nullable(Plan),
  saved: Type.Boolean(),
  missing: Type.Array(PlanMissing),
});
export type PlanDraft = Static<typeof PlanDraft>;

// ---- Plan vs actual ----
export const PlanActualQuery = Type.Object({ year: Year, teamId: Type.Optional(Id), userId: Type.Optional(Id) });
export type PlanActualQuery = Static<typeof PlanActualQuery>;
const PlanActualMonth = Type.Object({
  month: Month,
  planned: Counts,
  done: Counts,
  plannedTotal: Type.Integer(),
  doneTotal: Type.Integer(),
});
export const PlanActual = Type.Object({
  year: Type.Integer(),
  /** Months up to and including this one count for "to date". */
  asOf: Month,
  stages: Type.Array(Type.Object({ stageId: Id, name: Type.String(), nameEn: Nullable(Type.String()) })),
  people: Type.Array(
    Type.Object({
      userId: Id,
      name: Type.String(),
      teamId: Nullable(Id),
      /** `saved`: their saved plan; `quota`: computed from their yearly quota with the defaults. */
      planSource: Nullable(Type.Enum(['saved', 'quota'])),
      plannedToDate: Type.Integer(),
      doneToDate: Type.Integer(),
      /** Share of the planned activities to date that were done (1 = on plan); null without a plan. */
      progress: Nullable(Type.Number()),
      behind: Type.Boolean(),
      months: Type.Array(PlanActualMonth),
    }),
  ),
});
export type PlanActual = Static<typeof PlanActual>;
