// `npm run bench:export`: issue 22's export benchmark — 100,000 accounts to .xlsx (and CSV) through
// the real HTTP route, the whole list as the admin sees it, timed end to end, with the server's
// resident memory sampled every 50 ms while the file streams (target: < 20 s, growth < 200 MB).
// Uses the PostgreSQL bench database (`openkam_bench`); seeds its archive (accounts + contacts, as
// `npm run bench` does) when it is not there. The load scenarios of bench/load.ts do not fit: they
// fire ten clients at a JSON answer for seconds, where one export is one long download.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/db/client.ts';
import { loadConfig } from '../server/plugins/config.ts';
import { BENCH_PASSWORD, seedBench } from './seed.ts';
import { login } from './load.ts';

const env = process.env;
const url = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/openkam_bench';
const accounts = Number(env.BENCH_ACCOUNTS ?? 100_000);
const formats = (env.EXPORT_FORMATS ?? 'xlsx,csv').split(',') as ('xlsx' | 'csv')[];
/** The list to take out (any list route): the accounts by default, e.g. /api/analysis/pareto. */
const list = env.EXPORT_PATH ?? '/api/accounts';

const name = new URL(url).pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
await admin.connect();
if (!(await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount)
  await admin.query(`create database ${name}`);
await admin.end();

const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
const seed = await seedBench(database.db, { accounts, batchSize: 2_000, log: (m) => console.log(`  seed: ${m}`) });
const { buildApp } = await import('../server/app.ts');
const app = await buildApp({ config: loadConfig({ ...env, LOG_LEVEL: 'warn', DATABASE_URL: '' }), database });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const cookie = await login(base, 'admin@bench.openkam.cn', BENCH_PASSWORD);

const mb = (bytes: number) => bytes / 1024 / 1024;
console.log(`accounts seeded: ${accounts} (${seed.reused ? 'reused' : `seeded in ${seed.seconds.toFixed(0)} s`})`);
console.log(`list: ${list}`);
console.log('format | rows | seconds | rows/s | file MB | RSS before MB | RSS peak growth MB | heap peak growth MB');
for (const format of formats) {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = rss0;
  let heapPeak = heap0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  const res = await fetch(`${base}${list}${list.includes('?') ? '&' : '?'}format=${format}`, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`HTTP ${res.status} ${await res.text()}`);
  let bytes = 0;
  // Read and dropped: the client holds no more than a chunk, so the growth measured is the server's.
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  // The row count the export recorded in its history row.
  const [row] = await rowsOf<{ rows: number }>(
    database.db,
    sql`select (changes->2->>'new')::int as rows from history
         where org_id = ${seed.orgId} and entity_type = 'export' order by id desc limit 1`,
  );
  console.log(
    [
      format,
      row?.rows ?? '?',
      seconds.toFixed(1),
      Math.round((row?.rows ?? 0) / seconds),
      mb(bytes).toFixed(1),
      mb(rss0).toFixed(0),
      mb(rssPeak - rss0).toFixed(0),
      mb(heapPeak - heap0).toFixed(0),
    ].join(' | '),
  );
}
await app.close();
await database.close();
