// Merges (issue 22): two accounts or two contacts made one. The survivor (target) takes the chosen
// values and the source's work; the source stays, archived, pointing at the survivor. This row keeps
// exactly what moved and what the target held before, so an undo within 30 days puts back those rows
// and values and nothing else.
import { pgTable, uuid, text, jsonb, primaryKey, index, foreignKey } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { orgs, users } from './org.ts';

export const merges = pgTable(
  'merges',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    /** 'account' or 'contact'. */
    entity: text('entity').notNull(),
    targetId: uuid('target_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    mergedBy: uuid('merged_by').notNull(),
    mergedAt: ts('merged_at').notNull().defaultNow(),
    /** Per moved table, the moved rows' keys: { table: [id, …] } (core/schemas/merges.ts MergeMoved). */
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull(),
    /** The target's columns the source's values overwrote, as they were (snake_case column → value). */
    targetBefore: jsonb('target_before').$type<Record<string, unknown>>().notNull(),
    /** The source's archived_at before the merge archived it. */
    sourceArchivedAt: ts('source_archived_at'),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mergedBy], foreignColumns: [users.orgId, users.id] }),
    index('merges_target_idx').on(t.orgId, t.targetId),
    index('merges_source_idx').on(t.orgId, t.sourceId),
  ],
);
