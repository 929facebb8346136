import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { isProspect, rankProspects } from '../../../core/prospects.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { PoolPage, ProspectList } from '../../../core/schemas/pool.ts';

type User = Awaited<ReturnType<Factories['user']>>;

let t: TestApp;
let f: Factories;
let manager: User, r1: User, r2: User, r3: User, viewer: User;
let stages: Stage[];
const a: Record<string, AccountDetail> = {};

const setScore = (id: string, score: number | null) =>
  t.database.db.execute(sql`update accounts set score = ${score} where id = ${id}`);
const stage = (kind: 'won' | 'lost') => stages.find((s) => s.kind === kind)!.id;
const version = async (id: string) => (await f.admin.get(`/api/accounts/${id}`)).json<AccountDetail>().version;
const prospects = async (client: { get(url: string): Promise<{ json(): unknown }> }, query = '') =>
  (await client.get(`/api/analysis/prospects${query}`)).json() as ProspectList;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json<{ items: Stage[] }>().items;
  const east = await f.team({ name: '华东' });
  manager = await f.user({ role: 'manager', teamId: east.id, name: '经理' });
  r1 = await f.user({ teamId: east.id, managerId: manager.id, name: '甲' });
  r2 = await f.user({ teamId: east.id, managerId: manager.id, name: '乙' });
  r3 = await f.user({ name: '丙' });
  viewer = await f.user({ role: 'viewer', teamId: east.id });
  const scores: [string, User, number | null][] = [
    ['a1', r1, 90],
    ['a2', r1, 70],
    ['a3', r1, null],
    ['a4', r1, 40],
    ['a5', r1, 40],
    ['a6', r1, 10],
    ['b1', r2, 50],
    ['b2', r2, null],
    ['c1', r3, 80],
  ];
  for (const [key, owner, score] of scores) {
    a[key] = await f.account(owner.client, { name: `客户${key}` });
    await setScore(a[key].id, score);
  }
  await f.deal(r1.client, { accountId: a.a2.id, stageId: stage('won') }); // won revenue: not a prospect
  await f.deal(r1.client, { accountId: a.a4.id, stageId: stage('lost') }); // a lost deal does not count
  // Billed ¥95.9M before OpenKAM (上海六院 in the demo): a customer, not a prospect, won deal or not.
  a.billed = await f.account(r1.client, { name: '客户billed', ourRevenue: '95900000.00' });
  await setScore(a.billed.id, 95);
  a.zero = await f.account(r2.client, { name: '客户zero', ourRevenue: '0' }); // zero revenue is none
  a.archived = await f.account(r1.client, { name: '已归档客户' });
  await f.admin.post(`/api/accounts/${a.archived.id}/archive`, { version: a.archived.version });
  a.unowned = await f.account(f.admin, { name: '无主客户', ownerId: null, industryCode: '83' });
});
afterAll(() => t.close());

describe('prospects', () => {
  it("ranks a rep's accounts without won deals by score, unscored last, and flags the bottom 35%", async () => {
    const list = await prospects(r1.client);
    expect(list.items.map((i) => [i.name, i.rank, i.score, i.dropCandidate])).toEqual([
      ['客户a1', 1, 90, false],
      ['客户a4', 2, 40, false],
      ['客户a5', 3, 40, false],
      ['客户a6', 4, 10, true],
      ['客户a3', 5, null, true],
    ]);
    expect(list).toMatchObject({ total: 5, dropCandidates: 2, dropCut: '1.75', unscored: 1, dropShare: 0.35 });
    expect(list.items[0]).toMatchObject({ ownerId: r1.id, ownerName: '甲', review: null, reviewedAt: null });

    const page = await prospects(r1.client, '?limit=2&offset=3');
    expect(page.items.map((i) => [i.rank, i.dropCandidate])).toEqual([
      [4, true],
      [5, true],
    ]);
    expect(page.total).toBe(5);
    const past = await prospects(r1.client, '?offset=10');
    expect(past).toMatchObject({ items: [], total: 5, dropCandidates: 2, unscored: 1 });
  });

  it("the SQL ranking equals core's over the admin's whole list", async () => {
    const rows = await rowsOf<{
      id: string;
      name: string;
      score: number | null;
      ourRevenue: string | null;
      wonDeals: number;
    }>(
      t.database.db,
      sql`select a.id, a.name, a.score, a.our_revenue::text as "ourRevenue",
                 (select count(*)::int from opportunities o where o.account_id = a.id and o.status = 'won') as "wonDeals"
            from accounts a where a.org_id = ${f.orgId} and a.owner_id is not null and a.archived_at is null`,
    );
    const expected = rankProspects(rows.filter(isProspect), 0.35).map((r) => [r.id, r.rank, r.dropCandidate]);
    const list = await prospects(f.admin, '?limit=500');
    expect(list.items.map((i) => [i.accountId, i.rank, i.dropCandidate])).toEqual(expected);
    expect(list.total).toBe(9);
    expect(list.items.map((i) => i.name)).toContain('客户zero');
    expect(list.items.map((i) => i.name)).not.toContain('客户billed');
    expect(list.items.map((i) => i.name)).not.toContain('无主客户');
  });

  it("stays in the caller's scope; the owner filter ranks that person's list", async () => {
    const team = await prospects(manager.client, '?limit=500');
    expect(team.items.map((i) => i.name).sort()).toEqual([
      '客户a1',
      '客户a3',
      '客户a4',
      '客户a5',
      '客户a6',
      '客户b1',
      '客户b2',
      '客户zero',
    ]);
    const ofR2 = await prospects(manager.client, `?owner=${r2.id}`);
    expect(ofR2.items.map((i) => [i.name, i.dropCandidate])).toEqual([
      ['客户b1', false],
      ['客户zero', true],
      ['客户b2', true],
    ]);
    expect((await prospects(r3.client, `?owner=${r1.id}`)).total).toBe(0);
    expect((await prospects(r3.client)).items.map((i) => i.name)).toEqual(['客户c1']);
  });

  it('follows the configured share', async () => {
    expect((await f.admin.put('/api/settings/prospects', { dropShare: 0.5, claimLimit: 20 })).statusCode).toBe(200);
    expect((await prospects(r1.client)).items.map((i) => i.dropCandidate)).toEqual([false, false, true, true, true]);
    await f.admin.put('/api/settings/prospects', { dropShare: 0.35, claimLimit: 20 });
  });
});

describe('prospect review', () => {
  it('keep records the decision with history; a stale version answers 409', async () => {
    const v = await version(a.a6.id);
    const res = await r1.client.post(`/api/accounts/${a.a6.id}/review`, { decision: 'keep', version: v });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      accountId: a.a6.id,
      decision: 'keep',
      ownerId: r1.id,
      archived: false,
      version: v + 1,
    });
    const item = (await prospects(r1.client)).items.find((i) => i.accountId === a.a6.id);
    expect(item?.review).toBe('keep');
    expect(item?.reviewedAt).not.toBeNull();
    const history = (await r1.client.get(`/api/accounts/${a.a6.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'prospectReview', old: null, new: 'keep' }],
    });
    expect((await r1.client.post(`/api/accounts/${a.a6.id}/review`, { decision: 'keep', version: v })).statusCode).toBe(
      409,
    );
  });

  it('refuses viewers, callers out of scope, account-team members and bad decisions', async () => {
    const v = await version(a.a5.id);
    expect(
      (await viewer.client.post(`/api/accounts/${a.a5.id}/review`, { decision: 'keep', version: v })).statusCode,
    ).toBe(403);
    expect((await r3.client.post(`/api/accounts/${a.a5.id}/review`, { decision: 'pool', version: v })).statusCode).toBe(
      404,
    );
    const put = await r1.client.put(`/api/accounts/${a.a5.id}/members`, {
      members: [{ userId: r3.id, role: 'member' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (await r3.client.post(`/api/accounts/${a.a5.id}/review`, { decision: 'pool', version: put.json().version }))
        .statusCode,
    ).toBe(403);
    const bad = await r1.client.post(`/api/accounts/${a.a5.id}/review`, {
      decision: 'drop',
      version: put.json().version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('decision');
  });

  it('pool leaves the account without owner or team, in the pool, with history', async () => {
    const contact = await f.contact(r1.client, { accountId: a.a5.id, name: '池中联系人' });
    const lost = await f.deal(r1.client, { accountId: a.a5.id, stageId: stage('lost') });
    const v = await version(a.a5.id);
    const res = await r1.client.post(`/api/accounts/${a.a5.id}/review`, { decision: 'pool', version: v });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'pool', ownerId: null, archived: false });
    const [row] = await rowsOf<{
      owner_id: string | null;
      pooled: boolean;
      claimed_at: string | null;
      members: number;
    }>(
      t.database.db,
      sql`select owner_id, pooled_at is not null as pooled, claimed_at, (select count(*)::int from account_members m where m.account_id = a.id) as members from accounts a where id = ${a.a5.id}`,
    );
    expect(row).toEqual({ owner_id: null, pooled: true, claimed_at: null, members: 0 });
    // Nobody in a scope sees it any more, not even its former team member.
    expect((await r1.client.get(`/api/accounts/${a.a5.id}`)).statusCode).toBe(404);
    expect((await r3.client.get(`/api/accounts/${a.a5.id}`)).statusCode).toBe(404);
    expect((await r1.client.get(`/api/contacts/${contact.id}`)).statusCode).toBe(404);
    const history = (await f.admin.get(`/api/accounts/${a.a5.id}/history`)).json().items;
    expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual([
      'ownerId',
      'prospectReview',
      'pooledAt',
      'members',
    ]);
    expect(history[0].changes[0]).toEqual({ field: 'ownerId', old: r1.id, new: null });
    Object.assign(a, { pooledContact: { id: contact.id }, pooledDeal: { id: lost.id } });
  });

  it('refuses to pool an account with open deals, and archives through the archive action', async () => {
    await f.deal(r1.client, { accountId: a.a1.id });
    const open = await r1.client.post(`/api/accounts/${a.a1.id}/review`, {
      decision: 'pool',
      version: await version(a.a1.id),
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('account_has_open_deals');
    const archived = await manager.client.post(`/api/accounts/${a.a3.id}/review`, {
      decision: 'archive',
      version: await version(a.a3.id),
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const detail = (await r1.client.get(`/api/accounts/${a.a3.id}`)).json<AccountDetail>();
    expect(detail).toMatchObject({ archived: true, ownerId: r1.id });
    const history = (await r1.client.get(`/api/accounts/${a.a3.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'archive',
      actorName: '经理',
      changes: [{ field: 'prospectReview', old: null, new: 'archive' }],
    });
    expect((await prospects(r1.client)).items.map((i) => i.name)).not.toContain('客户a3');
    const again = await manager.client.post(`/api/accounts/${a.a3.id}/review`, {
      decision: 'keep',
      version: detail.version,
    });
    expect(again.json().code).toBe('account_archived');
  });
});

describe('the shared pool', () => {
  it('shows every unowned active account to any rep, whatever their scope; not to viewers', async () => {
    const page = (await r3.client.get('/api/pool')).json<PoolPage>();
    // Pooled ones first, longest waiting first; the never-pooled unowned account after them.
    expect(page.items.map((i) => i.name)).toEqual(['客户a5', '无主客户']);
    expect(page.items[0]).toMatchObject({ id: a.a5.id, ownershipType: 'soe', score: 40 });
    expect(page.items[0].pooledAt).not.toBeNull();
    expect(page.items[1].pooledAt).toBeNull();
    // The industry in the reader's language (GB/T 4754 names), Chinese by default.
    expect(page.items[1].industry).toBe('教育');
    const en = (await r3.client.get('/api/pool', { 'accept-language': 'en' })).json<PoolPage>();
    expect(en.items[1].industry).toBe('Education');
    expect(page.myClaims).toEqual({ count: 0, limit: 20 });
    expect((await viewer.client.get('/api/pool')).statusCode).toBe(403);

    const first = (await r3.client.get('/api/pool?limit=1')).json<PoolPage>();
    expect(first.items.map((i) => i.name)).toEqual(['客户a5']);
    const second = (await r3.client.get(`/api/pool?limit=1&cursor=${first.nextCursor}`)).json<PoolPage>();
    expect(second.items.map((i) => i.name)).toEqual(['无主客户']);
    expect(second.nextCursor).toBeNull();
    expect((await r3.client.get('/api/pool?q=无主')).json<PoolPage>().items.map((i) => i.name)).toEqual(['无主客户']);
    expect((await r3.client.get('/api/pool?cursor=bogus')).json().fields[0].path).toBe('query.cursor');
  });

  it("a claim makes the account, its contacts and deals the claimer's; a second claim answers 409", async () => {
    const res = await r3.client.post(`/api/pool/${a.a5.id}/claim`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accountId: a.a5.id, ownerId: r3.id, myClaims: { count: 1, limit: 20 } });
    const mine = (await r3.client.get('/api/accounts')).json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(mine).toContain(a.a5.id);
    expect((await r3.client.get(`/api/contacts/${(a.pooledContact as { id: string }).id}`)).statusCode).toBe(200);
    expect((await r3.client.get(`/api/opportunities/${(a.pooledDeal as { id: string }).id}`)).statusCode).toBe(200);
    expect((await r3.client.get(`/api/contacts?accountId=${a.a5.id}`)).json().items).toHaveLength(1);
    const history = (await r3.client.get(`/api/accounts/${a.a5.id}/history`)).json().items;
    expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual(['ownerId', 'claimedAt', 'pooledAt']);

    const again = await r1.client.post(`/api/pool/${a.a5.id}/claim`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_claimed');
    expect((await r1.client.post(`/api/pool/${a.c1.id}/claim`)).statusCode).toBe(404);
    expect((await r1.client.post(`/api/pool/${a.archived.id}/claim`)).statusCode).toBe(404);
    expect((await viewer.client.post(`/api/pool/${a.unowned.id}/claim`)).statusCode).toBe(403);
    expect((await r3.client.get('/api/pool')).json<PoolPage>().myClaims).toEqual({ count: 1, limit: 20 });
  });

  it('of two reps racing for one account, one gets it and the other 409', async () => {
    const results = await Promise.all([
      r1.client.post(`/api/pool/${a.unowned.id}/claim`),
      r2.client.post(`/api/pool/${a.unowned.id}/claim`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await rowsOf<{ owner_id: string }>(
      t.database.db,
      sql`select owner_id from accounts where id = ${a.unowned.id}`,
    );
    expect(row.owner_id).toBe(results[0].statusCode === 200 ? r1.id : r2.id);
  });

  it('holds a rep to the claim limit, even with two claims at once', async () => {
    const extra = [];
    for (const name of ['池一', '池二', '池三']) extra.push(await f.account(f.admin, { name, ownerId: null }));
    expect((await f.admin.put('/api/settings/prospects', { dropShare: 0.35, claimLimit: 2 })).statusCode).toBe(200);
    // r3 holds one claimed account: room for exactly one more.
    const results = await Promise.all(extra.slice(0, 2).map((x) => r3.client.post(`/api/pool/${x.id}/claim`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json()).toMatchObject({
      code: 'claim_limit',
      messages: { zh: expect.stringContaining('2 个'), en: expect.stringContaining('(2)') },
    });
    expect((await r3.client.post(`/api/pool/${extra[2].id}/claim`)).json().code).toBe('claim_limit');
    expect((await r3.client.get('/api/pool')).json<PoolPage>().myClaims).toEqual({ count: 2, limit: 2 });
    await f.admin.put('/api/settings/prospects', { dropShare: 0.35, claimLimit: 20 });
  });
});

describe('prospect settings', () => {
  it('everyone reads them, admins write them, bad values name the field, other settings stay', async () => {
    await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [14] });
    expect((await r1.client.get('/api/settings/prospects')).json()).toEqual({ dropShare: 0.35, claimLimit: 20 });
    expect((await r1.client.put('/api/settings/prospects', { dropShare: 0.3, claimLimit: 5 })).statusCode).toBe(403);
    const bad = async (body: unknown) => {
      const res = await f.admin.put('/api/settings/prospects', body);
      expect(res.statusCode).toBe(400);
      return res.json().fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`);
    };
    expect(await bad({ dropShare: 0, claimLimit: 5 })).toEqual(['dropShare:exclusive_minimum']);
    expect(await bad({ dropShare: 1, claimLimit: 5 })).toEqual(['dropShare:exclusive_maximum']);
    expect(await bad({ dropShare: 0.3, claimLimit: 0 })).toEqual(['claimLimit:minimum']);
    expect(await bad({ dropShare: 0.3, claimLimit: 1.5 })).toEqual(['claimLimit:type']);
    expect(await bad({ dropShare: 0.3 })).toEqual(['claimLimit:required']);
    const ok = await f.admin.put('/api/settings/prospects', { dropShare: 0.3, claimLimit: 5 });
    expect(ok.json()).toEqual({ dropShare: 0.3, claimLimit: 5 });
    expect((await r1.client.get('/api/settings/activities')).json()).toEqual({ afterSalesCadenceDays: [14] });
  });
});

describe('OpenAPI', () => {
  it('documents the prospect and pool routes', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json();
    for (const [path, method, tag] of [
      ['/api/analysis/prospects', 'get', 'pool'],
      ['/api/accounts/{id}/review', 'post', 'pool'],
      ['/api/pool', 'get', 'pool'],
      ['/api/pool/{id}/claim', 'post', 'pool'],
      ['/api/settings/prospects', 'put', 'settings'],
    ]) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
    expect(
      doc.paths['/api/settings/prospects'].put.requestBody.content['application/json'].schema.properties.dropShare,
    ).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
  });
});
