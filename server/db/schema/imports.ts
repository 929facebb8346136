// Spreadsheet imports (issue 22) as jobs in the database: the upload is stored with its job, so any
// instance can run it, a restarted one resumes it, and the rejected rows stay for the error report.
import {
  pgTable,
  uuid,
  text,
  jsonb,
  primaryKey,
  index,
  foreignKey,
  integer,
  boolean,
  customType,
} from 'drizzle-orm/pg-core';
import { ts, created } from './columns.ts';
import { orgs, users } from './org.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, pg a Buffer: one shape for the reader.
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    /** queued → running → done | failed. */
    status: text('status').notNull().default('queued'),
    /** The options as chosen: mapping, match, mode, owner target, dry run (core/schemas/imports.ts). */
    options: jsonb('options').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    total: integer('total').notNull().default(0),
    /** Rows handled and committed: a resumed skip-mode import starts after them. */
    done: integer('done').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    /** The sheet's header row, for the error report's original columns. */
    headers: jsonb('headers'),
    /** A message code (core/messages.ts) when the import failed as a whole. */
    error: text('error'),
    /** The instance running it and until when its claim holds; a lapsed claim is taken over. */
    leaseOwner: text('lease_owner'),
    leaseUntil: ts('lease_until'),
    createdAt: created(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    index('imports_user_idx').on(t.orgId, t.userId, t.createdAt),
    // The runner's queue: few rows are ever unfinished.
    index('imports_pending_idx').on(t.status, t.leaseUntil),
  ],
);

/** The uploaded file, kept until its import finishes. */
export const importFiles = pgTable(
  'import_files',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId] }),
    foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete('cascade'),
  ],
);

/** A rejected row: its original cells and why, in both languages, for the downloadable report. */
export const importRejects = pgTable(
  'import_rejects',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    cells: jsonb('cells').notNull(),
    reasonZh: text('reason_zh').notNull(),
    reasonEn: text('reason_en').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.row] }),
    foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete('cascade'),
  ],
);

/** The mapping a user last used for an entity, offered again for their next file. */
export const importMappings = pgTable(
  'import_mappings',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    entity: text('entity').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.entity] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
