// Opens the embedded PGlite database (default) or PostgreSQL (DATABASE_URL) behind one Drizzle type,
// and applies the committed migrations on start-up.
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDataDir, damaged, lockDataDir, seedDataDir } from './data-dir.ts';
import { createHash } from 'node:crypto';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { fillDuplicateKeys } from './duplicate-keys.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Calls `onNotify` with each payload on `channel`, and `onLive` whenever listening starts (true) or
   * stops (false: a lost connection, retried every second). Resolves once listening first started
   * or failed; returns the function that stops it.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLive: (live: boolean) => void,
  ): Promise<() => Promise<void>>;
  /** PGlite only: dump of the data directory, used by tests to clone a migrated database. */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests clone one migrated database). */
  loadDataDir?: Blob;
  /** A migrated PGlite data directory that a new `dataDir` starts as a copy of, when it exists (data-dir.ts seedDataDir). */
  template?: string;
  poolSize?: number;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const INT8 = 20;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

/** Statements a connection keeps prepared; beyond this, rare query shapes run unnamed. */
const MAX_PREPARED_PER_CONNECTION = 1000;
const DML = /^\s*(select|insert|update|delete|with)\b/i;

const LIMIT_PARAM = /\b(limit|offset) \$(\d+)\b/gi;
const PARAM = /\$(\d+)\b/g;

/**
 * Writes integer LIMIT and OFFSET parameters into the statement's text. With `limit $3` PostgreSQL's
 * generic plan assumes the limit keeps 10 % of the rows, so a 50-row page's generic plan looks
 * hundreds of times dearer than its custom plans and is never chosen: every execution was planned
 * again (1–5 ms of the database's time per list request). Drizzle parameterises every value; a page
 * size written as a literal makes each size its own statement, which is what lets the plan be kept.
 * The remaining parameters are renumbered; anything unexpected leaves the statement as it was.
 */
export function inlineLimits(text: string, params: unknown[]): { text: string; params: unknown[] } {
  const inlined = new Set<number>();
  const replaced = text.replace(LIMIT_PARAM, (m, keyword: string, n: string) => {
    const value = params[Number(n) - 1];
    if (!Number.isSafeInteger(value) || (value as number) < 0) return m;
    inlined.add(Number(n));
    return `${keyword} ${value as number}`;
  });
  if (!inlined.size) return { text, params };
  const renumbered: number[] = [];
  let next = 0;
  for (let i = 1; i <= params.length; i++) renumbered[i] = inlined.has(i) ? 0 : ++next;
  let intact = true;
  const out = replaced.replace(PARAM, (m, n: string) => {
    const to = renumbered[Number(n)];
    if (!to) intact = false;
    return to ? `$${to}` : m;
  });
  return intact ? { text: out, params: params.filter((_, i) => !inlined.has(i + 1)) } : { text, params };
}

/**
 * Planning dominates our short queries on PostgreSQL (a 50-row list plans in ~1–2 ms and runs in
 * ~0.5 ms). node-postgres only reuses plans for named statements, so every parameterised DML
 * statement is named after a hash of its text: each connection then parses a query shape once, and
 * after five custom plans PostgreSQL keeps a generic plan when it costs no more than they did
 * (plan_cache_mode auto) — what postgres.js calls automatic prepared statements. Drizzle
 * parameterises every value, so the text is the shape. Forcing custom plans instead cost every
 * request 1–2 ms of planning per statement (bench/RESULTS.md, 2026-12-05 second run).
 */
function preparingClient(pg: typeof import('pg').default) {
  return class PreparingClient extends pg.Client {
    private readonly prepared = new Set<string>();

    constructor(config?: ConstructorParameters<typeof pg.Client>[0]) {
      super(config);
      // A connection lost while checked out (mid-request or mid-transaction) emits 'error' with no
      // pool listener attached, which would end the process. The request's own query already fails
      // with the error (answered 503), and the pool discards the client on release as unqueryable.
      this.on('error', () => undefined);
    }
    // @ts-expect-error -- one override for all of pg's query overloads; arguments pass through.
    override query(config: unknown, values?: unknown, callback?: unknown) {
      if (
        config &&
        typeof config === 'object' &&
        !('submit' in config) &&
        !('name' in config && (config as { name?: string }).name)
      ) {
        const q = config as { text?: string; values?: unknown[] };
        const params = Array.isArray(values) ? values : q.values;
        if (typeof q.text === 'string' && params?.length && DML.test(q.text)) {
          const { text, params: rest } = inlineLimits(q.text, params);
          const name = `okam_${createHash('sha1').update(text).digest('base64url')}`;
          config = { ...q, text, values: rest };
          if (values === params) values = rest;
          if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
            this.prepared.add(name);
            (config as { name?: string }).name = name;
          }
        }
      }
      return (super.query as (...a: unknown[]) => unknown)(config, values, callback);
    }
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // count(*) and bigint come back as strings from pg; the API speaks numbers.
  pg.types.setTypeParser(INT8, (v: string) => Number(v));
  // JIT compilation costs 100–250 ms per query and pays off only for long analytical queries;
  // every query here is short.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: '-c jit=off',
    Client: preparingClient(pg) as unknown as typeof pg.Client,
  });
  // An idle connection that dies (a restart, pg_terminate_backend) is dropped by the pool, which then
  // emits 'error': without a listener that would end the process.
  pool.on('error', (err) =>
    console.warn(`PostgreSQL: an idle connection was lost (${err.message}); the pool opens a new one`),
  );
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Several instances may start at once against one PostgreSQL: migrate under an advisory lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(72170001)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
    // Keys of rows from before migration 0037 (TypeScript, not SQL: see duplicate-keys.ts), under the lock.
    await fillDuplicateKeys(drizzle(client, { schema }) as unknown as Db);
  } finally {
    await client.query('select pg_advisory_unlock(72170001)').catch(() => undefined);
    client.release();
  }
  return {
    db,
    kind: 'postgres',
    close: () => pool.end(),
    listen: (channel, onNotify, onLive) => listenPostgres(pg, url, channel, onNotify, onLive),
  };
}

const RELISTEN_MS = 1000;

/** LISTEN on a connection of its own (a pooled one would be handed to queries), reopened when lost. */
async function listenPostgres(
  pg: typeof import('pg').default,
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onLive: (live: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: import('pg').Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const lost = (c: import('pg').Client) => {
    if (client !== c) return;
    client = null;
    onLive(false);
    c.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(() => void open(), RELISTEN_MS);
  };
  async function open(): Promise<void> {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    client = c;
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload) onNotify(m.payload);
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
      if (client === c && !stopped) onLive(true);
    } catch {
      lost(c);
    }
  }
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    onLive(false);
    await c?.end().catch(() => undefined);
  };
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = opts.dataDir;
  let release = () => {};
  let state: 'new' | 'existing' = 'new';
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
    try {
      state = checkDataDir(dir);
      if (state === 'new' && opts.template && existsSync(join(opts.template, 'PG_VERSION')))
        seedDataDir(opts.template, dir);
    } catch (e) {
      release();
      throw e;
    }
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create({
      dataDir: dir,
      loadDataDir: opts.loadDataDir,
      parsers: { [INT8]: (v: string) => Number(v) },
    });
  } catch (e) {
    release();
    // A directory that passed the check but cannot be opened (a truncated WAL or control file) aborts
    // inside the WASM build with no useful message: say which directory and what to do.
    throw dir && state === 'existing' ? damaged(resolve(dir), e instanceof Error ? e.message : String(e)) : e;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  try {
    await migrate(drizzle(client, { schema }), { migrationsFolder });
    // Keys of rows from before migration 0037 (TypeScript, not SQL: see duplicate-keys.ts).
    await fillDuplicateKeys(db);
  } catch (e) {
    await client.close().catch(() => undefined);
    release();
    throw dir && e instanceof Error && e.name === 'RuntimeError' ? damaged(resolve(dir), e.message) : e;
  }
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
    // One process owns the data directory: notices come from this process's own writes.
    listen: async (channel, onNotify, onLive) => {
      const unlisten = await client.listen(channel, onNotify);
      onLive(true);
      return async () => {
        onLive(false);
        if (!client.closed) await unlisten();
      };
    },
    dump: () => client.dumpDataDir('none') as Promise<Blob>,
  };
}

/** PGlite has no autovacuum: refresh planner statistics after bulk loads. */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`VACUUM (ANALYZE)`);
}

/** Raw SQL results differ in shape between node-postgres and PGlite; both expose `rows`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** A timestamptz as JavaScript's toISOString() writes it (UTC, milliseconds), for rows read raw. */
export const isoTime = (column: PgColumn | SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const dialect = new PgDialect();

/**
 * Two independent reads: side by side on the pool (each on a connection of its own), one after the
 * other on a transaction, whose single connection must not be handed a query while it runs another
 * (node-postgres queues it today with a deprecation warning; version 9 refuses it).
 */
export async function bothReads<A, B>(db: Db, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (db instanceof PgTransaction) return [await a(), await b()];
  return Promise.all([a(), b()]);
}

/**
 * A parameter-free fragment (a list's column list) rendered to text once, at module load: the query
 * builder otherwise walks its few dozen column references again on every request.
 */
export function prerendered(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  if (params.length) throw new Error('prerendered: the fragment has parameters');
  return sql.raw(text);
}

/**
 * `column` is one of `ids`. One id is written as an equality: PostgreSQL's generic plan guesses ten
 * elements for an array parameter, so `= any($1)` for a single id looked ten times dearer than its
 * custom plans and was planned again on every execution (2–3 ms for a calendar week).
 */
export function oneOf(column: PgColumn | SQL, ids: string[]): SQL {
  return ids.length === 1 ? sql`${column} = ${ids[0]}::uuid` : sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

/**
 * `column = 'value'` with the value written into the text, for a value of a small closed set (a deal
 * status): PostgreSQL's generic plan otherwise assumes each value is equally common (a third of the
 * deals for a status, where 70 % are open), costs a paged list higher than its custom plans and plans
 * it again on every request. Each value is then its own statement.
 */
export function equalsLiteral(column: PgColumn, value: string, allowed: readonly string[]): SQL {
  if (!allowed.includes(value)) throw new Error(`equalsLiteral: unexpected value ${value}`);
  return sql`${column} = ${sql.raw(`'${value}'`)}`;
}

/**
 * A parameter the planner costs without looking at its value: `(select $n::type)` is an InitPlan, so
 * custom and generic plans estimate it alike and PostgreSQL keeps the generic one. For a range whose
 * custom estimate is always lower than the generic default (a week of due dates in ten years of
 * tasks), which otherwise had the statement planned again on every execution.
 */
export function unpeeked(value: string | number | Date, type: 'date' | 'timestamptz' | 'int'): SQL {
  return sql`(select ${value}::${sql.raw(type)})`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `uuid[]` written into the text, for a short list that is the same on every request (an org's stages). */
export function uuidArrayLiteral(ids: string[]): SQL {
  if (!ids.every((id) => UUID.test(id))) throw new Error('uuidArrayLiteral: not a uuid');
  return sql.raw(`'{${ids.join(',')}}'::uuid[]`);
}
