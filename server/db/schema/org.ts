// Organisations, teams, users, sessions, API tokens and the job leases: who is who, and who is signed in.
import {
  pgTable,
  uuid,
  text,
  integer,
  jsonb,
  primaryKey,
  index,
  uniqueIndex,
  foreignKey,
  boolean,
} from 'drizzle-orm/pg-core';
import { ts, created, updated } from './columns.ts';

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').notNull().default({}),
  createdAt: created(),
});

export const teams = pgTable(
  'teams',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
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
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
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
    // The last successful sign-in: failed attempts since then are shown at the next one.
    lastLoginAt: ts('last_login_at'),
    // The user's own display choices (core/user-preferences.ts), read key by key with defaults.
    preferences: jsonb('preferences').notNull().default({}),
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
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
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

/**
 * Personal access tokens (issue 23): an integration signs in as its user with `Authorization: Bearer
 * okam_<org>.<secret>`. Like a session, only the secret's hash is stored; the org in the token routes the
 * lookup. A revoked or expired token stays listed (with when it was last used) until its user deletes it.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    readOnly: boolean('read_only').notNull().default(false),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('api_tokens_hash_uq').on(t.orgId, t.tokenHash),
    index('api_tokens_user_idx').on(t.orgId, t.userId, t.createdAt),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
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
