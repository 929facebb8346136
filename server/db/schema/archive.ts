// The key-account archive: accounts, account teams, contacts, relationship links and history.
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  integer,
  smallint,
  date,
  jsonb,
  primaryKey,
  index,
  foreignKey,
  check,
} from 'drizzle-orm/pg-core';
import { ts, money, created, updated } from './columns.ts';
import { orgs, users } from './org.ts';

export const accounts = pgTable(
  'accounts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    creditCode: text('credit_code'),
    ownershipType: text('ownership_type').notNull(),
    scope: text('scope').notNull().default('regional'),
    parentId: uuid('parent_id'),
    industry: text('industry'),
    /** GB/T 4754-2017 division (01–97) or section (A–T), core/industries.ts; `industry` keeps old free text. */
    industryCode: text('industry_code'),
    province: text('province'),
    city: text('city'),
    /**
     * GB/T 2260 code of the most specific division chosen (province, city or district). The province
     * and city columns carry its names; without a code they keep free text typed before the picker.
     */
    regionCode: text('region_code'),
    address: text('address'),
    website: text('website'),
    employees: integer('employees'),
    annualRevenue: money('annual_revenue'),
    ourRevenue: money('our_revenue'),
    potential: money('potential'),
    financialStatus: text('financial_status'),
    marketStrength: smallint('market_strength'),
    relationshipStage: text('relationship_stage').notNull().default('establish'),
    tier: text('tier'),
    /** Key-account score 0–100 and the tier it recommends, from the org's scoring model (core/key-accounts). */
    score: smallint('score'),
    recommendedTier: text('recommended_tier'),
    ownerId: uuid('owner_id'),
    /** In the shared pool (公海) since: unowned, claimable by any rep up to the org's claim limit. */
    pooledAt: ts('pooled_at'),
    claimedAt: ts('claimed_at'),
    /** The last prospect review's decision (keep / pool / archive) and when it was made. */
    prospectReview: text('prospect_review'),
    reviewedAt: ts('reviewed_at'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    needs: text('needs'),
    background: text('background'),
    purchaseMotives: text('purchase_motives'),
    profitModel: text('profit_model'),
    decisionProcess: text('decision_process'),
    upstreamDownstream: text('upstream_downstream'),
    coreCompetencies: text('core_competencies'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    /**
     * 查重: core/import/names.ts companyNameKey(name), written with every insert and rename
     * (server/db/duplicate-keys.ts). Null only on rows from before migration 0037 until the start-up
     * backfill has reached them; NFKC and the suffix rules are TypeScript, not SQL.
     */
    nameKey: text('name_key'),
    archivedAt: ts('archived_at'),
    /** Merged into this account (issue 22): archived, hidden from lists and 查重, its work moved there (merges). */
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    index('accounts_name_key_idx').on(t.orgId, t.nameKey),
    index('accounts_credit_code_idx').on(t.orgId, t.creditCode),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    // Ascending keys: a backward scan serves ORDER BY … DESC (nulls first) too, so one index serves both directions.
    index('accounts_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('accounts_name_idx').on(t.orgId, t.name, t.id),
    // The trailing columns are tested inside the index as it is walked, so a rep's page filtered by
    // tier or ownership type visits the table only for the rows it returns.
    index('accounts_owner_idx').on(t.orgId, t.ownerId, t.updatedAt, t.id, t.archivedAt, t.tier, t.ownershipType),
    // The list's two commonest filters, tier and ownership type, walked newest first: without them a
    // filtered page (government, tier A ≈ 1 % of an org) reads thousands of rows to find fifty. Each
    // carries the other as a trailing column, tested in the index like the owner index's.
    index('accounts_tier_updated_idx')
      .on(t.orgId, t.tier, t.updatedAt, t.id, t.ownershipType)
      .where(sql`${t.archivedAt} is null`),
    index('accounts_type_updated_idx')
      .on(t.orgId, t.ownershipType, t.updatedAt, t.id, t.tier)
      .where(sql`${t.archivedAt} is null`),
    index('accounts_parent_idx').on(t.orgId, t.parentId),
    // The region filter matches a code prefix (province 2 digits, city 4): text_pattern_ops serves LIKE 'p%'.
    index('accounts_region_idx').on(t.orgId, t.regionCode.op('text_pattern_ops')),
    index('accounts_industry_idx').on(t.orgId, t.industryCode),
    index('accounts_score_idx').on(t.orgId, t.score, t.id),
    // Pareto ranks every live account of a scope by a figure: read from the index alone, not the wide rows.
    index('accounts_pareto_idx')
      .on(t.orgId, t.ownerId, t.ourRevenue, t.potential, t.id)
      .where(sql`${t.archivedAt} is null`),
    index('accounts_pool_idx').on(t.orgId, t.pooledAt, t.id).where(sql`${t.ownerId} is null`),
    index('accounts_claimed_idx').on(t.orgId, t.ownerId, t.claimedAt).where(sql`${t.claimedAt} is not null`),
    index('accounts_grams_idx').using('gin', t.searchGrams),
    index('accounts_tags_idx').using('gin', t.tags),
    check('accounts_market_strength_ck', sql`${t.marketStrength} between 1 and 5`),
    check('accounts_score_ck', sql`${t.score} between 0 and 100`),
  ],
);

export const accountMembers = pgTable(
  'account_members',
  {
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull().default('member'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('account_members_user_idx').on(t.orgId, t.userId),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    reportsToId: uuid('reports_to_id'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    wechat: text('wechat'),
    birthday: date('birthday', { mode: 'string' }),
    notes: text('notes'),
    influence: text('influence'),
    attitude: smallint('attitude'),
    coverage: text('coverage').notNull().default('none'),
    counterpartId: uuid('counterpart_id'),
    /**
     * The account's owner, copied by triggers (migration 0013) as deals do: a scoped contact list
     * then walks (owner, sort) instead of every contact of the organisation joined to its account.
     */
    accountOwnerId: uuid('account_owner_id'),
    interests: text('interests'),
    goals: text('goals'),
    /** Stakeholder grid (power × interest), 1–5; null means derived from influence and coverage. */
    power: smallint('power'),
    interest: smallint('interest'),
    /** The course's intelligence on government contacts: position, supplier selection, 政绩, cost/benefit awareness. */
    govPosition: text('gov_position'),
    govSupplierSelection: text('gov_supplier_selection'),
    govAchievements: text('gov_achievements'),
    govCostAwareness: text('gov_cost_awareness'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    /**
     * 查重: phoneKey(mobile) and emailKey(email) of core/import/names.ts, written with every insert and
     * change ('' when the value cannot match anything; null when there is no value, or on rows from
     * before migration 0037 until the start-up backfill has reached them).
     */
    mobileKey: text('mobile_key'),
    emailKey: text('email_key'),
    archivedAt: ts('archived_at'),
    /** Merged into this contact (issue 22): archived, hidden from lists and 查重, its links moved there (merges). */
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.reportsToId], foreignColumns: [t.orgId, t.id] }).onDelete('set null'),
    index('contacts_mobile_key_idx').on(t.orgId, t.mobileKey),
    index('contacts_email_key_idx').on(t.orgId, t.emailKey),
    foreignKey({ columns: [t.orgId, t.counterpartId], foreignColumns: [users.orgId, users.id] }),
    index('contacts_account_idx').on(t.orgId, t.accountId, t.name),
    index('contacts_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('contacts_name_idx').on(t.orgId, t.name, t.id),
    index('contacts_scope_updated_idx').on(t.orgId, t.accountOwnerId, t.updatedAt, t.id),
    index('contacts_scope_name_idx').on(t.orgId, t.accountOwnerId, t.name, t.id),
    index('contacts_reports_idx').on(t.orgId, t.reportsToId),
    // Account health counts a page's live contacts by influence, coverage and attitude from the index alone.
    index('contacts_health_idx')
      .on(t.orgId, t.accountId, t.influence, t.coverage, t.attitude)
      .where(sql`${t.archivedAt} is null`),
    index('contacts_grams_idx').using('gin', t.searchGrams),
    check('contacts_attitude_ck', sql`${t.attitude} between -5 and 5`),
    check('contacts_power_ck', sql`${t.power} between 1 and 5`),
    check('contacts_interest_ck', sql`${t.interest} between 1 and 5`),
  ],
);

export const contactLinks = pgTable(
  'contact_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    fromContactId: uuid('from_contact_id').notNull(),
    toContactId: uuid('to_contact_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.fromContactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.toContactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      'cascade',
    ),
    index('contact_links_from_idx').on(t.orgId, t.fromContactId),
    index('contact_links_to_idx').on(t.orgId, t.toContactId),
  ],
);

// Audit trail: who changed what, when (field: old → new). Kept after hard deletes on purpose.
export const history = pgTable(
  'history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    at: ts('at').notNull().defaultNow(),
    changes: jsonb('changes').notNull().default([]),
    /** The import (server/db/schema/imports.ts) that made this change, when a spreadsheet did. */
    importId: uuid('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('history_entity_idx').on(t.orgId, t.entityType, t.entityId, t.at),
    // The audit log: the organisation's entries newest first (server/modules/history/audit.ts).
    index('history_org_at_idx').on(t.orgId, t.at, t.id),
  ],
);

/**
 * What account health needs from an account's contacts, open deals and calls, kept by triggers in the
 * writing transaction (migration 0021), so a list page reads one row per account instead of
 * aggregating three tables. `openFlags` counts open deals by their stored red-flag codes
 * (comma-joined; '' for none). `satisfaction` holds the done calls' satisfaction scores of roughly the
 * last 400 days as [start in epoch ms, score] pairs (migration 0023): the twelve-month window moves with
 * the clock, so health picks its entries when it reads them, and a write only has to drop the old ones.
 */
export const accountFacts = pgTable(
  'account_facts',
  {
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id').notNull(),
    contacts: integer('contacts').notNull().default(0),
    covered: integer('covered').notNull().default(0),
    supportive: integer('supportive').notNull().default(0),
    keyContacts: integer('key_contacts').notNull().default(0),
    keyCovered: integer('key_covered').notNull().default(0),
    keySupportive: integer('key_supportive').notNull().default(0),
    openDeals: integer('open_deals').notNull().default(0),
    openFlags: jsonb('open_flags').$type<Record<string, number>>().notNull().default({}),
    lastDoneAt: ts('last_done_at'),
    satisfaction: jsonb('satisfaction').$type<[number, number][]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
  ],
);
