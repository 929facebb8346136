import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import { MAX_QUERY_LENGTH, type SavedViewOut as View } from './service.ts';

let t: TestApp;
let f: Factories;
let alice: Client;
let bob: Client;
let viewer: Client;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  alice = (await f.user({ role: 'rep' })).client;
  bob = (await f.user({ role: 'rep' })).client;
  viewer = (await f.user({ role: 'viewer' })).client;
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const paths = (res: { json<T>(): T }) => (res.json<ErrorBody>().fields ?? []).map((x) => x.path).sort();
const save = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post('/api/views', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<View>();
};
const names = async (client: Client, query = '') =>
  (await client.get(`/api/views${query}`)).json<{ items: View[] }>().items.map((v) => v.name);

describe('saved views', () => {
  it('saves views with their query as given and lists them per list', async () => {
    const query = { stageId: UNKNOWN, healthBelow: 50, sort: '-amount', flags: ['no_coach'], nested: { a: null } };
    const v = await save(alice, { list: 'opportunities', name: '  低健康度商机 ', query });
    expect(v).toEqual({ id: v.id, list: 'opportunities', name: '低健康度商机', query });
    await save(alice, { list: 'opportunities', name: '本季度签约', query: { closeTo: '2025-03-31' } });
    await save(alice, { list: 'accounts', name: 'A 类客户', query: { tier: 'A' } });
    expect(await names(alice, '?list=opportunities')).toEqual(expect.arrayContaining(['低健康度商机', '本季度签约']));
    expect(await names(alice, '?list=opportunities')).toHaveLength(2);
    expect(await names(alice, '?list=accounts')).toEqual(['A 类客户']);
    expect(await names(alice, '?list=contacts')).toEqual([]);
    expect(await names(alice)).toHaveLength(3);
  });

  it('each user sees and deletes only their own views', async () => {
    const mine = await save(bob, { list: 'contacts', name: 'Bob 的联系人', query: {} });
    expect(await names(bob, '?list=contacts')).toEqual(['Bob 的联系人']);
    expect(await names(alice, '?list=contacts')).toEqual([]);
    expect(await names(f.admin)).toEqual([]);
    // Someone else's view does not exist for you, admins included.
    expect((await alice.delete(`/api/views/${mine.id}`)).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/views/${mine.id}`)).statusCode).toBe(404);
    expect(await names(bob, '?list=contacts')).toEqual(['Bob 的联系人']);
    expect((await bob.delete(`/api/views/${mine.id}`)).statusCode).toBe(204);
    expect(await names(bob)).toEqual([]);
    expect((await bob.delete(`/api/views/${mine.id}`)).statusCode).toBe(404);
  });

  it('viewers may save their own views', async () => {
    const v = await save(viewer, { list: 'accounts', name: '我的关注', query: { q: '医院' } });
    expect(await names(viewer)).toEqual(['我的关注']);
    expect((await viewer.delete(`/api/views/${v.id}`)).statusCode).toBe(204);
  });

  it('rejects bad input with the field named', async () => {
    const bad = await alice.post('/api/views', { list: 'deals', name: '', query: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['list', 'name', 'query']);
    expect(paths(await alice.post('/api/views', { list: 'accounts', name: '   ', query: {} }))).toEqual(['name']);
    expect(paths(await alice.post('/api/views', { list: 'accounts', name: 'x'.repeat(101), query: {} }))).toEqual([
      'name',
    ]);
    expect(paths(await alice.post('/api/views', { list: 'accounts', name: 'x' }))).toEqual(['query']);
    expect(paths(await alice.get('/api/views?list=deals'))).toEqual(['query.list']);
    expect(paths(await alice.delete('/api/views/abc'))).toEqual(['params.id']);
    expect((await t.app.inject({ method: 'GET', url: '/api/views' })).statusCode).toBe(401);
  });

  it("bounds the free-form query's size (its depth is every body's, lib/input.test.ts)", async () => {
    // {"q":"…"} is the text and eight characters more.
    const query = (length: number) => ({ q: 'x'.repeat(length - 8) });
    const big = await alice.post('/api/views', { list: 'accounts', name: '太大', query: query(MAX_QUERY_LENGTH + 1) });
    expect(big.statusCode).toBe(400);
    expect(big.json<ErrorBody>().fields).toEqual([
      expect.objectContaining({
        path: 'query',
        code: 'max_length',
        messages: {
          zh: `query：最多 ${MAX_QUERY_LENGTH} 个字符`,
          en: `query must have at most ${MAX_QUERY_LENGTH} characters`,
        },
      }),
    ]);
    expect(
      (await alice.post('/api/views', { list: 'accounts', name: '刚好', query: query(MAX_QUERY_LENGTH) })).statusCode,
    ).toBe(201);
  });
});
