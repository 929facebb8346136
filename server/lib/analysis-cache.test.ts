import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import { rowsOf, type Db } from '../db/client.ts';
import { analysisKey, cached, type DataDep } from './analysis-cache.ts';
import type { Actor } from '../access/index.ts';

let t: TestApp;
let f: Factories;
let db: Db;
let admin: Actor;

const actor = (scopeUserIds: string[] | null, teamAccountIds: string[] = []): Actor => ({
  ...admin,
  scopeUserIds,
  teamAccountIds,
});

const versions = async () =>
  (
    await rowsOf<{ accounts: string; deals: string }>(
      db,
      sql`select accounts::text, deals::text from data_versions where org_id = ${admin.orgId}`,
    )
  )[0];

/** A cached read that counts its computations and returns which one it is. */
function counter(route: string, deps: DataDep[]) {
  let computed = 0;
  return {
    get computed() {
      return computed;
    },
    read: (who: Actor = admin) =>
      cached(db, who.orgId, analysisKey(route, who, {}), deps, async () => ({ n: ++computed })),
  };
}

beforeAll(async () => {
  t = await build();
  db = t.database.db;
  f = await seedOrg(t.app);
  const [org] = await rowsOf<{ id: string; user_id: string }>(
    db,
    sql`select o.id, u.id as user_id from orgs o join users u on u.org_id = o.id where o.id = ${f.orgId}`,
  );
  admin = {
    orgId: org.id,
    userId: org.user_id,
    role: 'admin',
    dataScope: 'all',
    teamId: null,
    lang: 'en',
    scopeUserIds: null,
    teamAccountIds: [],
  };
});
afterAll(() => t.close());

describe('the analysis cache', () => {
  it('returns the stored payload without computing while nothing changed', async () => {
    const c = counter('hit', ['accounts']);
    expect(await c.read()).toEqual({ n: 1 });
    expect(await c.read()).toEqual({ n: 1 });
    expect(await c.read()).toEqual({ n: 1 });
    expect(c.computed).toBe(1);
  });

  it('recomputes after an account is inserted, updated or deleted: one bump per statement', async () => {
    const c = counter('accounts', ['accounts']);
    await c.read();
    const before = Number((await versions())?.accounts ?? 0);
    const account = await f.account();
    expect(await c.read()).toEqual({ n: 2 });
    await db.execute(sql`update accounts set potential = 1 where org_id = ${admin.orgId}`);
    expect(await c.read()).toEqual({ n: 3 });
    await db.execute(sql`delete from accounts where org_id = ${admin.orgId} and id = ${account.id}`);
    expect(await c.read()).toEqual({ n: 4 });
    expect(await c.read()).toEqual({ n: 4 });
    // The insert's request may write the account more than once (the row, its score); the update and the delete once each.
    expect(Number((await versions()).accounts) - before).toBeGreaterThanOrEqual(3);
    await f.account();
    await f.account();
    const now = Number((await versions()).accounts);
    await db.execute(sql`update accounts set potential = 2 where org_id = ${admin.orgId}`);
    expect(Number((await versions()).accounts)).toBe(now + 1);
  });

  it('ignores open-deal edits; a deal that is or was won bumps deals', async () => {
    const deal = await f.deal();
    const c = counter('deals', ['deals']);
    await c.read();
    const d0 = (await versions()).deals;
    await db.execute(sql`update opportunities set amount = 200000 where org_id = ${admin.orgId} and id = ${deal.id}`);
    expect((await versions()).deals).toBe(d0);
    expect(await c.read()).toEqual({ n: 1 });

    await db.execute(
      sql`update opportunities set status = 'won', closed_at = now() where org_id = ${admin.orgId} and id = ${deal.id}`,
    );
    const d1 = (await versions()).deals;
    expect(Number(d1)).toBe(Number(d0) + 1);
    expect(await c.read()).toEqual({ n: 2 });
    await db.execute(sql`update opportunities set amount = 300000 where org_id = ${admin.orgId} and id = ${deal.id}`);
    expect(await c.read()).toEqual({ n: 3 });
    // Reopened: the row was won, so the won amounts change.
    await db.execute(
      sql`update opportunities set status = 'open', closed_at = null where org_id = ${admin.orgId} and id = ${deal.id}`,
    );
    expect(await c.read()).toEqual({ n: 4 });
    expect(Number((await versions()).deals)).toBe(Number(d0) + 3);
  });

  it('keeps an entry valid across changes to data it does not depend on', async () => {
    const c = counter('accounts only', ['accounts']);
    await c.read();
    const deal = await f.deal();
    await c.read();
    const n = c.computed;
    await db.execute(
      sql`update opportunities set status = 'won', closed_at = now() where org_id = ${admin.orgId} and id = ${deal.id}`,
    );
    await c.read();
    expect(c.computed).toBe(n);
  });

  it('keeps separate entries per scope; callers with the same scope share one', async () => {
    const c = counter('scopes', ['accounts']);
    const rep = actor(['u1']);
    const sameRep = actor(['u1']);
    const withTeam = actor(['u1'], ['a1']);
    expect(await c.read(admin)).toEqual({ n: 1 });
    expect(await c.read(rep)).toEqual({ n: 2 });
    expect(await c.read(withTeam)).toEqual({ n: 3 });
    expect(await c.read(sameRep)).toEqual({ n: 2 });
    expect(await c.read(admin)).toEqual({ n: 1 });
    expect(analysisKey('x', actor(['b', 'a']), { p: 1 })).toBe(analysisKey('x', actor(['a', 'b']), { p: 1 }));
    expect(analysisKey('x', admin, { p: 1 })).not.toBe(analysisKey('x', admin, { p: 2 }));
  });

  it('serves Pareto and the scores matrix from one stored entry each until accounts change', async () => {
    const entries = async () =>
      rowsOf<{ key: string; computed_at: string }>(
        db,
        sql`select key, computed_at::text from analysis_cache where org_id = ${admin.orgId} order by key`,
      );
    const read = async () => [
      (await f.admin.get('/api/analysis/pareto')).json(),
      (await f.admin.get('/api/analysis/scores')).json(),
    ];
    const before = await entries();
    const first = await read();
    const stored = await entries();
    expect(stored.length).toBe(before.length + 2);
    expect(await read()).toEqual(first);
    expect(await entries()).toEqual(stored);
    await f.account(f.admin, { ourRevenue: '100' });
    const [pareto] = await read();
    expect(pareto.accounts).toBe(first[0].accounts + 1);
  });

  it('drops the organisation’s day-old entries when it stores one', async () => {
    await db.execute(
      sql`update analysis_cache set computed_at = now() - interval '2 days' where org_id = ${admin.orgId}`,
    );
    await counter('fresh', ['accounts']).read();
    const keys = await rowsOf<{ key: string }>(db, sql`select key from analysis_cache where org_id = ${admin.orgId}`);
    expect(keys).toEqual([{ key: analysisKey('fresh', admin, {}) }]);
  });
});
