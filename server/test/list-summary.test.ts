// 共 N 条 and the sum of amounts: each list's summary counts every match of the same filter in the
// caller's data scope (not the page), and sums its money exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from './helper.ts';
import { seedOrg, type Factories } from './factories.ts';
import type { ErrorBody, ListSummary, PageOf } from '../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let other: Client;
let manager: Client;
let repId: string;
const TAG = '合计测试';

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const team = await f.team();
  const m = await f.user({ role: 'manager', teamId: team.id });
  const r = await f.user({ role: 'rep', teamId: team.id, managerId: m.id });
  const o = await f.user({ role: 'rep' });
  manager = m.client;
  rep = r.client;
  other = o.client;
  repId = r.id;
  // The rep: three accounts (revenue 0.10 + 0.20 + 1,000,000,000.05, exact in cents), two deals, a
  // contact, a call and a task. The other rep (another team): one of each, outside the rep's scope.
  const revenues = ['0.10', '0.20', '1000000000.05'];
  const mine = [];
  for (const ourRevenue of revenues) mine.push(await f.account(rep, { tags: [TAG], ourRevenue }));
  const theirs = await f.account(other, { tags: [TAG], ourRevenue: '500' });
  for (const [client, accountId, amount] of [
    [rep, mine[0].id, '0.10'],
    [rep, mine[1].id, '1234567.89'],
    [other, theirs.id, '700'],
  ] as const) {
    await f.deal(client, { accountId, amount, name: `${TAG}商机` });
    await f.contact(client, { accountId, name: `${TAG}联系人` });
    const call = await client.post('/api/activities', {
      type: 'visit',
      subject: `${TAG}拜访`,
      accountId,
      plannedStart: '2030-03-04T01:30:00.000Z',
      plannedEnd: '2030-03-04T03:00:00.000Z',
    });
    expect(call.statusCode).toBe(201);
    expect(
      (await client.post('/api/tasks', { title: `${TAG}任务`, dueDate: '2030-06-01', accountId })).statusCode,
    ).toBe(201);
  }
  await f.account(f.admin, { ownerId: null, name: `${TAG}无主` });
});
afterAll(() => t.close());

const summary = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListSummary>();
};

describe('list summaries', () => {
  it('accounts: count and exact revenue sum of the filter, a rep only their own', async () => {
    expect(await summary(rep, `/api/accounts/summary?tag=${TAG}`)).toEqual({ count: 3, amount: '1000000000.35' });
    expect(await summary(manager, `/api/accounts/summary?tag=${TAG}`)).toEqual({ count: 3, amount: '1000000000.35' });
    expect(await summary(f.admin, `/api/accounts/summary?tag=${TAG}`)).toEqual({ count: 4, amount: '1000000500.35' });
    // The same filter narrows both, and the count agrees with the rows the list pages through.
    expect(await summary(f.admin, `/api/accounts/summary?tag=${TAG}&ownerId=${repId}`)).toMatchObject({ count: 3 });
    const page = (await f.admin.get(`/api/accounts?tag=${TAG}&limit=200`)).json<PageOf<unknown>>();
    expect(page.items).toHaveLength(4);
  });

  it('deals: count and amount sum over the filter and the search, in scope', async () => {
    expect(await summary(rep, `/api/opportunities/summary?q=${TAG}`)).toEqual({ count: 2, amount: '1234567.99' });
    expect(await summary(f.admin, `/api/opportunities/summary?q=${TAG}`)).toEqual({ count: 3, amount: '1235267.99' });
    expect(await summary(f.admin, `/api/opportunities/summary?q=${TAG}&status=won`)).toEqual({
      count: 0,
      amount: '0.00',
    });
  });

  it('contacts, calls, tasks and the pool: counts in scope', async () => {
    expect(await summary(rep, `/api/contacts/summary?q=${TAG}`)).toEqual({ count: 2 });
    expect(await summary(f.admin, `/api/contacts/summary?q=${TAG}`)).toEqual({ count: 3 });
    expect(await summary(rep, `/api/activities/summary?q=${TAG}`)).toEqual({ count: 2 });
    expect(await summary(f.admin, `/api/activities/summary?q=${TAG}`)).toEqual({ count: 3 });
    expect(await summary(rep, `/api/tasks/summary?q=${TAG}`)).toEqual({ count: 2 });
    expect(await summary(f.admin, `/api/tasks/summary?q=${TAG}`)).toEqual({ count: 3 });
    expect(await summary(rep, `/api/pool/summary?q=${TAG}`)).toEqual({ count: 1 });
  });

  it('takes the list filter schema: bad filters are 400s naming the field', async () => {
    const res = await rep.get('/api/opportunities/summary?status=nope');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json<ErrorBody>())).toContain('status');
    expect((await rep.get('/api/accounts/summary?region=999999')).statusCode).toBe(400);
  });
});

describe('calls: the count stops at the cap', () => {
  let capped: TestApp;
  afterAll(() => capped?.close());

  it('says "N+" past OPENKAM_LIST_COUNT_CAP instead of counting every call of the years', async () => {
    capped = await build({ listCountCap: 2 });
    const g = await seedOrg(capped.app);
    const account = await g.account(g.admin);
    for (const day of ['04', '05', '06']) {
      const res = await g.admin.post('/api/activities', {
        type: 'visit',
        subject: '封顶测试',
        accountId: account.id,
        plannedStart: `2030-03-${day}T01:30:00.000Z`,
        plannedEnd: `2030-03-${day}T03:00:00.000Z`,
      });
      expect(res.statusCode).toBe(201);
    }
    const get = async (path: string) => (await g.admin.get(path)).json<ListSummary>();
    expect(await get('/api/activities/summary')).toEqual({ count: 2, capped: true });
    expect(await get('/api/activities/summary?from=2030-03-05T00:00:00.000Z')).toEqual({ count: 2 });
  });
});

describe('the recycle bin and the scores list', () => {
  const BIN = '回收合计';
  let mine: { id: string }[];

  beforeAll(async () => {
    // The rep deletes an account and a contact, the other rep an account: the rep's bin holds their two.
    const gone = await f.account(rep, { name: `${BIN}客户` });
    const host = await f.account(rep, { name: `${BIN}宿主` });
    const contact = await f.contact(rep, { accountId: host.id, name: `${BIN}联系人` });
    const theirs = await f.account(other, { name: `${BIN}别人的客户` });
    for (const [client, url] of [
      [rep, `/api/contacts/${contact.id}`],
      [rep, `/api/accounts/${gone.id}`],
      [rep, `/api/accounts/${host.id}`],
      [other, `/api/accounts/${theirs.id}`],
    ] as const) {
      const res = await client.delete(url);
      expect(res.statusCode, res.body).toBe(204);
    }
    mine = (await rep.get('/api/analysis/scores?limit=200')).json<PageOf<{ id: string }>>().items;
  });

  it('recycle bin: counts the entries in scope that the kind and the search match', async () => {
    expect(await summary(rep, `/api/recycle-bin/summary?q=${BIN}`)).toEqual({ count: 3 });
    expect(await summary(manager, `/api/recycle-bin/summary?q=${BIN}`)).toEqual({ count: 3 });
    expect(await summary(other, `/api/recycle-bin/summary?q=${BIN}`)).toEqual({ count: 1 });
    expect(await summary(f.admin, `/api/recycle-bin/summary?q=${BIN}`)).toEqual({ count: 4 });
    expect(await summary(rep, `/api/recycle-bin/summary?q=${BIN}&entity=contact`)).toEqual({ count: 1 });
    expect(await summary(f.admin, `/api/recycle-bin/summary?q=${BIN}&entity=account`)).toEqual({ count: 3 });
    // The count agrees with the rows the list pages through, without the search too.
    const page = (await f.admin.get('/api/recycle-bin?limit=200')).json<PageOf<unknown>>();
    expect(await summary(f.admin, '/api/recycle-bin/summary')).toEqual({ count: page.items.length });
  });

  it('scores: counts the live accounts in scope that the tier filters match', async () => {
    // The rep's three accounts of the tests above; the deleted ones are gone from the list.
    expect(mine).toHaveLength(3);
    expect(await summary(rep, '/api/analysis/scores/summary')).toEqual({ count: 3 });
    expect(await summary(manager, '/api/analysis/scores/summary')).toEqual({ count: 3 });
    const all = (await f.admin.get('/api/analysis/scores?limit=200')).json<PageOf<unknown>>();
    expect(all.items.length).toBeGreaterThan(3);
    expect(await summary(f.admin, '/api/analysis/scores/summary')).toEqual({ count: all.items.length });

    const tiered = await rep.post('/api/accounts/tiers', { items: [{ accountId: mine[0].id, tier: 'A' }] });
    expect(tiered.statusCode, tiered.body).toBe(200);
    expect(await summary(rep, '/api/analysis/scores/summary?tier=A')).toEqual({ count: 1 });
    expect(await summary(rep, '/api/analysis/scores/summary?tier=none')).toEqual({ count: 2 });
    expect(await summary(other, '/api/analysis/scores/summary?tier=A')).toEqual({ count: 0 });
    // Sort, cursor and limit are the list's and change no total.
    expect(await summary(rep, '/api/analysis/scores/summary?sort=name&limit=1')).toEqual({ count: 3 });
  });

  it('takes each list’s filter schema: bad filters are 400s naming the field', async () => {
    const bin = await rep.get('/api/recycle-bin/summary?entity=nope');
    expect(bin.statusCode).toBe(400);
    expect(JSON.stringify(bin.json<ErrorBody>())).toContain('entity');
    const scores = await rep.get('/api/analysis/scores/summary?tier=Z');
    expect(scores.statusCode).toBe(400);
    expect(JSON.stringify(scores.json<ErrorBody>())).toContain('tier');
  });
});
