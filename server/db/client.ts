// Opens the embedded PGlite database (default) or PostgreSQL (DATABASE_URL) behind one Drizzle type,
// and applies the committed migrations on start-up.
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: dump of the data directory, used by tests to clone a migrated database. */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests clone one migrated database). */
  loadDataDir?: Blob;
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
    // @ts-expect-error -- one override for all of pg's query overloads; arguments pass through.
    override query(config: unknown, values?: unknown, callback?: unknown) {
      if (config && typeof config === 'object' && !('submit' in config) && !('name' in config && (config as { name?: string }).name)) {
        const q = config as { text?: string; values?: unknown[] };
        const params = Array.isArray(values) ? values : q.values;
        if (typeof q.text === 'string' && params?.length && DML.test(q.text)) {
          const name = `okam_${createHash('sha1').update(q.text).digest('base64url')}`;
          if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
            this.prepared.add(name);
            config = { ...q, name };
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
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off', Client: preparingClient(pg) as unknown as typeof pg.Client });
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Several instances may start at once against one PostgreSQL: migrate under an advisory lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(72170001)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(72170001)').catch(() => undefined);
    client.release();
  }
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: { [INT8]: (v: string) => Number(v) },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client, { schema }), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
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
