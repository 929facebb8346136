import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGroup, type GroupFixture } from './group-fixture.ts';
import type { Whitespace } from '../../../core/schemas/health.ts';

let g: GroupFixture;

beforeAll(async () => {
  g = await buildGroup();
});
afterAll(() => g.t.close());

const none = { state: 'none', wonAmount: '0.00', openAmount: '0.00' };
const row = (w: Whitespace, name: string) => w.rows.find((r) => r.name === name)!;

describe('whitespace', () => {
  it("a group's accounts × product categories: won, open or nothing yet, with the line items' amounts", async () => {
    const res = await g.f.admin.get(`/api/analysis/whitespace?accountId=${g.ids.hq}`);
    expect(res.statusCode).toBe(200);
    const w = res.json<Whitespace>();
    expect([...w.categories].sort()).toEqual(['服务', '硬件', '软件'].sort());
    // Top first, then each branch under its parent.
    expect(w.rows[0].name).toBe('集团总部');
    expect(w.rows.map((r) => r.name).indexOf('北京办')).toBe(w.rows.map((r) => r.name).indexOf('北方分公司') + 1);
    expect(w.rows).toHaveLength(5);
    // 1.5 × 1000.01 × 90 % = 1350.01, plus 2 × 0.50.
    expect(row(w, '集团总部').cells).toEqual({
      硬件: { state: 'won', wonAmount: '1351.01', openAmount: '0.00' },
      软件: { state: 'open', wonAmount: '0.00', openAmount: '500.00' },
      服务: none,
    });
    // Won beats open in a category; the lost deal's software is left out.
    expect(row(w, '北京办').cells).toEqual({
      硬件: { state: 'won', wonAmount: '12345.67', openAmount: '600.00' },
      软件: none,
      服务: none,
    });
    // A deal without line items names no category.
    expect(row(w, '北方分公司').cells).toEqual({ 硬件: none, 软件: none, 服务: none });
    expect(row(w, '南方分公司').cells.软件).toEqual({ state: 'won', wonAmount: '800.00', openAmount: '5000.00' });
  });

  it("stays within the caller's scope", async () => {
    const w = (await g.u1.client.get(`/api/analysis/whitespace?accountId=${g.ids.hq}`)).json<Whitespace>();
    expect(w.rows.map((r) => r.name).sort()).toEqual(['集团总部', '北方分公司', '北京办', '广州办'].sort());
    // 广州办's parent (乙's 南方分公司) is hidden: it hangs from the top, and the hidden id is nowhere.
    expect(row(w, '广州办').parentId).toBe(g.ids.hq);
    expect(JSON.stringify(w)).not.toContain(g.ids.south);
    expect((await g.u2.client.get(`/api/analysis/whitespace?accountId=${g.ids.hq}`)).statusCode).toBe(404);
    const mine = (await g.u2.client.get('/api/analysis/whitespace')).json<Whitespace>();
    expect(mine.rows.map((r) => [r.name, r.parentId])).toEqual([['南方分公司', null]]);
  });

  it('without an account: the largest accounts by our revenue, up to the limit', async () => {
    const top = (await g.u1.client.get('/api/analysis/whitespace?limit=3')).json<Whitespace>();
    expect(top.rows.map((r) => [r.name, r.ourRevenue])).toEqual([
      ['集团总部', '1000000.10'],
      ['北方分公司', '200000.20'],
      ['广州办', '7.00'],
    ]);
    expect((await g.u1.client.get('/api/analysis/whitespace')).json<Whitespace>().rows).toHaveLength(4);
    expect((await g.u1.client.get('/api/analysis/whitespace?limit=101')).json().fields[0].path).toBe('query.limit');
    expect((await g.u1.client.get('/api/analysis/whitespace?accountId=x')).json().fields[0].path).toBe(
      'query.accountId',
    );
  });
});
