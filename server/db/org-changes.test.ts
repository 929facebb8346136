import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { OrgCache, OrgChanges } from './org-changes.ts';
import { openDatabase, rowsOf, type Database } from './client.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../plugins/config.ts';
import { adminUrl } from '../test/pg.ts';
import { build, clientFor, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import type { App } from '../lib/app-type.ts';

describe('OrgCache', () => {
  const live = () => {
    const c = new OrgChanges();
    c.setLive(true);
    return c;
  };
  let loads = 0;
  const load = (v: string) => async () => {
    loads++;
    return v;
  };

  it('keeps a value until its organisation changes; other organisations keep theirs', async () => {
    const changes = live();
    const cache = new OrgCache<string>(changes, { ttlMs: 60_000, max: 10 });
    loads = 0;
    expect(await cache.get('a', 'k', load('1'))).toBe('1');
    expect(await cache.get('a', 'k', load('2'))).toBe('1');
    expect(await cache.get('b', 'k', load('3'))).toBe('3');
    changes.changed('a');
    expect(await cache.get('a', 'k', load('4'))).toBe('4');
    expect(await cache.get('b', 'k', load('5'))).toBe('3');
    expect(loads).toBe(3);
  });

  it('does not keep a value read while a change was heard: it may predate the change', async () => {
    const changes = live();
    const cache = new OrgCache<string>(changes, { ttlMs: 60_000, max: 10 });
    expect(
      await cache.get('a', 'k', async () => {
        changes.changed('a');
        return 'old';
      }),
    ).toBe('old');
    expect(await cache.get('a', 'k', load('new'))).toBe('new');
  });

  it('caches nothing while the feed is down, and forgets everything when it drops', async () => {
    const changes = new OrgChanges();
    const cache = new OrgCache<string>(changes, { ttlMs: 60_000, max: 10 });
    await cache.get('a', 'k', load('1'));
    expect(cache.peek('a', 'k')).toBeUndefined();
    changes.setLive(true);
    await cache.get('a', 'k', load('2'));
    expect(cache.peek('a', 'k')).toBe('2');
    changes.setLive(false);
    changes.setLive(true);
    expect(cache.peek('a', 'k')).toBeUndefined();
  });

  it('forgets the oldest entry when full, and every entry after its time to live', async () => {
    const changes = live();
    const full = new OrgCache<string>(changes, { ttlMs: 60_000, max: 2 });
    await full.get('a', '1', load('1'));
    await full.get('a', '2', load('2'));
    await full.get('a', '3', load('3'));
    expect([full.peek('a', '1'), full.peek('a', '2'), full.peek('a', '3')]).toEqual([undefined, '2', '3']);
    const brief = new OrgCache<string>(changes, { ttlMs: 0, max: 2 });
    await brief.get('a', '1', load('1'));
    expect(brief.peek('a', '1')).toBeUndefined();
  });
});

/** Another instance's write reaches this one as a notice, a moment after its commit. */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 150 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}

describe('cached sessions and funnel follow the database', () => {
  let t: TestApp;
  let f: Factories;
  beforeAll(async () => {
    t = await build();
    f = await seedOrg(t.app);
  });
  afterAll(() => t.close());

  it('signing out ends the session at once', async () => {
    const u = await f.user();
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await u.client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('an admin deactivating a user or widening their scope through the API applies at once', async () => {
    const u = await f.user({ role: 'rep' });
    const other = await f.account();
    expect((await u.client.get(`/api/accounts/${other.id}`)).statusCode).toBe(404);
    const widened = await f.admin.patch(`/api/users/${u.id}`, { version: u.version, dataScope: 'all' });
    expect(widened.statusCode, widened.body).toBe(200);
    expect((await u.client.get(`/api/accounts/${other.id}`)).statusCode).toBe(200);
    expect(
      (
        await f.admin.patch(`/api/users/${u.id}`, {
          version: widened.json<{ version: number }>().version,
          active: false,
        })
      ).statusCode,
    ).toBe(200);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('joining an account team through the API shows the account at once', async () => {
    const u = await f.user({ role: 'rep' });
    const acc = await f.account();
    expect((await u.client.get(`/api/accounts/${acc.id}`)).statusCode).toBe(404);
    const res = await f.admin.put(`/api/accounts/${acc.id}/members`, { members: [{ userId: u.id, role: 'member' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await u.client.get(`/api/accounts/${acc.id}`)).statusCode).toBe(200);
  });

  it('writes made outside this instance (straight to the database) reach its cache', async () => {
    const u = await f.user({ role: 'rep' });
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db.execute(sql`update users set active = false where id = ${u.id}`);
    await eventually(async () => (await u.client.get('/api/auth/me')).statusCode === 401);

    const board = async () =>
      (await f.admin.get('/api/pipeline/board')).json<{ columns: { stage: { name: string } }[] }>().columns[0].stage
        .name;
    const first = await board();
    await t.database.db.execute(
      sql`update stages set name = 'renamed elsewhere' where org_id = ${f.orgId} and name = ${first}`,
    );
    await eventually(async () => (await board()) === 'renamed elsewhere');
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  let t: TestApp;
  let f: Factories;
  let second: { app: App; database: Database };
  beforeAll(async () => {
    t = await build();
    f = await seedOrg(t.app);
    const [{ name }] = await rowsOf<{ name: string }>(t.database.db, sql`select current_database() as name`);
    const database = await openDatabase({ databaseUrl: adminUrl(process.env.TEST_DATABASE_URL!, name), poolSize: 2 });
    second = { app: await buildApp({ config: loadConfig({}), database }), database };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database.close();
    await t.close();
  });

  it('a session ended on one instance is refused by the other', async () => {
    const u = await f.user();
    const there = clientFor(second.app, u.client.cookie);
    expect((await there.get('/api/auth/me')).statusCode).toBe(200);
    expect((await u.client.post('/api/auth/logout')).statusCode).toBe(200);
    await eventually(async () => (await there.get('/api/auth/me')).statusCode === 401);
  });

  it('a lost listening connection voids the cache and is reopened; changes in the gap are not missed', async () => {
    const listeners = async () =>
      (
        await rowsOf<{ pid: number }>(
          t.database.db,
          sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen%'`,
        )
      ).map((r) => r.pid);
    const before = await listeners();
    expect(before.length).toBeGreaterThan(0);
    const [a, b] = [await f.user(), await f.user()];
    expect((await a.client.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where pid = any(${`{${before.join(',')}}`}::int[])`,
    );
    await t.database.db.execute(sql`update users set active = false where id = ${a.id}`);
    await eventually(async () => (await a.client.get('/api/auth/me')).statusCode === 401);
    // Both apps listen again, on new connections, and hear changes as before.
    await eventually(async () => (await listeners()).filter((pid) => !before.includes(pid)).length >= before.length);
    expect((await b.client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.client.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db.execute(sql`update users set active = false where id = ${b.id}`);
    await eventually(async () => (await b.client.get('/api/auth/me')).statusCode === 401);
  });
});
