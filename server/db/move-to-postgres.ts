// `npm run migrate-to-postgres`: the embedded database copied into an empty PostgreSQL database. The
// target gets its schema from the same migrations (openDatabase), then the backup's stream goes straight
// in (backup-write.ts into backup-restore.ts, no file between), and both sides are counted and
// checksummed table by table.
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { type Database, openDatabase } from './client.ts';
import { exportDatabase } from './backup-write.ts';
import { linesOf, RestoreRefused, restoreDatabase } from './backup-restore.ts';
import { DERIVED_TABLES } from './backup-catalog.ts';
import { checksumDifferences, type TableChecksum, tableChecksums } from './backup-verify.ts';

export interface MoveResult {
  source: TableChecksum[];
  target: TableChecksum[];
  /** Tables whose count or checksum differ: empty when the copy is exact. */
  differences: string[];
}

/** Refuses a target whose public schema has tables but no OpenKAM migrations: another application's database. */
async function checkForeignTables(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number; ours: boolean }>(
      `select (select count(*)::int from pg_tables where schemaname = 'public') as tables,
              to_regclass('drizzle.__drizzle_migrations') is not null as ours`,
    );
    if (rows[0].tables > 0 && !rows[0].ours)
      throw new RestoreRefused(
        'target_not_empty',
        '目标数据库不是空的（已有别的表）。请用一个新建的空数据库。',
        'The target database is not empty (it has other tables). Use a newly created, empty database.',
      );
  } finally {
    await client.end();
  }
}

/**
 * Copies `source` into the PostgreSQL database at `targetUrl`, which must be empty (or hold only an
 * empty OpenKAM schema), and verifies the copy.
 */
export async function moveToPostgres(source: Database, targetUrl: string): Promise<MoveResult> {
  await checkForeignTables(targetUrl);
  const target = await openDatabase({ databaseUrl: targetUrl, poolSize: 2 });
  try {
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    const write = exportDatabase(source.db, source.kind, async (chunk) => {
      if (stream.destroyed) throw stream.errored ?? new Error('the copy stopped');
      if (!stream.write(chunk)) await once(stream, 'drain');
    }).then(() => void stream.end());
    const read = restoreDatabase(target.db, linesOf(stream));
    // Whichever side fails first stops the other: the reader's failure unblocks a writer waiting to drain.
    read.catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
    write.catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
    const [wrote, restored] = await Promise.allSettled([write, read]);
    if (restored.status === 'rejected') {
      const e: unknown = restored.reason;
      // The restore's own refusal speaks of --force, which this command does not have: it only fills empty databases.
      if (e instanceof RestoreRefused && e.code === 'target_not_empty')
        throw new RestoreRefused(
          'target_not_empty',
          '目标 PostgreSQL 数据库已有 OpenKAM 数据。迁移只写入空数据库：请新建一个空数据库再运行。',
          'The target PostgreSQL database already holds OpenKAM data. The move only fills an empty database: create a new, empty one and run it again.',
        );
      throw e;
    }
    if (wrote.status === 'rejected') throw wrote.reason;
    const [from, to] = [await tableChecksums(source.db, { all: true }), await tableChecksums(target.db, { all: true })];
    return { source: from, target: to, differences: checksumDifferences(from, to) };
  } finally {
    await target.close();
  }
}

/** The result as a table for the terminal: one line per table, ✓ when count and checksum agree. */
export function formatMoveResult(result: MoveResult): string {
  const to = new Map(result.target.map((t) => [t.name, t]));
  const width = Math.max(...result.source.map((t) => t.name.length));
  const lines = result.source.map((s) => {
    const t = to.get(s.name);
    const ok = !result.differences.includes(s.name);
    return `${ok ? '✓' : '✗'} ${s.name.padEnd(width)}  ${String(s.rows).padStart(8)} → ${String(t?.rows ?? '-').padStart(8)}  ${s.checksum === t?.checksum ? 'checksum ok' : 'checksum differs'}${DERIVED_TABLES.includes(s.name) ? '  (kept by triggers: rows with figures)' : ''}`;
  });
  return lines.join('\n');
}
