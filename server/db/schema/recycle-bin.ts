// The recycle bin (回收站): a deleted account, contact, deal or call leaves its tables whole — so no
// list, total, forecast or analysis has to learn to skip it — and waits here as the rows it took with
// it, until it is restored, purged by an admin or purged by the daily job after the retention period.
import { pgTable, uuid, text, jsonb, primaryKey, index, foreignKey } from 'drizzle-orm/pg-core';
import { ts, money } from './columns.ts';
import { orgs, users } from './org.ts';

export const recycleBin = pgTable(
  'recycle_bin',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The deleted record's own id: a record is in the bin at most once. */
    id: uuid('id').notNull(),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    accountId: uuid('account_id'),
    accountName: text('account_name'),
    amount: money('amount'),
    /** Whose data scope the entry falls in: the record's owner and its account's owner. */
    ownerIds: uuid('owner_ids').array().notNull(),
    deletedBy: uuid('deleted_by').notNull(),
    deletedAt: ts('deleted_at').notNull().defaultNow(),
    /** Per table, the rows deleted with the record (`to_jsonb` of each), parents before children. */
    rows: jsonb('rows').notNull(),
    /** Rows elsewhere that pointed at the record and were set to null: per table and column, their ids. */
    links: jsonb('links').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.deletedBy], foreignColumns: [users.orgId, users.id] }),
    index('recycle_bin_deleted_idx').on(t.orgId, t.deletedAt, t.id),
  ],
);
