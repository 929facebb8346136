// `npm run bench:webhooks`: what webhooks cost (issue 23, item 2). On a new database per backend, with one
// subscription to every event posting to a receiver on loopback: (1) an account's creation through the API
// without and with the subscription (the outbox trigger's share of a write); (2) how long the dispatcher
// takes to deliver a burst of those events; (3) a 10,000-row spreadsheet import with the subscription, and
// the time to deliver its 10,000 events after it.
import { loadConfig } from '../server/plugins/config.ts';
import { buildApp } from '../server/app.ts';
import type { App } from '../server/lib/app-type.ts';
import { startReceiver } from '../server/test/receiver.ts';
import { importOnce, open, signIn, workbook } from './fresh.ts';

const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',');
const WRITES = Number(process.env.BENCH_WEBHOOK_WRITES ?? 500);
const IMPORT_ROWS = Number(process.env.BENCH_WEBHOOK_IMPORT_ROWS ?? 10_000);
const PG_DB = 'openkam_bench_webhooks';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];

async function createAccounts(app: App, cookie: string, n: number, tag: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie },
      payload: { name: `${tag}推送基准客户${i}`, ownershipType: 'private' },
    });
    times.push(performance.now() - t0);
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  }
  return times;
}

/** Ticks the dispatcher until `count` deliveries arrived; answers the time it took. */
async function drain(app: App, arrived: () => number, count: number): Promise<number> {
  const t0 = performance.now();
  while (arrived() < count) {
    const { expanded, sent } = await app.webhooks.tick();
    if (!expanded && !sent) await new Promise((r) => setTimeout(r, 20));
    if (performance.now() - t0 > 600_000) throw new Error(`only ${arrived()} of ${count} delivered`);
  }
  return performance.now() - t0;
}

const rx = await startReceiver();
const content = await workbook(IMPORT_ROWS);
const lines: string[] = [];
for (const backend of BACKENDS) {
  const { database, done } = await open(backend, PG_DB);
  const app = await buildApp({ config: loadConfig({ ...process.env, OPENKAM_LOG_LEVEL: 'warn' }), database });
  try {
    const cookie = await signIn(app);
    const plain = await createAccounts(app, cookie, WRITES, '无订阅');
    await app.inject({
      method: 'PUT',
      url: '/api/settings/outbound',
      headers: { cookie },
      payload: { allowPrivateNetworks: true },
    });
    const hook = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie },
      payload: { url: `${rx.url}/bench`, events: ['*'] },
    });
    if (hook.statusCode !== 201) throw new Error(`webhook: ${hook.statusCode} ${hook.body}`);
    rx.received.length = 0;
    const subscribed = await createAccounts(app, cookie, WRITES, '有订阅');
    const burstMs = await drain(app, () => rx.received.length, WRITES);

    rx.received.length = 0;
    const t0 = performance.now();
    const job = await importOnce(app, cookie, content);
    const importMs = performance.now() - t0;
    if (job.created !== IMPORT_ROWS) throw new Error(`import ended ${JSON.stringify(job)}`);
    const importDrainMs = await drain(app, () => rx.received.length, IMPORT_ROWS + 1);
    const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} /s`;
    lines.push(
      `| ${backend} | Create an account (API), no subscription | ${median(plain).toFixed(1)} / ${p99(plain).toFixed(1)} ms | — |`,
      `| ${backend} | Create an account (API), subscribed to every event | ${median(subscribed).toFixed(1)} / ${p99(subscribed).toFixed(1)} ms | — |`,
      `| ${backend} | Deliver ${WRITES} account.created events (signed, loopback) | ${(burstMs / 1000).toFixed(1)} s | ${rate(WRITES, burstMs)} |`,
      `| ${backend} | Import ${IMPORT_ROWS.toLocaleString('en')} accounts (.xlsx) with the subscription | ${(importMs / 1000).toFixed(1)} s | ${rate(IMPORT_ROWS, importMs)} |`,
      `| ${backend} | … then deliver its ${IMPORT_ROWS.toLocaleString('en')} events (+ import.finished) | ${(importDrainMs / 1000).toFixed(1)} s | ${rate(IMPORT_ROWS, importDrainMs)} |`,
    );
    console.log(lines.slice(-5).join('\n'));
  } finally {
    await app.close();
    await done();
  }
}
await rx.close();
console.log(['| Backend | Scenario | p50 / p99 or time | Rate |', '| --- | --- | ---: | ---: |', ...lines].join('\n'));
