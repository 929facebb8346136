// The method's vocabulary as identifiers (see docs/GLOSSARY.md). Labels live in web/i18n.
export const ROLES = ['admin', 'manager', 'rep', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const DATA_SCOPES = ['own', 'own_and_subordinates', 'team', 'team_and_subteams', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const DEFAULT_SCOPE_BY_ROLE: Record<Role, DataScope> = {
  admin: 'all',
  manager: 'team_and_subteams',
  rep: 'own',
  viewer: 'team',
};

export const OWNERSHIP_TYPES = ['government', 'soe', 'foreign', 'private', 'institution', 'other'] as const;
export const ACCOUNT_SCOPES = ['national', 'regional'] as const;
export const FINANCIAL_STATUSES = ['good', 'fair', 'poor'] as const;
export const RELATIONSHIP_STAGES = ['establish', 'deepen', 'alliance'] as const;
export const TIERS = ['A', 'B', 'C'] as const;
export const INFLUENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const COVERAGE_LEVELS = ['none', 'brief', 'multiple', 'in_depth'] as const;
export const LINK_KINDS = ['superior', 'peer', 'subordinate', 'administrative', 'social', 'family'] as const;
export const ACCOUNT_MEMBER_ROLES = ['owner', 'member', 'support', 'executive_sponsor'] as const;

export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

/**
 * Whether an account's contacts carry the course's government intelligence (position, supplier
 * selection, 政绩, cost awareness). 事业单位 — hospitals, universities — buy on the same 政绩 logic
 * as government bodies, so institutions have it too.
 */
export const hasGovIntel = (ownershipType: string | null | undefined): boolean =>
  ownershipType === 'government' || ownershipType === 'institution';
export type Tier = (typeof TIERS)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted', 'closed'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const PRICE_POSITIONS = ['low', 'similar', 'high'] as const;
export const COMPETITIVE_POSITIONS = ['ahead', 'even', 'behind'] as const;
export const DEAL_NOTE_KINDS = ['red_flag', 'strength'] as const;
export const SWOT_QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

// Activities (issue 4). Built-in types; admins add their own keys beside them.
export const BUILTIN_ACTIVITY_TYPES = [
  'training',
  'visit',
  'decision_maker_meeting',
  'consultation',
  'proposal',
  'tender',
  'negotiation',
  'signing',
  'entertainment',
  'call',
  'after_sales',
  'service',
] as const;
export type BuiltinActivityType = (typeof BUILTIN_ACTIVITY_TYPES)[number];
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const TIME_GROUPS = ['account', 'owner', 'tier'] as const;
export type TimeGroup = (typeof TIME_GROUPS)[number];
export const REMINDER_KINDS = [
  'task_due_soon',
  'task_overdue',
  'birthday',
  'follow_up_due',
  'activity_unlogged',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const TIMELINE_KINDS = ['activity', 'task', 'stage_change', 'edit'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

// Forecasts and planning (issue 5).
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const FORECAST_GROUPS = ['owner', 'team', 'stage', 'month'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];
export const PROBABILITY_SOURCES = ['configured', 'calibrated'] as const;
export type ProbabilitySource = (typeof PROBABILITY_SOURCES)[number];
/** What can happen to a deal between two pipeline snapshots. */
export const CHANGE_KINDS = [
  'new',
  'won',
  'lost',
  'moved_forward',
  'moved_back',
  'slipped',
  'pulled_in',
  'amount_up',
  'amount_down',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
/** The course's reverse funnel: activities per signed deal for training … signing. */
export const DEFAULT_PLAN_RATIOS = [6, 5, 3, 3, 2, 1] as const;
/**
 * Weeks each of those stages takes, from the course's chart of the sales process's stages and their
 * durations in weeks (培训 longest, 签单 shortest, 3 down to 0.5): 10.5 weeks from first training to
 * signing, which is why the course's year signs its first deal in March ("1月 2月 3月-1单").
 */
export const DEFAULT_STAGE_WEEKS = [3, 2.5, 2, 1.5, 1, 0.5] as const;

// Which accounts are key (issue 6).
/** What a Pareto / ABC ranking measures: the archive's figures, or won deals signed in a window. */
export const PARETO_METRICS = ['ourRevenue', 'potential', 'wonAmount'] as const;
export type ParetoMetric = (typeof PARETO_METRICS)[number];
/** Account fields a scoring criterion can read (the course's four plus the archive's other figures). */
export const SCORING_FIELDS = [
  'ourRevenue',
  'potential',
  'marketStrength',
  'financialStatus',
  'annualRevenue',
  'employees',
  'relationshipStage',
] as const;
export type ScoringField = (typeof SCORING_FIELDS)[number];
/** A prospect review's outcome: keep working it, drop it to the shared pool (公海), or archive it. */
export const PROSPECT_DECISIONS = ['keep', 'pool', 'archive'] as const;
export type ProspectDecision = (typeof PROSPECT_DECISIONS)[number];
/** Relationship-map status (Altify's): no supportive key player, some, supporters include the decision makers. */
export const MAP_STATUSES = ['red', 'amber', 'green'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];
/** Power × interest quadrants of the stakeholder grid. */
export const GRID_QUADRANTS = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const;
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];
/** A whitespace cell: something won there, an open deal, or nothing yet. */
export const WHITESPACE_STATES = ['won', 'open', 'none'] as const;
export type WhitespaceState = (typeof WHITESPACE_STATES)[number];
