import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { creditCodeCheckChar } from '../../../core/credit-code.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const validCode = () => {
  const first = '91110000' + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return first + creditCodeCheckChar(first);
};

describe('accounts', () => {
  it('creates, reads, updates with history and exact money', async () => {
    const code = validCode();
    const created = await f.admin.post('/api/accounts', {
      name: '北京市卫生健康委员会',
      shortName: '北京卫健委',
      ownershipType: 'government',
      scope: 'regional',
      creditCode: code,
      ourRevenue: '12345678901234.56',
      tags: ['医疗', '重点'],
      needs: '区域医疗信息化',
    });
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      name: '北京市卫生健康委员会',
      ourRevenue: '12345678901234.56',
      version: 1,
      tags: ['医疗', '重点'],
      archived: false,
    });

    const upd = await f.admin.patch(`/api/accounts/${a.id}`, { version: 1, tier: 'A', ourRevenue: '0.10' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ tier: 'A', ourRevenue: '0.10', version: 2 });

    const stale = await f.admin.patch(`/api/accounts/${a.id}`, { version: 1, tier: 'B' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().messages.zh).toBeTruthy();

    const hist = (await f.admin.get(`/api/accounts/${a.id}/history`)).json().items;
    expect(hist.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(hist[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'tier', old: null, new: 'A' },
        { field: 'ourRevenue', old: '12345678901234.56', new: '0.10' },
      ]),
    );
    expect(hist[0].actorName).toBe('管理员');
  });

  it('rejects bad input with the field named, in zh and en, writing nothing', async () => {
    const bad = await f.admin.request(
      'POST',
      '/api/accounts',
      { name: '', ownershipType: 'alien', ourRevenue: '-5', marketStrength: 9 },
      { 'accept-language': 'en' },
    );
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    const paths = body.fields.map((x: { path: string }) => x.path).sort();
    expect(paths).toEqual(['marketStrength', 'name', 'ourRevenue', 'ownershipType']);
    expect(body.message).toBe('Invalid input');
    expect(body.messages.zh).toBe('输入有误');
    const cc = await f.admin.post('/api/accounts', {
      name: 'X 公司',
      ownershipType: 'private',
      creditCode: '911100000000000000',
    });
    expect(cc.statusCode).toBe(400);
    expect(cc.json().fields[0].path).toBe('creditCode');
    const list = (await f.admin.get('/api/accounts?q=X公司')).json();
    expect(list.items).toHaveLength(0);
  });

  it('finds two-character Chinese substrings and pages with a keyset cursor', async () => {
    for (const name of ['上海交通大学医学院附属瑞金医院', '上海市教育局', '杭州医院集团'])
      await f.account(f.admin, { name });
    const res = (await f.admin.get(`/api/accounts?q=${encodeURIComponent('医院')}&limit=1&sort=name`)).json();
    expect(res.items).toHaveLength(1);
    expect(res.nextCursor).toBeTruthy();
    const next = (
      await f.admin.get(`/api/accounts?q=${encodeURIComponent('医院')}&limit=1&sort=name&cursor=${res.nextCursor}`)
    ).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(res.items[0].id);
    expect(next.nextCursor).toBeNull();
    const one = (await f.admin.get(`/api/accounts?q=${encodeURIComponent('杭')}`)).json();
    expect(one.items.map((a: { name: string }) => a.name)).toEqual(['杭州医院集团']);
  });
});
