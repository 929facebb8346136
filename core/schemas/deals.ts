// Deals and the Blue Sheet: opportunities, influences, competition, the board and the list (stages and
// catalogues: catalog.ts; SWOT: swot.ts; saved views: views.ts).
import { Type, type Static } from 'typebox';
import {
  COMPETITIVE_POSITIONS,
  COVERAGE_LEVELS,
  DEAL_NOTE_KINDS,
  DEAL_STATUSES,
  FORECAST_CATEGORIES,
  INFLUENCE_LEVELS,
} from '../enums.ts';
import { BUYING_ROLES, RESPONSE_MODES } from '../blue-sheet.ts';
import { Probability } from './catalog.ts';
import {
  Id,
  IsoDate,
  IsoDateTime,
  NonNegativeMoney,
  Nullable,
  OptionalNullable,
  Page,
  PageQuery,
  ExportQuery,
  Version,
} from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });
const LongText = Type.String({ maxLength: 10000 });

// ---- Opportunities ----
const Quantity = Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description: 'Quantity ≥ 0, up to 2 decimals' });
const Discount = Type.String({
  pattern: '^(100(\\.0{1,2})?|\\d{1,2}(\\.\\d{1,2})?)$',
  description: 'Discount percent, 0–100',
});
export const LineItemInput = Type.Object(
  { productId: Id, quantity: Quantity, price: OptionalNullable(NonNegativeMoney), discount: Type.Optional(Discount) },
  { additionalProperties: false },
);
export const LineItem = Type.Object({
  id: Id,
  productId: Id,
  productName: Type.String(),
  category: Type.String(),
  quantity: Type.String(),
  price: Type.String(),
  discount: Type.String(),
  total: Type.String(),
});
export type LineItem = Static<typeof LineItem>;

const opportunityFields = {
  amount: Type.Optional(NonNegativeMoney),
  expectedCloseDate: OptionalNullable(IsoDate),
  ownerId: OptionalNullable(Id),
  stageId: Type.Optional(Id),
  probability: Type.Optional(Probability),
  probabilityReason: OptionalNullable(Text(500)),
  forecastCategory: Type.Optional(Type.Enum([...FORECAST_CATEGORIES])),
  source: OptionalNullable(Text(100)),
  lostReason: OptionalNullable(Text(1000)),
  wonByCompetitorId: OptionalNullable(Id),
  objectiveWhat: OptionalNullable(Text(500)),
  objectiveAmount: OptionalNullable(NonNegativeMoney),
  objectiveBy: OptionalNullable(IsoDate),
  ourPosition: OptionalNullable(LongText),
  nextStep: OptionalNullable(Text(500)),
  nextStepDate: OptionalNullable(IsoDate),
  ourOutcome: OptionalNullable(LongText),
  customerOutcome: OptionalNullable(LongText),
  winWinOurs: OptionalNullable(Type.Boolean()),
  winWinCustomer: OptionalNullable(Type.Boolean()),
  items: Type.Optional(Type.Array(LineItemInput, { maxItems: 100 })),
  /** Moving past a stage whose exit criteria are not all met needs this confirmation. */
  confirmUnmetCriteria: Type.Optional(Type.Boolean()),
  /**
   * 撞单: an open deal of the same account with the same normalised name answers 409 duplicate_deal
   * unless this is true (the form shows the match and asks); the same flag as contacts'.
   */
  allowDuplicate: Type.Optional(
    Type.Boolean({ description: 'Save even though the account has an open deal of the same name (撞单 confirmed)' }),
  ),
};
export const OpportunityCreate = Type.Object(
  { accountId: Id, name: Type.String({ minLength: 1, maxLength: 200 }), ...opportunityFields },
  { additionalProperties: false },
);
export type OpportunityCreate = Static<typeof OpportunityCreate>;
export const OpportunityUpdate = Type.Object(
  { version: Version, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...opportunityFields },
  { additionalProperties: false },
);
export type OpportunityUpdate = Static<typeof OpportunityUpdate>;

/** GET /api/opportunities/duplicates: the account's open deals of this name (excludeId: the deal being edited). */
export const OpportunityDuplicatesQuery = Type.Object(
  { accountId: Id, name: Type.String({ maxLength: 200 }), excludeId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type OpportunityDuplicatesQuery = Static<typeof OpportunityDuplicatesQuery>;

export const RedFlagOut = Type.Object({
  code: Type.String(),
  severity: Type.Enum(['high', 'medium', 'low']),
  message: Type.String(),
});
/** A part of the health score: `coverage.<role>`, `flag.<code>[.<role>]` or `risk`; a flag's part carries its message. */
export const HealthPart = Type.Object({
  key: Type.String(),
  points: Type.Integer(),
  max: Type.Integer(),
  label: Type.Optional(Type.String()),
});
export type HealthPart = Static<typeof HealthPart>;

export const Opportunity = Type.Object({
  id: Id,
  accountId: Id,
  accountName: Type.String(),
  name: Type.String(),
  amount: Type.String(),
  weightedAmount: Type.String(),
  expectedCloseDate: Nullable(Type.String()),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  stageId: Id,
  stageName: Type.String(),
  probability: Type.Integer(),
  probabilityReason: Nullable(Type.String()),
  forecastCategory: Type.Enum([...FORECAST_CATEGORIES]),
  source: Nullable(Type.String()),
  status: Type.Enum([...DEAL_STATUSES]),
  lostReason: Nullable(Type.String()),
  wonByCompetitorId: Nullable(Id),
  objectiveWhat: Nullable(Type.String()),
  objectiveAmount: Nullable(Type.String()),
  objectiveBy: Nullable(Type.String()),
  ourPosition: Nullable(Type.String()),
  nextStep: Nullable(Type.String()),
  nextStepDate: Nullable(Type.String()),
  ourOutcome: Nullable(Type.String()),
  customerOutcome: Nullable(Type.String()),
  winWinOurs: Nullable(Type.Boolean()),
  winWinCustomer: Nullable(Type.Boolean()),
  /** 双赢 check: false when either side is not expected to win. */
  winWin: Nullable(Type.Boolean()),
  stageEnteredAt: IsoDateTime,
  daysInStage: Type.Integer(),
  lastActivityAt: Nullable(IsoDateTime),
  health: Type.Integer(),
  redFlags: Type.Array(RedFlagOut),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Opportunity = Static<typeof Opportunity>;

export const Influence = Type.Object({
  id: Id,
  contactId: Id,
  contactName: Type.String(),
  contactTitle: Nullable(Type.String()),
  roles: Type.Array(Type.Enum([...BUYING_ROLES])),
  influence: Type.Enum([...INFLUENCE_LEVELS]),
  mode: Nullable(Type.Enum([...RESPONSE_MODES])),
  rating: Nullable(Type.Integer()),
  coverage: Type.Enum([...COVERAGE_LEVELS]),
  counterpartId: Nullable(Id),
  counterpartName: Nullable(Type.String()),
  result: Nullable(Type.String()),
  personalWin: Nullable(Type.String()),
  evidence: Nullable(Type.String()),
  prefersUs: Nullable(Type.Boolean()),
  preferredCompetitorId: Nullable(Id),
  version: Type.Integer(),
});
export type Influence = Static<typeof Influence>;
const influenceFields = {
  roles: Type.Optional(Type.Array(Type.Enum([...BUYING_ROLES]), { maxItems: 4 })),
  influence: Type.Optional(Type.Enum([...INFLUENCE_LEVELS])),
  mode: OptionalNullable(Type.Enum([...RESPONSE_MODES])),
  rating: OptionalNullable(Type.Integer({ minimum: -5, maximum: 5 })),
  coverage: Type.Optional(Type.Enum([...COVERAGE_LEVELS])),
  counterpartId: OptionalNullable(Id),
  result: OptionalNullable(Text(1000)),
  personalWin: OptionalNullable(Text(1000)),
  evidence: OptionalNullable(LongText),
  prefersUs: OptionalNullable(Type.Boolean()),
  preferredCompetitorId: OptionalNullable(Id),
};
export const InfluenceCreate = Type.Object(
  {
    contactId: Type.Optional(Id),
    /** A new contact of the deal's account, created inline when no contactId is given. */
    newContact: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 100 }),
          title: OptionalNullable(Text(100)),
          department: OptionalNullable(Text(100)),
        },
        { additionalProperties: false },
      ),
    ),
    ...influenceFields,
  },
  { additionalProperties: false },
);
export type InfluenceCreate = Static<typeof InfluenceCreate>;
export const InfluenceUpdate = Type.Object({ version: Version, ...influenceFields }, { additionalProperties: false });
export type InfluenceUpdate = Static<typeof InfluenceUpdate>;

export const DealNote = Type.Object({
  id: Id,
  kind: Type.Enum([...DEAL_NOTE_KINDS]),
  text: Type.String(),
  createdByName: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type DealNote = Static<typeof DealNote>;
export const DealNoteCreate = Type.Object(
  { kind: Type.Enum([...DEAL_NOTE_KINDS]), text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const DealCompetitor = Type.Object({
  competitorId: Id,
  name: Type.String(),
  position: Type.Enum([...COMPETITIVE_POSITIONS]),
  ourAdvantages: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  /** Influencers of this deal who prefer this competitor. */
  preferredBy: Type.Array(Type.Object({ influenceId: Id, contactName: Type.String() })),
});
export type DealCompetitor = Static<typeof DealCompetitor>;
export const DealCompetitorsPut = Type.Object(
  {
    competitors: Type.Array(
      Type.Object(
        {
          competitorId: Id,
          position: Type.Enum([...COMPETITIVE_POSITIONS]),
          ourAdvantages: OptionalNullable(LongText),
          notes: OptionalNullable(LongText),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type DealCompetitorsPut = Static<typeof DealCompetitorsPut>;

export const StageChange = Type.Object({
  id: Id,
  fromStageId: Nullable(Id),
  fromStageName: Nullable(Type.String()),
  toStageId: Id,
  toStageName: Type.String(),
  at: IsoDateTime,
  actorName: Nullable(Type.String()),
  unmetCriteria: Type.Array(Type.String()),
  /** Days the deal spent in the stage this change left. */
  daysInFromStage: Nullable(Type.Integer()),
});
export type StageChange = Static<typeof StageChange>;

export const OpportunityDetail = Type.Intersect([
  Opportunity,
  Type.Object({
    items: Type.Array(LineItem),
    influences: Type.Array(Influence),
    notes: Type.Array(DealNote),
    competitors: Type.Array(DealCompetitor),
    stageHistory: Type.Array(StageChange),
    healthParts: Type.Array(HealthPart),
    /** Exit criteria of the current stage, with what is done. */
    criteria: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), done: Type.Boolean() })),
  }),
]);
export type OpportunityDetail = Static<typeof OpportunityDetail>;
export const CriteriaPut = Type.Object(
  { version: Version, done: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }) },
  { additionalProperties: false },
);

export const OPPORTUNITY_SORTS = [
  'updatedAt',
  '-updatedAt',
  'amount',
  '-amount',
  'expectedCloseDate',
  '-expectedCloseDate',
  'name',
  '-name',
  'health',
  '-health',
] as const;
export const OpportunityListQuery = Type.Object({
  ...PageQuery,
  ...ExportQuery,
  sort: Type.Optional(Type.Enum([...OPPORTUNITY_SORTS])),
  status: Type.Optional(Type.Enum([...DEAL_STATUSES])),
  stageId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  forecastCategory: Type.Optional(Type.Enum([...FORECAST_CATEGORIES])),
  closeFrom: Type.Optional(IsoDate),
  closeTo: Type.Optional(IsoDate),
  healthBelow: Type.Optional(Type.Integer({ minimum: 0, maximum: 101 })),
  redFlag: Type.Optional(Type.String({ maxLength: 40 })),
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;
/**
 * A list or board row: the stored judgement (health and red-flag codes, kept current on every change
 * and by the scheduled re-judging) instead of a live one, so a page needs no influence reads.
 */
export const OpportunityListItem = Type.Object({
  ...Type.Pick(Opportunity, [
    'id',
    'accountId',
    'accountName',
    'name',
    'amount',
    'weightedAmount',
    'expectedCloseDate',
    'ownerId',
    'ownerName',
    'stageId',
    'stageName',
    'probability',
    'forecastCategory',
    'status',
    'health',
    'nextStep',
    'nextStepDate',
    'version',
    'updatedAt',
  ]).properties,
  redFlagCodes: Type.Array(Type.String()),
});
export type OpportunityListItem = Static<typeof OpportunityListItem>;
export const OpportunityPage = Page(OpportunityListItem);

export const BoardQuery = Type.Object({
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  closeFrom: Type.Optional(IsoDate),
  closeTo: Type.Optional(IsoDate),
  healthBelow: Type.Optional(Type.Integer({ minimum: 0, maximum: 101 })),
  /** Cards per column (the column totals always cover every deal). */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })),
});
export type BoardQuery = Static<typeof BoardQuery>;
/** A board card: what the card shows and what moving it needs (a column's stage is on the column). */
export const BoardItem = Type.Object({
  ...Type.Pick(Opportunity, [
    'id',
    'accountId',
    'accountName',
    'name',
    'amount',
    'expectedCloseDate',
    'ownerName',
    'stageId',
    'health',
    'version',
  ]).properties,
  redFlagCodes: Type.Array(Type.String()),
});
export type BoardItem = Static<typeof BoardItem>;
export const Board = Type.Object({
  columns: Type.Array(
    Type.Object({
      stage: Type.Object({ id: Id, name: Type.String(), nameEn: Nullable(Type.String()), probability: Type.Integer() }),
      count: Type.Integer(),
      amount: Type.String(),
      weightedAmount: Type.String(),
      items: Type.Array(BoardItem),
    }),
  ),
});
export type Board = Static<typeof Board>;
