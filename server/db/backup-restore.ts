// Restores a backup's lines (backup-write.ts) into a migrated database, all in one transaction: the
// header is checked first (a file from a newer schema is refused), then each table's rows go in by
// batches through jsonb_populate_recordset (as the recycle bin's restore does), parents first; the
// triggers rebuild every kept total, fact and copied name as the rows go in (docs/triggers.md).
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './client.ts';
import { fillDuplicateKeys } from './duplicate-keys.ts';
import {
  appTables,
  databaseSchemaVersion,
  ident,
  identList,
  resetSequences,
  type TableInfo,
} from './backup-catalog.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup-write.ts';

/** A restore refused before anything was written, with its reason in both languages. */
export class RestoreRefused extends Error {
  constructor(
    readonly code: 'not_a_backup' | 'newer_schema' | 'target_not_empty' | 'incomplete',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  /** Tables in the file that this database does not have, or keeps by triggers: their rows were not written. */
  skipped: string[];
}

const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 4 * 1024 * 1024;

type Control =
  | { table: string; columns: string[] }
  | { end: string; rows: number }
  | { done: true }
  | Record<string, unknown>;

/**
 * The lines of a stream, pulled as the reader asks (readline's interface drops lines emitted before its
 * iterator is first asked for one, so it is not used here).
 */
export async function* linesOf(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const parts = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** Lines of a gzip backup file, one at a time. */
export const backupFileLines = (path: string): AsyncIterable<string> =>
  linesOf(createReadStream(path).pipe(createGunzip()));

function checkHeader(line: string | undefined, target: { tag: string | null; createdAt: number }): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line?.startsWith('#') ? (JSON.parse(line.slice(1)) as Partial<BackupHeader>) : null;
  } catch {
    header = null;
  }
  if (header?.format !== BACKUP_FORMAT || !header.schema)
    throw new RestoreRefused('not_a_backup', '这不是 OpenKAM 备份文件。', 'This is not an OpenKAM backup file.');
  if ((header.formatVersion ?? 0) > BACKUP_FORMAT_VERSION || header.schema.createdAt > target.createdAt)
    throw new RestoreRefused(
      'newer_schema',
      `备份来自更新的版本（OpenKAM ${header.appVersion}，数据库结构 ${header.schema.tag ?? header.schema.createdAt}），本程序的数据库结构是 ${target.tag ?? target.createdAt}。请先升级 OpenKAM 再恢复。`,
      `The backup comes from a newer version (OpenKAM ${header.appVersion}, schema ${header.schema.tag ?? header.schema.createdAt}); this database's schema is ${target.tag ?? target.createdAt}. Upgrade OpenKAM first, then restore.`,
    );
  return header as BackupHeader;
}

/** Tables holding rows (of those a restore writes, and the caches a forced restore also empties). */
async function nonEmpty(tx: Db, tables: TableInfo[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tables)
    if ((await rowsOf<{ any: boolean }>(tx, sql`select exists (select 1 from ${ident(t.name)}) as any`))[0].any)
      out.push(t.name);
  return out;
}

/**
 * Restores `lines` into `db`. A database with data is refused unless `force`, which first empties every
 * app table (in the same transaction: a failed restore leaves the old data).
 */
export async function restoreDatabase(
  db: Db,
  lines: AsyncIterable<string>,
  opts: { force?: boolean } = {},
): Promise<RestoreSummary> {
  return db.transaction(async (tx) => {
    // The history going back in is not news: no webhook or robot event for it (triggers/event-outbox.sql).
    await tx.execute(sql`select set_config('okam.replay', 'on', true)`);
    const iterator = lines[Symbol.asyncIterator]();
    const first = await iterator.next();
    const header = checkHeader(first.done ? undefined : first.value, await databaseSchemaVersion(tx));
    const tables = await appTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const all = await appTables(tx, { all: true });
    const full = await nonEmpty(tx, tables);
    const named = `${full.slice(0, 4).join(', ')}${full.length > 4 ? ` +${full.length - 4}` : ''}`;
    if (full.length && !opts.force)
      throw new RestoreRefused(
        'target_not_empty',
        `目标数据库已有数据（${named}）。恢复会替换全部数据：确定的话加 --force。`,
        `The target database holds data (${named}). A restore replaces all of it: add --force if that is what you want.`,
      );
    // The scheduler's leases stay: they belong to the running deployment, not to the data.
    const wipe = all.filter((t) => t.name !== 'job_leases');
    if (full.length) await tx.execute(sql`truncate table ${identList(wipe.map((t) => t.name))}`);

    const summary: RestoreSummary = { header, tables: [], skipped: [] };
    let current: { info: TableInfo | null; name: string; columns: string[]; deferred: string[]; rows: number } | null =
      null;
    let buffer: string[] = [];
    let bytes = 0;
    let pending: string[] = [];
    let done = false;

    const flush = async () => {
      if (!current?.info || !buffer.length) return void (buffer = []);
      const { info, columns, deferred } = current;
      // Self-references go in as null and are set once the whole table is in (a parent may come later).
      const select = columns.map((c) => (deferred.includes(c) ? 'null' : `"${c}"`)).join(', ');
      await tx.execute(
        sql`insert into ${ident(info.name)} (${identList(columns)})
            select ${sql.raw(select)} from jsonb_populate_recordset(null::${ident(info.name)}, ${`[${buffer.join(',')}]`}::jsonb)`,
      );
      if (deferred.length)
        for (const line of buffer) {
          const row = JSON.parse(line) as Record<string, unknown>;
          if (deferred.some((c) => row[c] != null))
            pending.push(JSON.stringify(Object.fromEntries([...info.key, ...deferred].map((c) => [c, row[c]]))));
        }
      buffer = [];
      bytes = 0;
    };

    const setDeferred = async () => {
      if (!current?.info || !pending.length) return;
      const { info, deferred } = current;
      const set = deferred.map((c) => `"${c}" = r."${c}"`).join(', ');
      const match = info.key.map((c) => `t."${c}" = r."${c}"`).join(' and ');
      for (let i = 0; i < pending.length; i += ROWS_PER_INSERT)
        await tx.execute(
          sql`update ${ident(info.name)} as t set ${sql.raw(set)}
              from jsonb_populate_recordset(null::${ident(info.name)}, ${`[${pending.slice(i, i + ROWS_PER_INSERT).join(',')}]`}::jsonb) as r
              where ${sql.raw(match)}`,
        );
      pending = [];
    };

    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line) continue;
      if (!line.startsWith('#')) {
        if (!current) throw new RestoreRefused('not_a_backup', '备份文件已损坏。', 'The backup file is damaged.');
        current.rows++;
        if (!current.info) continue;
        buffer.push(line);
        bytes += line.length;
        if (buffer.length >= ROWS_PER_INSERT || bytes >= BYTES_PER_INSERT) await flush();
        continue;
      }
      const c = JSON.parse(line.slice(1)) as Control;
      if ('table' in c && typeof c.table === 'string') {
        const info = byName.get(c.table) ?? null;
        if (!info) summary.skipped.push(c.table);
        const fileColumns = new Set(c.columns as string[]);
        // Columns added since the file was written take their defaults.
        const columns = info ? info.columns.filter((col) => fileColumns.has(col)) : [];
        current = {
          info,
          name: c.table,
          columns,
          deferred: info ? info.selfRefs.filter((s) => fileColumns.has(s)) : [],
          rows: 0,
        };
      } else if ('end' in c && current) {
        await flush();
        await setDeferred();
        if (current.rows !== c.rows)
          throw new RestoreRefused(
            'incomplete',
            '备份文件不完整。',
            `The backup file is incomplete (${current.name}).`,
          );
        if (current.info) summary.tables.push({ name: current.name, rows: current.rows });
        current = null;
      } else if ('done' in c) done = true;
    }
    if (!done)
      throw new RestoreRefused(
        'incomplete',
        '备份文件不完整（没有结尾）。',
        'The backup file is incomplete (it has no end).',
      );

    await resetSequences(tx);
    // The triggers kept account facts row by row; rebuild them once so they are as the function says today.
    await tx.execute(sql`select okam_rebuild_account_facts(id) from orgs`);
    // Rows from a file older than the duplicate-check keys get theirs (duplicate-keys.ts).
    await fillDuplicateKeys(tx);
    return summary;
  });
}
