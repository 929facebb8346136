// `npm run bench:probe`: one request at a time against the seeded PostgreSQL bench database, to see
// where a scenario's time goes before loading it: wall time, the Node process's CPU time and the
// database round-trips (count and time) per request. Load figures (p99 at ten clients) come from
// `npm run bench`; this explains them. Needs `npm run bench` to have seeded PostgreSQL first.
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { loadConfig } from '../server/plugins/config.ts';
import { existingSeed, BENCH_PASSWORD } from './seed.ts';
import { dealIds, detailIds, login, scenarios } from './load.ts';
import { benchOrg } from './generate.ts';

const env = process.env;
const url = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/openkam_bench';
const only = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',')) : null;
const runs = Number(env.PROBE_RUNS ?? 200);
const warm = Number(env.PROBE_WARMUP ?? 20);

// Counts and times every round-trip: Drizzle sends each statement through the pool's promise form.
const stats = { queries: 0, ms: 0 };
const original = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const started = performance.now();
  const result = (original as (...a: unknown[]) => unknown).apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    stats.queries++;
    (result as Promise<unknown>).then(
      () => (stats.ms += performance.now() - started),
      () => (stats.ms += performance.now() - started),
    );
  }
  return result;
} as typeof pg.Pool.prototype.query;

const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
const seed = await existingSeed(database.db, Number(env.BENCH_ACCOUNTS ?? 100_000));
if (!seed) throw new Error('no bench data: run `npm run bench` (BENCH_SEED_ONLY=1 BENCH_BACKENDS=postgres) first');
const { buildApp } = await import('../server/app.ts');
const app = await buildApp({ config: loadConfig({ ...env, LOG_LEVEL: 'warn', DATABASE_URL: '' }), database });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const users = benchOrg().users;
const rep01 = users.find((u) => u.email === 'rep01@bench.openkam.cn')!;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('scenario | user | wall ms | node cpu ms | queries | db ms | bytes');
for (const who of ['admin', 'rep'] as const) {
  const cookie = await login(base, `${who === 'admin' ? 'admin' : 'rep01'}@bench.openkam.cn`, BENCH_PASSWORD);
  const ownerId = who === 'rep' ? rep01.id : null;
  const orgId = seed.orgId;
  const ctx = {
    accountIds: await detailIds(database.db, orgId, ownerId),
    dealIds: await dealIds(database.db, orgId, ownerId),
    teamId: rep01.teamId ?? '',
    calendarUserId: who === 'admin' ? rep01.id : null,
    ownerId,
  };
  for (const s of scenarios(ctx)) {
    if (only && !only.has(s.key)) continue;
    const wall: number[] = [];
    const cpu: number[] = [];
    const queries: number[] = [];
    const dbMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + warm; i++) {
      const path = s.paths[i % s.paths.length];
      const before = { ...stats };
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { cookie } });
      const body = await res.arrayBuffer();
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      if (res.status !== 200)
        throw new Error(`${s.key} ${who}: HTTP ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      if (i < warm) continue;
      wall.push(t1 - t0);
      cpu.push((c1.user + c1.system) / 1000);
      queries.push(stats.queries - before.queries);
      dbMs.push(stats.ms - before.ms);
      bytes = body.byteLength;
    }
    console.log(
      [
        s.key,
        who,
        median(wall).toFixed(1),
        median(cpu).toFixed(1),
        median(queries),
        median(dbMs).toFixed(1),
        bytes,
      ].join(' | '),
    );
  }
}
await app.close();
await database.close();
