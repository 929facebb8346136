import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { newId } from '../../lib/ids.ts';
import { opportunities, stages } from '../../db/schema.ts';
import type { Competitor } from '../../../core/schemas/catalog.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let orgId: string;
let writers: { role: string; client: Client }[];
let rep: Client;
let viewer: Client;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  orgId = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>().orgId;
  writers = [{ role: 'admin', client: f.admin }];
  writers.push({ role: 'manager', client: (await f.user({ role: 'manager' })).client });
  rep = (await f.user({ role: 'rep' })).client;
  viewer = (await f.user({ role: 'viewer' })).client;
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const paths = (res: { json<T>(): T }) => (res.json<ErrorBody>().fields ?? []).map((x) => x.path).sort();
const create = async (body: Record<string, unknown>, client = f.admin) => {
  const res = await client.post('/api/competitors', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Competitor>();
};

describe('competitors', () => {
  it('creates, reads and lists by name', async () => {
    const b = await create({ name: '  浪潮 ', strengths: '本地服务网络', pricePosition: 'low' });
    const a = await create({ name: '华为', weaknesses: '  ', pricePosition: null });
    expect(b).toMatchObject({
      name: '浪潮',
      strengths: '本地服务网络',
      weaknesses: null,
      pricePosition: 'low',
      version: 1,
    });
    expect(a).toMatchObject({ name: '华为', strengths: null, weaknesses: null, pricePosition: null });
    expect((await f.admin.get(`/api/competitors/${b.id}`)).json<Competitor>()).toEqual(b);
    // 华 sorts before 浪 by code point and by pinyin alike, whatever the server's collation.
    expect((await viewer.get('/api/competitors')).json<{ items: Competitor[] }>().items.map((c) => c.id)).toEqual([
      a.id,
      b.id,
    ]);
  });

  it('admins and managers write; reps and viewers only read; only admins delete', async () => {
    for (const w of writers) {
      const c = await create({ name: `对手-${w.role}` }, w.client);
      const upd = await w.client.patch(`/api/competitors/${c.id}`, { version: 1, pricePosition: 'high' });
      expect(upd.statusCode, w.role).toBe(200);
      if (w.role !== 'admin') expect((await w.client.delete(`/api/competitors/${c.id}`)).statusCode, w.role).toBe(403);
    }
    const c = await create({ name: '只读对手' });
    // The catalogue is the organisation's: a rep reads it but neither adds to nor changes it.
    for (const reader of [rep, viewer]) {
      expect((await reader.get(`/api/competitors/${c.id}`)).statusCode).toBe(200);
      expect((await reader.post('/api/competitors', { name: '越权' })).statusCode).toBe(403);
      expect((await reader.patch(`/api/competitors/${c.id}`, { version: 1, name: '越权' })).statusCode).toBe(403);
      expect((await reader.delete(`/api/competitors/${c.id}`)).statusCode).toBe(403);
    }
    expect((await f.admin.get(`/api/competitors/${c.id}`)).json<Competitor>()).toMatchObject({
      name: '只读对手',
      version: 1,
    });
    expect(
      (await f.admin.get('/api/competitors')).json<{ items: Competitor[] }>().items.map((x) => x.name),
    ).not.toContain('越权');
    expect((await f.admin.delete(`/api/competitors/${c.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`/api/competitors/${c.id}`)).statusCode).toBe(404);
  });

  it('updates with versions; a stale version is refused; null clears a field', async () => {
    const c = await create({ name: '东软', strengths: '医疗行业经验' });
    const upd = await writers[1].client.patch(`/api/competitors/${c.id}`, {
      version: 1,
      strengths: null,
      weaknesses: '交付慢',
      pricePosition: 'similar',
    });
    expect(upd.json<Competitor>()).toMatchObject({
      name: '东软',
      strengths: null,
      weaknesses: '交付慢',
      pricePosition: 'similar',
      version: 2,
    });
    const stale = await f.admin.patch(`/api/competitors/${c.id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');
    expect((await f.admin.get(`/api/competitors/${c.id}`)).json<Competitor>().version).toBe(2);
  });

  it('rejects bad input with the field named', async () => {
    const bad = await f.admin.post('/api/competitors', { name: '', pricePosition: 'cheap' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['name', 'pricePosition']);
    expect(bad.json<ErrorBody>().fields?.find((x) => x.path === 'pricePosition')?.code).toBe('enum');
    expect(paths(await f.admin.post('/api/competitors', { name: 'x', strengths: 's'.repeat(10001) }))).toEqual([
      'strengths',
    ]);
    const c = await create({ name: '校验对手' });
    expect(paths(await f.admin.patch(`/api/competitors/${c.id}`, { version: 1, pricePosition: 'free' }))).toEqual([
      'pricePosition',
    ]);
    expect(paths(await f.admin.patch(`/api/competitors/${c.id}`, { name: 'x' }))).toEqual(['version']);
  });

  it('refuses to delete a competitor that won a deal', async () => {
    const c = await create({ name: '赢过我们的对手' });
    const account = await f.account();
    const stageId = newId();
    const { db } = t.database;
    await db.insert(stages).values({ orgId, id: stageId, name: '输单', position: 9, probability: 0, kind: 'lost' });
    await db.insert(opportunities).values({
      orgId,
      id: newId(),
      accountId: account.id,
      name: '丢掉的项目',
      amount: '1000.00',
      stageId,
      probability: 0,
      forecastCategory: 'closed',
      status: 'lost',
      wonByCompetitorId: c.id,
    });
    const res = await f.admin.delete(`/api/competitors/${c.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().code).toBe('competitor_in_use');
    expect((await f.admin.get(`/api/competitors/${c.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for unknown competitors and 400 for malformed ids', async () => {
    expect((await f.admin.get(`/api/competitors/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.patch(`/api/competitors/${UNKNOWN}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/competitors/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.get('/api/competitors/abc')).statusCode).toBe(400);
  });
});
