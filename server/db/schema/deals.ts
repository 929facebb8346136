// Strategic selling: the funnel's stages, the product and competitor catalogues, opportunities with
// their line items and stage history. The Blue Sheet's tables around a deal are in blue-sheet.ts.
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  integer,
  smallint,
  numeric,
  date,
  jsonb,
  boolean,
  primaryKey,
  index,
  foreignKey,
  check,
} from 'drizzle-orm/pg-core';
import { ts, money, created, updated } from './columns.ts';
import { orgs, users } from './org.ts';
import { accounts } from './archive.ts';

export const stages = pgTable(
  'stages',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    position: integer('position').notNull(),
    probability: smallint('probability').notNull(),
    /** `open` stages form the funnel; `won` and `lost` close a deal. */
    kind: text('kind').notNull().default('open'),
    forecastCategory: text('forecast_category').notNull().default('pipeline'),
    /** Exit checklist: [{ id, label, labelEn }]. */
    exitCriteria: jsonb('exit_criteria').notNull().default([]),
    /** Removed stages stay for the deals' history. */
    removedAt: ts('removed_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('stages_position_idx').on(t.orgId, t.position),
    check('stages_probability_ck', sql`${t.probability} between 0 and 100`),
  ],
);

export const products = pgTable(
  'products',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    listPrice: money('list_price').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('products_category_idx').on(t.orgId, t.category, t.name)],
);

export const competitors = pgTable(
  'competitors',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    pricePosition: text('price_position'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('competitors_name_idx').on(t.orgId, t.name)],
);

export const opportunities = pgTable(
  'opportunities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    amount: money('amount').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerId: uuid('owner_id'),
    /**
     * The account's owner, copied by triggers (migration 0008): data scopes follow accounts, and
     * with the owner on the deal a scoped board or list reads one index instead of joining accounts.
     */
    accountOwnerId: uuid('account_owner_id'),
    /**
     * The account's name, copied by triggers like its owner (migration 0025): boards and deal lists
     * show it on every row, and reading it from the account cost a third of a board's query.
     */
    accountName: text('account_name').notNull().default(''),
    stageId: uuid('stage_id').notNull(),
    probability: smallint('probability').notNull(),
    probabilityReason: text('probability_reason'),
    forecastCategory: text('forecast_category').notNull(),
    source: text('source'),
    status: text('status').notNull().default('open'),
    lostReason: text('lost_reason'),
    wonByCompetitorId: uuid('won_by_competitor_id'),
    objectiveWhat: text('objective_what'),
    objectiveAmount: money('objective_amount'),
    objectiveBy: date('objective_by', { mode: 'string' }),
    ourPosition: text('our_position'),
    nextStep: text('next_step'),
    nextStepDate: date('next_step_date', { mode: 'string' }),
    /** 双赢: what each side gets out of the deal. */
    ourOutcome: text('our_outcome'),
    customerOutcome: text('customer_outcome'),
    winWinOurs: boolean('win_win_ours'),
    winWinCustomer: boolean('win_win_customer'),
    /** Exit criteria ticked per stage: { [stageId]: criterionId[] }. */
    criteriaDone: jsonb('criteria_done').notNull().default({}),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    lastActivityAt: ts('last_activity_at'),
    closedAt: ts('closed_at'),
    /** Red flags and health are recomputed on every change and stored for lists, filters and the board. */
    health: smallint('health').notNull().default(0),
    redFlagCodes: text('red_flag_codes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * A closed deal's judgement (red flags with their parameters, health with its parts) as of its
     * closing: what is stored and shown from then on, so later edits and time do not move it. Null
     * while open; cleared when the deal moves stage (a reopened deal is judged live again).
     */
    closingJudgement: jsonb('closing_judgement'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    /**
     * 撞单: personNameKey(name) of core/import/names.ts (width, case, spaces and punctuation ignored),
     * written with every insert and rename; null on rows from before migration 0037 until the start-up
     * backfill has reached them.
     */
    nameKey: text('name_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
    // An account's open deals of one name (撞单); the key is at most the name's 200 characters.
    index('opportunities_name_key_idx').on(t.orgId, t.accountId, t.nameKey).where(sql`${t.status} = 'open'`),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }),
    foreignKey({ columns: [t.orgId, t.wonByCompetitorId], foreignColumns: [competitors.orgId, competitors.id] }),
    // The board's totals read (status, stage, amount, probability) straight from these indexes.
    index('opportunities_account_idx').on(t.orgId, t.accountId, t.status, t.stageId, t.amount, t.probability),
    index('opportunities_updated_idx').on(t.orgId, t.updatedAt, t.id),
    // A scoped caller's deal list, newest first (the account owner's copy is the scope).
    index('opportunities_scope_updated_idx').on(t.orgId, t.accountOwnerId, t.updatedAt, t.id),
    index('opportunities_owner_idx').on(t.orgId, t.ownerId, t.status, t.stageId, t.amount, t.probability),
    // The board's top cards per column, read from the index alone: after the unique (amount, id) come
    // the columns its filters test (owner, the scope's account owner and account, close date, health,
    // category, flags) and the card's own (account name, name, version). Another team's deals, other
    // dates or other scopes are then skipped without a heap read, and a card costs none either.
    // Names are at most 200 characters each, so an entry stays well under btree's 2,704-byte limit.
    index('opportunities_status_stage_idx').on(
      t.orgId,
      t.status,
      t.stageId,
      t.amount,
      t.id,
      t.ownerId,
      t.accountOwnerId,
      t.accountId,
      t.expectedCloseDate,
      t.health,
      t.forecastCategory,
      t.redFlagCodes,
      t.accountName,
      t.name,
      t.version,
    ),
    index('opportunities_scope_idx').on(t.orgId, t.accountOwnerId, t.status, t.stageId, t.amount, t.id),
    // The forecast reads open deals by close date and won deals by the day they were signed, each
    // from its index alone (owner, scope, stage, category, amount and probability are in it).
    index('opportunities_close_idx').on(
      t.orgId,
      t.status,
      t.expectedCloseDate,
      t.ownerId,
      t.accountOwnerId,
      t.stageId,
      t.forecastCategory,
      t.amount,
      t.probability,
    ),
    index('opportunities_closed_at_idx').on(
      t.orgId,
      t.status,
      t.closedAt,
      t.ownerId,
      t.accountOwnerId,
      t.stageId,
      t.forecastCategory,
      t.amount,
      t.probability,
    ),
    index('opportunities_grams_idx').using('gin', t.searchGrams),
    // Account health reads a page's open deals' flags, and Pareto sums won deals per account over a
    // signing window, each from the index alone (the closed_at index has no account_id).
    index('opportunities_open_flags_idx').on(t.orgId, t.accountId, t.redFlagCodes).where(sql`${t.status} = 'open'`),
    index('opportunities_won_account_idx')
      .on(t.orgId, t.closedAt, t.accountOwnerId, t.accountId, t.amount)
      .where(sql`${t.status} = 'won'`),
    // Deals closed before closing judgements were kept, for the scheduled pass to freeze: empty once it has.
    index('opportunities_unfrozen_idx')
      .on(t.orgId, t.id)
      .where(sql`${t.status} <> 'open' and ${t.closingJudgement} is null`),
    check('opportunities_amount_ck', sql`${t.amount} >= 0`),
    check('opportunities_probability_ck', sql`${t.probability} between 0 and 100`),
  ],
);

/**
 * Open-deal totals per (account owner, deal owner, stage), kept exact by triggers on opportunities
 * and accounts (migration 0007), so the board's column totals read a few rows instead of summing
 * every open deal. Keyed by the account's owner because data scopes follow accounts. A missing
 * owner is stored as the nil uuid (key columns cannot be null).
 */
export const pipelineTotals = pgTable(
  'pipeline_totals',
  {
    orgId: uuid('org_id').notNull(),
    accountOwnerId: uuid('account_owner_id').notNull(),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    deals: integer('deals').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    weighted: numeric('weighted', { precision: 20, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountOwnerId, t.dealOwnerId, t.stageId] }),
    index('pipeline_totals_deal_owner_idx').on(t.orgId, t.dealOwnerId),
  ],
);

export const opportunityItems = pgTable(
  'opportunity_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 2 }).notNull(),
    price: money('price').notNull(),
    /** Percent, 0–100. */
    discount: numeric('discount', { precision: 5, scale: 2 }).notNull().default('0'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
    index('opportunity_items_opp_idx').on(t.orgId, t.opportunityId),
  ],
);

export const stageHistory = pgTable(
  'stage_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** Exit criteria of the stage left that were still open, confirmed by the user. */
    unmetCriteria: jsonb('unmet_criteria').notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    index('stage_history_opp_idx').on(t.orgId, t.opportunityId, t.at),
  ],
);
