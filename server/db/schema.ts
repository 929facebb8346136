// One schema for PGlite and PostgreSQL. Every business table carries org_id and leads its
// primary key with it, and every foreign key includes org_id, so each table can later be
// distributed by org_id (Citus) with co-located joins.
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  smallint,
  numeric,
  date,
  jsonb,
  primaryKey,
  index,
  uniqueIndex,
  foreignKey,
  check,
  boolean,
} from 'drizzle-orm/pg-core';

// Millisecond precision, as JavaScript dates have: keyset cursors round-trip exactly.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').notNull().default({}),
  createdAt: created(),
});

export const teams = pgTable(
  'teams',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    index('teams_parent_idx').on(t.orgId, t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    dataScope: text('data_scope').notNull(),
    teamId: uuid('team_id'),
    managerId: uuid('manager_id'),
    locale: text('locale'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('users_org_email_uq').on(t.orgId, t.email),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.managerId], foreignColumns: [t.orgId, t.id] }),
    index('users_team_idx').on(t.orgId, t.teamId),
    index('users_manager_idx').on(t.orgId, t.managerId),
  ],
);

// Login happens before the organisation is known, so the e-mail → (org, user) lookup lives in
// its own small table (a Citus reference table later) instead of a global unique index on users.
export const loginIdentities = pgTable('login_identities', {
  email: text('email').primaryKey(),
  orgId: uuid('org_id').notNull(),
  userId: uuid('user_id').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

// Failed logins are counted in the database so the limit holds across app instances.
export const loginFailures = pgTable(
  'login_failures',
  {
    key: text('key').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

// A scheduled job runs once across all instances: whoever claims the lease runs it.
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  nextRunAt: ts('next_run_at').notNull(),
  lockedUntil: ts('locked_until'),
  lockedBy: text('locked_by'),
  lastRunAt: ts('last_run_at'),
  lastError: text('last_error'),
});

export const accounts = pgTable(
  'accounts',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    creditCode: text('credit_code'),
    ownershipType: text('ownership_type').notNull(),
    scope: text('scope').notNull().default('regional'),
    parentId: uuid('parent_id'),
    industry: text('industry'),
    province: text('province'),
    city: text('city'),
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
    ownerId: uuid('owner_id'),
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
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    index('accounts_updated_idx').on(t.orgId, t.updatedAt.desc(), t.id.desc()),
    index('accounts_name_idx').on(t.orgId, t.name, t.id),
    index('accounts_owner_idx').on(t.orgId, t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('accounts_parent_idx').on(t.orgId, t.parentId),
    index('accounts_grams_idx').using('gin', t.searchGrams),
    index('accounts_tags_idx').using('gin', t.tags),
    check('accounts_market_strength_ck', sql`${t.marketStrength} between 1 and 5`),
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
    interests: text('interests'),
    goals: text('goals'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.reportsToId], foreignColumns: [t.orgId, t.id] }).onDelete('set null'),
    foreignKey({ columns: [t.orgId, t.counterpartId], foreignColumns: [users.orgId, users.id] }),
    index('contacts_account_idx').on(t.orgId, t.accountId, t.name),
    index('contacts_updated_idx').on(t.orgId, t.updatedAt.desc(), t.id.desc()),
    index('contacts_name_idx').on(t.orgId, t.name, t.id),
    index('contacts_reports_idx').on(t.orgId, t.reportsToId),
    index('contacts_grams_idx').using('gin', t.searchGrams),
    check('contacts_attitude_ck', sql`${t.attitude} between -5 and 5`),
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
    foreignKey({ columns: [t.orgId, t.fromContactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.toContactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete('cascade'),
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
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('history_entity_idx').on(t.orgId, t.entityType, t.entityId, t.at.desc()),
  ],
);
