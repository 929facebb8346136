// Forecasting and planning (issue 5): quotas per person or team and period, saved activity plans,
// and the weekly pipeline snapshots that "what changed" and forecast accuracy compare against.
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  integer,
  smallint,
  date,
  jsonb,
  numeric,
  primaryKey,
  index,
  uniqueIndex,
  foreignKey,
  check,
} from 'drizzle-orm/pg-core';
import { money, created, updated } from './columns.ts';
import { orgs, teams, users } from './org.ts';

export const quotas = pgTable(
  'quotas',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    /** Exactly one of user and team. */
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    /** `2027`, `2027-Q1` or `2027-03`. */
    period: text('period').notNull(),
    periodKind: text('period_kind').notNull(),
    /** First day of the period, so a year's quotas are one index range. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    target: money('target').notNull(),
    stretch: money('stretch'),
    challenge: money('challenge'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
    // One quota per subject and period; the nil uuid stands for "no user" / "no team".
    uniqueIndex('quotas_subject_period_uq').on(
      t.orgId,
      sql`coalesce(${t.userId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.period,
    ),
    index('quotas_period_idx').on(t.orgId, t.periodStart),
    check('quotas_subject_ck', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check(
      'quotas_levels_ck',
      sql`${t.target} > 0 and (${t.stretch} is null or ${t.stretch} >= ${t.target}) and (${t.challenge} is null or ${t.challenge} >= coalesce(${t.stretch}, ${t.target}))`,
    ),
  ],
);

/** A person's saved reverse-funnel plan for a year: the planner's input and its schedule. */
export const activityPlans = pgTable(
  'activity_plans',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    year: smallint('year').notNull(),
    /** The planner's resolved input and output (core/schemas/forecast Plan). */
    plan: jsonb('plan').notNull(),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.year] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * Every open deal as it stood on a snapshot date (taken weekly by a leased job). Rows copy what a
 * later comparison needs, so deals can change or be deleted without rewriting history.
 */
export const pipelineSnapshots = pgTable(
  'pipeline_snapshots',
  {
    orgId: uuid('org_id').notNull(),
    snapshotDate: date('snapshot_date', { mode: 'string' }).notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    accountId: uuid('account_id').notNull(),
    ownerId: uuid('owner_id'),
    accountOwnerId: uuid('account_owner_id'),
    stageId: uuid('stage_id').notNull(),
    amount: money('amount').notNull(),
    probability: smallint('probability').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    forecastCategory: text('forecast_category').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.snapshotDate, t.opportunityId] }),
    index('pipeline_snapshots_close_idx').on(t.orgId, t.snapshotDate, t.expectedCloseDate),
    // A scoped caller's deals of accounts they are only on the team of (owned outside their scope):
    // the few rows the kept totals cannot answer (migration 0012).
    index('pipeline_snapshots_account_idx').on(t.orgId, t.accountId, t.snapshotDate),
  ],
);

/**
 * The forecast's sums kept per month, like the board's pipeline_totals: open deals by the month of
 * their expected close date, won deals by the month (in the organisation's zone) they were signed in, per (account
 * owner, deal owner, stage, forecast category), kept exact by a trigger on opportunities
 * (migration 0011). Periods are whole months, so a quarter's forecast reads a few hundred rows
 * instead of summing every deal of it. A missing owner is the nil uuid (key columns cannot be null).
 */
export const forecastTotals = pgTable(
  'forecast_totals',
  {
    orgId: uuid('org_id').notNull(),
    /** `open` or `won`. */
    status: text('status').notNull(),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    accountOwnerId: uuid('account_owner_id').notNull(),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    forecastCategory: text('forecast_category').notNull(),
    deals: integer('deals').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    weighted: numeric('weighted', { precision: 20, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'forecast_totals_pk',
      columns: [t.orgId, t.status, t.month, t.accountOwnerId, t.dealOwnerId, t.stageId, t.forecastCategory],
    }),
  ],
);

/**
 * Each pipeline snapshot's sums kept per (account owner, deal owner, expected close month,
 * forecast category), so the snapshot list and forecast accuracy read a few hundred rows per date
 * instead of every deal of it. Written in the statement that inserts the snapshot's rows (a
 * statement trigger on pipeline_snapshots, migration 0012), so a repeated or racing snapshot adds
 * only the rows it actually inserted. A missing owner is the nil uuid and a missing close date the
 * date 'infinity' (key columns cannot be null; a real month start can never be 'infinity', and no
 * period's range reaches it). weighted = Σ round(amount × probability / 100, 2), like the board's.
 */
export const pipelineSnapshotTotals = pgTable(
  'pipeline_snapshot_totals',
  {
    orgId: uuid('org_id').notNull(),
    snapshotDate: date('snapshot_date', { mode: 'string' }).notNull(),
    accountOwnerId: uuid('account_owner_id').notNull(),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    /** First day of the expected close month; 'infinity' for no close date. */
    closeMonth: date('close_month', { mode: 'string' }).notNull(),
    forecastCategory: text('forecast_category').notNull(),
    deals: integer('deals').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    weighted: numeric('weighted', { precision: 20, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'pipeline_snapshot_totals_pk',
      columns: [t.orgId, t.snapshotDate, t.accountOwnerId, t.dealOwnerId, t.closeMonth, t.forecastCategory],
    }),
  ],
);
