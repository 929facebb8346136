// `npm run bench`: seeds (or reuses) 100k accounts / 500k contacts in PGlite and, when it answers on
// loopback, PostgreSQL; then measures the hot read paths through the real HTTP app.
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/db/client.ts';
import { loadConfig } from '../server/plugins/config.ts';
import { existingSeed, hasAnyOrg, seedBench, stepTimer, BENCH_PASSWORD } from './seed.ts';
import { seedDeals } from './deals.ts';
import { seedActivities } from './activities.ts';
import { seedQuotas } from './quotas.ts';
import { seedRecycleBin } from './recycle-bin.ts';
import {
  dealIds,
  detailIds,
  login,
  measure,
  scenarios,
  waitUntilIdle,
  warmProcess,
  type LoadOptions,
  type Measurement,
} from './load.ts';
import { benchOrg } from './generate.ts';
import { renderReport, type BackendReport } from './report.ts';
import { scoreUnscored } from '../server/modules/scoring/service.ts';

const env = process.env;
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
const opts = {
  accounts: num(env.BENCH_ACCOUNTS, 100_000),
  batchSize: num(env.BENCH_BATCH, 2_000),
  deals: num(env.BENCH_DEALS, 1_000_000),
  // PGlite is single-threaded WASM: 200k deals load in ~100 s, 1M would take 10–30 min on a busy machine.
  pgliteDeals: num(env.BENCH_PGLITE_DEALS, 200_000),
  dealBatch: num(env.BENCH_DEAL_BATCH, 50_000),
  // 30 calls per account (3M at 100k accounts); PGlite in the deals' proportion (6 per account).
  activities: num(env.BENCH_ACTIVITIES, 30 * num(env.BENCH_ACCOUNTS, 100_000)),
  pgliteActivities: num(env.BENCH_PGLITE_ACTIVITIES, 6 * num(env.BENCH_ACCOUNTS, 100_000)),
  activityBatch: num(env.BENCH_ACTIVITY_BATCH, 100_000),
  backends: (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim()),
  pgUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/openkam_bench',
  pgliteDir: resolve(env.BENCH_PGLITE_DIR ?? '.bench/pglite'),
  reseed: env.BENCH_RESEED === '1',
  seedOnly: env.BENCH_SEED_ONLY === '1',
  only: env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',')) : null,
  resultsFile: resolve(env.BENCH_RESULTS ?? 'bench/RESULTS.md'),
};
const load: LoadOptions = {
  durationSec: num(env.BENCH_DURATION, 10),
  // A scenario's first seconds in the process are slow (new statements planned on each pooled
  // connection, new code paths, pages new to each backend): on a warm server a new scenario's first
  // 3 s gave p99 191 ms, the next 3 s 35–39 ms (bench/RESULTS.md, sixth session). 5 s measures the
  // steady state.
  warmupSec: num(env.BENCH_WARMUP, 5),
  // Once per process, before the first measured row (warmProcess).
  processWarmupSec: num(env.BENCH_PROCESS_WARMUP, 20),
  connections: num(env.BENCH_CONNECTIONS, 10),
  maxProbeMs: num(env.BENCH_MAX_PROBE_MS, 2000),
};
const USERS = [
  { key: 'admin', label: 'admin (all)', email: 'admin@bench.openkam.cn' },
  { key: 'rep', label: 'rep (own)', email: 'rep01@bench.openkam.cn' },
];

/** The board's team filter: rep01's region (five reps). */
const REP_TEAM = benchOrg().users.find((u) => u.email === 'rep01@bench.openkam.cn')?.teamId ?? '';
const EMPTY = { accountIds: [], dealIds: [], teamId: REP_TEAM, calendarUserId: null, ownerId: null };

const log = (kind: string) => (msg: string) => console.log(`[${kind}] ${msg}`);

/** Benchmark traffic stays on this machine: refuse a database URL that is not loopback. */
function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`BENCH_DATABASE_URL must point at loopback, got ${host}`);
}

async function adminClient(url: string): Promise<pg.Client> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  return client;
}

/** Creates (or with `wipe`, recreates) the bench database; returns why PostgreSQL is unusable, if it is. */
async function preparePostgres(url: string, wipe: boolean): Promise<string | null> {
  let client: pg.Client;
  try {
    client = await adminClient(url);
  } catch (e) {
    return `PostgreSQL does not answer (${(e as Error).message})`;
  }
  try {
    const name = new URL(url).pathname.slice(1);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
    if (wipe) await client.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
    return null;
  } finally {
    await client.end();
  }
}

async function openBackend(kind: BackendReport['kind'], wipe: boolean): Promise<Database> {
  if (kind === 'postgres') {
    const problem = await preparePostgres(opts.pgUrl, wipe);
    if (problem) throw new Unavailable(problem);
    return openDatabase({ databaseUrl: opts.pgUrl, poolSize: num(env.BENCH_POOL, 10) });
  }
  if (wipe) rmSync(opts.pgliteDir, { recursive: true, force: true });
  return openDatabase({ dataDir: opts.pgliteDir });
}

class Unavailable extends Error {}

async function runBackend(kind: BackendReport['kind']): Promise<BackendReport> {
  const report: BackendReport = { kind, measurements: [] };
  const say = log(kind);
  let database: Database;
  try {
    database = await openBackend(kind, opts.reseed);
  } catch (e) {
    if (e instanceof Unavailable) return { ...report, unavailable: e.message };
    throw e;
  }
  // A load that died half-way leaves rows but no marker: start that database over.
  if (!(await existingSeed(database.db, opts.accounts)) && (await hasAnyOrg(database.db))) {
    say('incomplete or different data set found: wiping');
    await database.close();
    database = await openBackend(kind, true);
  }
  try {
    const info = await seedBench(database.db, { accounts: opts.accounts, batchSize: opts.batchSize, log: say });
    const seed = await existingSeed(database.db, opts.accounts);
    Object.assign(report, {
      seedSeconds: info.seconds,
      seedSteps: info.steps,
      reused: info.reused,
      accounts: seed?.marker.accounts,
      contacts: seed?.marker.contacts,
    });
    const deals = await seedDeals(database.db, info.orgId, {
      deals: kind === 'pglite' ? opts.pgliteDeals : opts.deals,
      accounts: opts.accounts,
      batchSize: opts.dealBatch,
      log: say,
    });
    report.deals = deals;
    report.activities = await seedActivities(database.db, info.orgId, {
      activities: kind === 'pglite' ? opts.pgliteActivities : opts.activities,
      accounts: opts.accounts,
      deals: deals.deals,
      batchSize: opts.activityBatch,
      log: say,
    });
    report.quotas = await seedQuotas(database.db, info.orgId, { deals: deals.deals, log: say });
    await seedRecycleBin(database.db, info.orgId, { log: say });
    // The loaders insert accounts around the services, so their key-account scores are computed here.
    await stepTimer(say).timed('key-account scores', () => scoreUnscored(database.db, info.orgId));
    // A migration may have just created and filled forecast_totals (0011); autovacuum is off here.
    await database.db.execute(sql`analyze forecast_totals`);
    await database.db.execute(sql`analyze accounts`);
    if (opts.seedOnly) return report;

    // Imported late so seeding works even while the routes are being written.
    const { buildApp } = await import('../server/app.ts');
    const config = loadConfig({ ...env, LOG_LEVEL: 'warn', OPENKAM_DATA_DIR: opts.pgliteDir, DATABASE_URL: '' });
    const app = await buildApp({ config, database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      for (const u of USERS) {
        const user = info.users.find((x) => x.email === u.email);
        let cookie: string;
        try {
          await waitUntilIdle(base);
          cookie = await login(base, u.email, BENCH_PASSWORD);
        } catch (e) {
          say(`${u.key}: sign-in failed, scenarios skipped: ${(e as Error).message}`);
          report.measurements.push(
            ...scenarios(EMPTY).map(
              (s): Measurement => ({
                scenario: s.key,
                user: u.key,
                p50: NaN,
                p99: NaN,
                rps: NaN,
                requests: 0,
                non2xx: 0,
                errors: 0,
                skipped: (e as Error).message,
              }),
            ),
          );
          continue;
        }
        const ownerId = u.key === 'rep' && user ? user.id : null;
        const ctx = {
          accountIds: await detailIds(database.db, info.orgId, ownerId),
          dealIds: await dealIds(database.db, info.orgId, ownerId),
          teamId: REP_TEAM,
          // The admin looks at rep01's week; rep01 at their own.
          calendarUserId:
            u.key === 'admin' ? (info.users.find((x) => x.email === 'rep01@bench.openkam.cn')?.id ?? null) : null,
          ownerId,
        };
        const selected = scenarios(ctx).filter((s) => !opts.only || opts.only.has(s.key));
        if (u === USERS[0]) {
          await warmProcess(base, cookie, selected, load.processWarmupSec, load);
          say(`process warm-up: ${load.processWarmupSec} s over ${selected.length} scenarios, unmeasured`);
        }
        for (const s of selected) {
          const m = await measure(base, cookie, u.key, s, load);
          say(
            `${u.key} ${s.key}: ${m.skipped ? `skipped (${m.skipped})` : `p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.rps.toFixed(0)} req/s, non-2xx ${m.non2xx}, errors ${m.errors}`}`,
          );
          report.measurements.push(m);
        }
      }
    } finally {
      await app.close();
    }
    return report;
  } finally {
    await database.close();
  }
}

async function main() {
  if (opts.backends.includes('postgres')) assertLoopback(opts.pgUrl);
  const reports: BackendReport[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    if (opts.backends.includes(kind)) reports.push(await runBackend(kind));
  }
  if (opts.seedOnly) {
    for (const r of reports)
      console.log(
        `${r.kind}: ${r.unavailable ?? `seeded in ${r.seedSeconds?.toFixed(0)} s${r.reused ? ' (reused)' : ''}`}`,
      );
    return;
  }
  const markdown = renderReport({
    scenarios: scenarios(EMPTY).filter((s) => !opts.only || opts.only.has(s.key)),
    users: USERS,
    backends: reports,
    durationSec: load.durationSec,
    warmupSec: load.warmupSec,
    processWarmupSec: load.processWarmupSec,
    connections: load.connections,
  });
  console.log(`\n${markdown}`);
  writeFileSync(opts.resultsFile, markdown);
  console.log(`written to ${opts.resultsFile}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
