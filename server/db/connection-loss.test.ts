// A lost PostgreSQL connection (a restart, a failover, pg_terminate_backend) costs the requests that
// were using it a 503 with Retry-After, never a 500 and never the process; the next request gets a
// fresh connection, and /api/health says "down" while the database refuses connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { rowsOf } from './client.ts';
import { build, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import { adminUrl } from '../test/pg.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('a lost PostgreSQL connection', () => {
  let t: TestApp;
  let f: Factories;
  let name: string;
  let admin: pg.Client;

  beforeAll(async () => {
    // Closes the database to connections and kills them: a database of its own.
    t = await build({}, { database: 'fresh' });
    f = await seedOrg(t.app);
    for (let i = 0; i < 20; i++) await f.deal(f.admin, { expectedCloseDate: '2027-03-31' });
    [{ name }] = await rowsOf<{ name: string }>(t.database.db, sql`select current_database() as name`);
    // Outside the app's pool, on another database: it must not be among the connections terminated.
    admin = new pg.Client({ connectionString: adminUrl(url!, 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`alter database ${name} allow_connections true`);
    await admin.end();
    await t.close();
  });

  const terminate = () =>
    admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );

  it('answers 503 with Retry-After while connections are terminated under load, never 500, and recovers at once', async () => {
    const statuses = new Map<number, number>();
    let stop = false;
    const killer = (async () => {
      let kills = 0;
      while (!stop) {
        await terminate();
        kills++;
        await new Promise((r) => setTimeout(r, 25));
      }
      return kills;
    })();
    const worker = async () => {
      for (let i = 0; i < 25; i++) {
        const res = await f.admin.get('/api/forecast?period=2027');
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 503) {
          expect(res.headers['retry-after']).toBe('1');
          expect(res.json()).toMatchObject({ code: 'database_unavailable' });
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    stop = true;
    expect(await killer).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);

    const since = Date.now();
    const res = await f.admin.get('/api/forecast?period=2027');
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.now() - since).toBeLessThan(1000);
  });

  it('health is down while the database refuses connections, and ok again once it accepts them', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      database: 'postgres',
    });
    await admin.query(`alter database ${name} allow_connections false`);
    await terminate();
    const down = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'down', database: 'postgres' });
    const list = await f.admin.get('/api/accounts');
    expect(list.statusCode).toBe(503);

    await admin.query(`alter database ${name} allow_connections true`);
    const since = Date.now();
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await f.admin.get('/api/accounts')).statusCode).toBe(200);
    expect(Date.now() - since).toBeLessThan(1000);
  });
});
