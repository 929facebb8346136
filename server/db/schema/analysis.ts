// Results of whole-organisation analyses kept in the database, so every app instance sees the same
// entry and the same invalidation (app servers hold no state). An entry is valid while the data
// versions it was computed at are still current; triggers (migration 0016) bump those versions in
// the transaction that writes the rows.
import { pgTable, uuid, text, bigint, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { orgs } from './org.ts';

/** Per organisation, a counter per kind of data the analyses read; bumped once per writing statement. */
export const dataVersions = pgTable('data_versions', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  accounts: bigint('accounts', { mode: 'number' }).notNull().default(0),
  /** Won deals only: open-deal edits are far more frequent and no cached analysis reads them. */
  deals: bigint('deals', { mode: 'number' }).notNull().default(0),
});

export const analysisCache = pgTable(
  'analysis_cache',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A hash of the route, the caller's resolved scope and every parameter. */
    key: text('key').notNull(),
    /** The data versions the payload was computed at, e.g. `a12` or `a12d3`. */
    version: text('version').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);
