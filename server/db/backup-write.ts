// A logical backup: every app table's rows as JSON lines, read in one REPEATABLE READ, read-only
// transaction (one snapshot, so the file is consistent while the app writes), table by table in
// foreign-key order and each table in keyset-ordered batches: memory holds one batch, never a table.
// The same stream feeds a gzip file (backup) or another database directly (migrate-to-postgres).
//
// Format (README, "Backup, restore and moving to PostgreSQL"): lines starting with `#` are JSON control
// lines — the header, a table's start (its columns) and end (its row count) — and every other line is one
// row as PostgreSQL's to_jsonb wrote it, passed through as text (never parsed: numerics keep every digit).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from './client.ts';
import { appTables, databaseSchemaVersion, ident, identList, type SchemaVersion } from './backup-catalog.ts';
import pkg from '../../package.json' with { type: 'json' };

export const BACKUP_FORMAT = 'openkam-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schema: SchemaVersion;
  database: string;
  createdAt: string;
}

export interface BackupSummary {
  header: BackupHeader;
  /** Rows written per table, in the order written. */
  tables: { name: string; rows: number }[];
}

const control = (value: object) => `#${JSON.stringify(value)}`;

/**
 * Reads the database's snapshot into `emit`, a chunk of lines (each ending in a newline) at a time;
 * `emit` may wait (backpressure), and the snapshot is held until it returns.
 */
export async function exportDatabase(
  db: Db,
  kind: string,
  emit: (chunk: string) => Promise<void>,
  opts: { batch?: number } = {},
): Promise<BackupSummary> {
  const batch = opts.batch ?? 1000;
  return db.transaction(
    async (tx) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: pkg.version,
        schema: await databaseSchemaVersion(tx),
        database: kind,
        createdAt: new Date().toISOString(),
      };
      await emit(`${control(header)}\n`);
      const tables: BackupSummary['tables'] = [];
      for (const table of await appTables(tx)) {
        await emit(`${control({ table: table.name, columns: table.columns })}\n`);
        const keyJson = sql.raw(`jsonb_build_object(${table.key.map((k) => `'${k}', t."${k}"`).join(', ')})::text`);
        const keyOrder = identList(table.key);
        let after: string | null = null;
        let rows = 0;
        for (;;) {
          // The next page after the last key, compared as the table's own types (the key went out as JSON).
          const from: SQL = after
            ? sql`where (${keyOrder}) > (select ${identList(table.key)} from jsonb_populate_record(null::${ident(table.name)}, ${after}::jsonb))`
            : sql``;
          const page: { k: string; r: string }[] = await rowsOf<{ k: string; r: string }>(
            tx,
            sql`select ${keyJson} as k, to_jsonb(t)::text as r from ${ident(table.name)} t ${from}
                order by ${keyOrder} limit ${sql.raw(String(batch))}`,
          );
          if (!page.length) break;
          rows += page.length;
          await emit(`${page.map((p) => p.r).join('\n')}\n`);
          if (page.length < batch) break;
          after = page[page.length - 1].k;
        }
        await emit(`${control({ end: table.name, rows })}\n`);
        tables.push({ name: table.name, rows });
      }
      await emit(`${control({ done: true, tables: tables.length })}\n`);
      return { header, tables };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Writes a gzip-compressed backup to `path`: first to `path.partial`, renamed once complete, so a file
 * under the final name is always a whole backup.
 */
export async function writeBackupFile(db: Db, kind: string, path: string): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(partial);
  gzip.pipe(file);
  try {
    const summary = await exportDatabase(db, kind, async (chunk) => {
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    });
    gzip.end();
    await finished(file);
    await rename(partial, path);
    return summary;
  } catch (e) {
    gzip.destroy();
    file.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}
