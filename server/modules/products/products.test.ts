import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { newId } from '../../lib/ids.ts';
import { opportunities, opportunityItems, stages } from '../../db/schema.ts';
import type { Product } from '../../../core/schemas/catalog.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let orgId: string;
let others: { role: string; client: Client }[];
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  orgId = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>().orgId;
  others = [];
  for (const role of ['manager', 'rep', 'viewer'] as const)
    others.push({ role, client: (await f.user({ role })).client });
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const paths = (res: { json<T>(): T }) => (res.json<ErrorBody>().fields ?? []).map((x) => x.path).sort();
const create = async (body: Record<string, unknown>) => {
  const res = await f.admin.post('/api/products', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Product>();
};

/** A deal with one line item on the product, written directly while the opportunities API is not there. */
async function sellOnDeal(productId: string) {
  const { db } = t.database;
  const account = await f.account();
  const stageId = newId();
  await db.insert(stages).values({ orgId, id: stageId, name: '需求确认', position: 0, probability: 20 });
  const opportunityId = newId();
  await db.insert(opportunities).values({
    orgId,
    id: opportunityId,
    accountId: account.id,
    name: '信息化项目',
    amount: '100.00',
    stageId,
    probability: 20,
    forecastCategory: 'pipeline',
  });
  await db
    .insert(opportunityItems)
    .values({ orgId, id: newId(), opportunityId, productId, quantity: '2', price: '50.00' });
}

describe('products', () => {
  it('creates, reads and lists by category then name, keeping money exact', async () => {
    const b = await create({ name: '  数据中台 ', category: '服务', listPrice: '12345678901234.56' });
    const a = await create({ name: '服务器', category: '硬件', listPrice: '80000' });
    const c = await create({ name: '分析平台', category: '服务', listPrice: '0.10', active: false });
    expect(b).toMatchObject({
      name: '数据中台',
      category: '服务',
      listPrice: '12345678901234.56',
      active: true,
      version: 1,
    });
    expect(a.listPrice).toBe('80000.00');
    expect((await f.admin.get(`/api/products/${c.id}`)).json<Product>()).toEqual(c);
    // Names chosen to sort the same by code point and by pinyin, whatever the server's collation.
    const items = (await f.admin.get('/api/products')).json<{ items: Product[] }>().items;
    expect(items.map((p) => p.id)).toEqual([c.id, b.id, a.id]);
    const active = (await f.admin.get('/api/products?active=true')).json<{ items: Product[] }>().items;
    expect(active.map((p) => p.id)).toEqual([b.id, a.id]);
    const inactive = (await f.admin.get('/api/products?active=false')).json<{ items: Product[] }>().items;
    expect(inactive.map((p) => p.id)).toEqual([c.id]);
  });

  it('everyone signed in reads the catalogue; only admins write it', async () => {
    const p = await create({ name: '咨询服务', category: '服务', listPrice: '5000' });
    for (const o of others) {
      expect((await o.client.get('/api/products')).statusCode, o.role).toBe(200);
      expect((await o.client.get(`/api/products/${p.id}`)).statusCode, o.role).toBe(200);
      expect(
        (await o.client.post('/api/products', { name: '越权', category: '服务', listPrice: '1' })).statusCode,
        o.role,
      ).toBe(403);
      expect((await o.client.patch(`/api/products/${p.id}`, { version: 1, listPrice: '1' })).statusCode, o.role).toBe(
        403,
      );
      expect((await o.client.delete(`/api/products/${p.id}`)).statusCode, o.role).toBe(403);
    }
    expect((await f.admin.get(`/api/products/${p.id}`)).json<Product>()).toMatchObject({
      listPrice: '5000.00',
      version: 1,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(401);
  });

  it('updates with versions; a stale version is refused', async () => {
    const p = await create({ name: '存储', category: '硬件', listPrice: '100' });
    const upd = await f.admin.patch(`/api/products/${p.id}`, { version: 1, listPrice: '99.99', active: false });
    expect(upd.json<Product>()).toMatchObject({ listPrice: '99.99', active: false, version: 2, name: '存储' });
    const stale = await f.admin.patch(`/api/products/${p.id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');
    expect((await f.admin.get(`/api/products/${p.id}`)).json<Product>()).toMatchObject({ name: '存储', version: 2 });
  });

  it('rejects bad input with the field named', async () => {
    const bad = await f.admin.post('/api/products', { name: '', category: '软件', listPrice: '-5' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['listPrice', 'name']);
    expect(bad.json<ErrorBody>().fields?.find((x) => x.path === 'listPrice')?.code).toBe('money');
    expect(paths(await f.admin.post('/api/products', { name: 'x', category: '软件', listPrice: '1.234' }))).toEqual([
      'listPrice',
    ]);
    // A float cannot carry cents exactly, so one that is not a plain decimal is refused too.
    expect(paths(await f.admin.post('/api/products', { name: 'x', category: '软件', listPrice: 0.1 + 0.2 }))).toEqual([
      'listPrice',
    ]);
    expect(paths(await f.admin.post('/api/products', { name: 'x', listPrice: '1', colour: 'red' }))).toEqual([
      'category',
      'colour',
    ]);
    const p = await create({ name: '校验', category: '软件', listPrice: '1' });
    expect(paths(await f.admin.patch(`/api/products/${p.id}`, { listPrice: '1' }))).toEqual(['version']);
    expect(paths(await f.admin.patch(`/api/products/${p.id}`, { version: 1, listPrice: '-0.01' }))).toEqual([
      'listPrice',
    ]);
    expect(paths(await f.admin.get('/api/products?active=maybe'))).toEqual(['query.active']);
  });

  it('deletes unused products; a product on a deal is in use and can be deactivated instead', async () => {
    const unused = await create({ name: '临时产品', category: '服务', listPrice: '1' });
    expect((await f.admin.delete(`/api/products/${unused.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`/api/products/${unused.id}`)).statusCode).toBe(404);

    const sold = await create({ name: '已售产品', category: '软件', listPrice: '50' });
    await sellOnDeal(sold.id);
    const res = await f.admin.request('DELETE', `/api/products/${sold.id}`, undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'product_in_use' });
    expect(res.json<ErrorBody>().message).toMatch(/deactivate/);
    expect(res.json<ErrorBody>().messages.zh).toMatch(/停用/);
    const off = await f.admin.patch(`/api/products/${sold.id}`, { version: 1, active: false });
    expect(off.json<Product>()).toMatchObject({ active: false, version: 2 });
  });

  it('answers 404 for unknown products and 400 for malformed ids', async () => {
    expect((await f.admin.get(`/api/products/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.patch(`/api/products/${UNKNOWN}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/products/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.get('/api/products/123')).statusCode).toBe(400);
  });
});
