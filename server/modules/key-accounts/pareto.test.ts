import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Client } from '../../test/helper.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { ParetoItem, ParetoResult } from '../../../core/schemas/key-accounts.ts';
import { pareto } from '../../../core/pareto.ts';

let t: TestApp;
let f: Factories;
type U = Awaited<ReturnType<Factories['user']>>;
let manager: U, a: U, b: U, c: U;
let won: Stage;
/** Account id → its figures, to classify with core/pareto what the API classified in SQL. */
const figures = new Map<
  string,
  { owner: string; ourRevenue: string | null; potential: string | null; wonAmount: string }
>();

// The example (in 万): 3 A, 4 B, 3 C over the whole organisation.
const REVENUES = ['500000', '200000', '100000', '50000', '50000', '40000', '30000', '10000', '10000', '10000'];

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  won = (await f.admin.get('/api/stages')).json().items.find((s: Stage) => s.kind === 'won');
  const north = await f.team({ name: '华北区' });
  const east = await f.team({ name: '华东区' });
  manager = await f.user({ role: 'manager', teamId: north.id, dataScope: 'team', name: '王经理' });
  a = await f.user({ teamId: north.id, name: '甲' });
  b = await f.user({ teamId: north.id, name: '乙' });
  c = await f.user({ teamId: east.id, name: '丙' });
  const owners = [a, b, c, a, b, c, a, b, c, a];
  for (const [i, revenue] of REVENUES.entries()) {
    const potential = i === 9 ? null : String((i + 1) * 1000);
    const acc = await f.account(owners[i].client, {
      name: `客户${i}`,
      ourRevenue: revenue,
      potential,
      tier: i < 2 ? 'A' : i < 5 ? 'B' : undefined,
    });
    figures.set(acc.id, { owner: owners[i].id, ourRevenue: revenue, potential, wonAmount: '0' });
  }
  // An account without figures ranks last; an archived one is left out.
  const empty = await f.account(c.client, { name: '空客户' });
  figures.set(empty.id, { owner: c.id, ourRevenue: null, potential: null, wonAmount: '0' });
  const archived = await f.account(a.client, { name: '归档客户', ourRevenue: '99999999' });
  await t.database.db.execute(sql`update accounts set archived_at = now() where id = ${archived.id}`);
  // Won deals: two on one account, one signed two years ago (outside the default window), one still open.
  const ids = [...figures.keys()];
  const deal = async (client: Client, accountId: string, amount: string, stageId = won.id) =>
    f.deal(client, { accountId, amount, stageId, expectedCloseDate: '2031-01-01' });
  await deal(a.client, ids[0], '1000.50');
  await deal(a.client, ids[0], '2000');
  await deal(b.client, ids[1], '5000');
  await deal(c.client, ids[2], '300');
  const old = await deal(a.client, ids[3], '7000');
  await t.database.db.execute(
    sql`update opportunities set closed_at = now() - interval '2 years' where id = ${old.id}`,
  );
  const stages = (await f.admin.get('/api/stages')).json().items as Stage[];
  await deal(b.client, ids[4], '9000', stages[0].id);
  figures.get(ids[0])!.wonAmount = '3000.50';
  figures.get(ids[1])!.wonAmount = '5000';
  figures.get(ids[2])!.wonAmount = '300';
});
afterAll(() => t.close());

type Metric = 'ourRevenue' | 'potential' | 'wonAmount';
const get = async (client: Client, query = '') => {
  const res = await client.get(`/api/analysis/pareto?${query.includes('limit=') ? '' : 'limit=500'}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ParetoResult;
};
/** What core/pareto says for the accounts of these owners (all when none given). */
const expected = (metric: Metric, owners?: string[], thresholds?: { a: number; b: number }) =>
  pareto(
    [...figures].filter(([, v]) => !owners || owners.includes(v.owner)).map(([id, v]) => ({ id, value: v[metric] })),
    thresholds,
  );
const slim = (items: ParetoItem[]) =>
  items.map((i) => ({
    id: i.id,
    rank: i.rank,
    value: i.value,
    share: i.share,
    cumulativeShare: i.cumulativeShare,
    class: i.class,
  }));

describe('Pareto / ABC', () => {
  it("ranks the organisation's accounts and classes them as core/pareto does", async () => {
    const p = await get(f.admin);
    const core = expected('ourRevenue');
    expect(p.accounts).toBe(11);
    expect(p.total).toBe('1000000.00');
    expect(p.items.map((i) => i.class).join('')).toBe('AAABBBBCCCC');
    expect(slim(p.items)).toEqual(core.rows);
    expect(p.classes).toEqual(core.classes);
    expect(p.concentration).toEqual({ topCount: 3, topShare: 0.8, accountsFor80: 3 });
    expect(p.items[0]).toMatchObject({ name: '客户0', ownerName: '甲', tier: 'A', value: '500000.00', share: 0.5 });
    expect(p.items[10]).toMatchObject({ name: '空客户', value: '0.00', class: 'C' });
    expect(p.bars).toHaveLength(11);
    expect(p.curve.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(p.thresholds).toEqual({ a: 0.8, b: 0.95 });
    expect(p.from).toBeNull();
  });

  it('ranks by potential and by won deals signed in the window', async () => {
    const pot = await get(f.admin, '&metric=potential');
    expect(slim(pot.items)).toEqual(expected('potential').rows);
    const w = await get(f.admin, '&metric=wonAmount');
    expect(w.total).toBe('8300.50');
    expect(slim(w.items)).toEqual(expected('wonAmount').rows);
    expect(w.items.slice(0, 3).map((i) => [i.name, i.value, i.class])).toEqual([
      ['客户1', '5000.00', 'A'],
      ['客户0', '3000.50', 'A'],
      ['客户2', '300.00', 'C'],
    ]);
    expect(w.to! > w.from!).toBe(true);
    // A window two years back holds only the old deal.
    const old = await get(f.admin, '&metric=wonAmount&from=2000-01-01&to=2030-01-01');
    expect(old.total).toBe('15300.50');
  });

  it("keeps to the caller's scope: a rep their own accounts, a manager the team's", async () => {
    for (const [who, owners] of [
      [a, [a.id]],
      [c, [c.id]],
      [manager, [manager.id, a.id, b.id]],
    ] as const) {
      for (const metric of ['ourRevenue', 'potential', 'wonAmount'] as const) {
        const p = await get(who.client, `&metric=${metric}`);
        const core = expected(metric, [...owners]);
        expect(slim(p.items), `${who.name} ${metric}`).toEqual(core.rows);
        expect(p.classes).toEqual(core.classes);
        expect(p.concentration).toEqual(core.concentration);
      }
    }
    expect((await get(a.client)).items.every((i) => figures.get(i.id)!.owner === a.id)).toBe(true);
  });

  it('pages the items, filters one class and follows the configured thresholds', async () => {
    const page = await get(f.admin, '&limit=2&offset=3');
    expect(page.items.map((i) => i.rank)).toEqual([4, 5]);
    expect(page.itemsTotal).toBe(11);
    const b2 = await f.admin.get('/api/analysis/pareto?class=B&limit=2&offset=1');
    expect(b2.json().items.map((i: ParetoItem) => [i.rank, i.class])).toEqual([
      [5, 'B'],
      [6, 'B'],
    ]);
    expect(b2.json().itemsTotal).toBe(4);
    const c2 = (await get(f.admin, '&class=C&limit=2&offset=2')).items;
    expect(c2.map((i) => [i.rank, i.class])).toEqual([
      [10, 'C'],
      [11, 'C'],
    ]);
    const put = await f.admin.put('/api/settings/pareto', {
      thresholds: { a: 0.7, b: 0.9 },
      effort: { mode: 'revenue' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const p = await get(f.admin);
    expect(p.thresholds).toEqual({ a: 0.7, b: 0.9 });
    expect(p.items.map((i) => i.class).join('')).toBe('AABBBCCCCCC');
    expect(slim(p.items)).toEqual(expected('ourRevenue', undefined, { a: 0.7, b: 0.9 }).rows);
    await f.admin.put('/api/settings/pareto', { thresholds: { a: 0.8, b: 0.95 }, effort: { mode: 'revenue' } });
  });

  it('refuses bad input with the field named', async () => {
    const field = async (
      res: Promise<{ statusCode: number; json(): { fields: { path: string; code: string }[] } }>,
    ) => {
      const r = await res;
      expect(r.statusCode).toBe(400);
      return r.json().fields[0];
    };
    expect((await field(f.admin.get('/api/analysis/pareto?metric=profit'))).path).toBe('query.metric');
    expect(
      await field(f.admin.get('/api/analysis/pareto?metric=wonAmount&from=2031-02-01&to=2031-01-01')),
    ).toMatchObject({ path: 'query.to', code: 'end_before_start' });
    expect((await field(f.admin.get('/api/analysis/pareto?limit=501'))).path).toBe('query.limit');
    expect((await field(f.admin.get('/api/analysis/pareto?class=D'))).path).toBe('query.class');
    expect(await field(f.admin.get('/api/analysis/effort?from=2031-02-01&to=2031-01-01'))).toMatchObject({
      path: 'query.to',
      code: 'end_before_start',
    });
  });
});

describe('Pareto settings', () => {
  const put = (client: Client, body: unknown) => client.put('/api/settings/pareto', body);

  it('are read by everyone, written by admins and checked', async () => {
    expect((await a.client.get('/api/settings/pareto')).json()).toEqual({
      thresholds: { a: 0.8, b: 0.95 },
      effort: { mode: 'revenue' },
    });
    expect((await put(a.client, { thresholds: { a: 0.7, b: 0.9 }, effort: { mode: 'revenue' } })).statusCode).toBe(403);
    const bad = async (body: unknown) => {
      const res = await put(f.admin, body);
      expect(res.statusCode).toBe(400);
      return res.json().fields[0];
    };
    expect(await bad({ thresholds: { a: 0.9, b: 0.9 }, effort: { mode: 'revenue' } })).toMatchObject({
      path: 'thresholds.b',
      code: 'pareto_threshold_order',
    });
    expect(await bad({ thresholds: { a: 0.95, b: 0.8 }, effort: { mode: 'revenue' } })).toMatchObject({
      path: 'thresholds.b',
    });
    expect((await bad({ thresholds: { a: 0, b: 0.8 }, effort: { mode: 'revenue' } })).path).toBe('thresholds.a');
    expect((await bad({ thresholds: { a: 0.8, b: 1 }, effort: { mode: 'revenue' } })).path).toBe('thresholds.b');
    expect(await bad({ thresholds: { a: 0.8, b: 0.95 }, effort: { mode: 'fixed' } })).toMatchObject({
      path: 'effort.shares',
      code: 'shares_required',
    });
    const sum = await bad({
      thresholds: { a: 0.8, b: 0.95 },
      effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.2 } },
    });
    expect(sum).toMatchObject({ path: 'effort.shares', code: 'shares_sum' });
    expect((await bad({ thresholds: { a: 0.8, b: 0.95 }, effort: { mode: 'weekly' } })).path).toBe('effort.mode');
    // Nothing was written.
    expect((await f.admin.get('/api/settings/pareto')).json().thresholds).toEqual({ a: 0.8, b: 0.95 });
  });

  it('leave the other organisation settings alone', async () => {
    await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [5, 50] });
    const ok = await put(f.admin, {
      thresholds: { a: 0.75, b: 0.9 },
      effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.1 } },
    });
    expect(ok.json()).toEqual({
      thresholds: { a: 0.75, b: 0.9 },
      effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.1 } },
    });
    expect((await f.admin.get('/api/settings/activities')).json().afterSalesCadenceDays).toEqual([5, 50]);
    await put(f.admin, { thresholds: { a: 0.8, b: 0.95 }, effort: { mode: 'revenue' } });
  });
});

describe('time follows value', () => {
  const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;
  const range = 'from=2025-01-10&to=2025-01-15';
  let ids: string[];

  beforeAll(async () => {
    ids = [...figures.keys()];
    const log = async (accountId: string, start: string, end: string, status: 'done' | 'planned' = 'done') => {
      const res = await f.admin.post('/api/activities', {
        type: 'visit',
        subject: '拜访',
        ownerId: manager.id,
        accountId,
        plannedStart: start,
        plannedEnd: end,
        status,
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    await log(ids[0], at('2025-01-10', '09:00'), at('2025-01-10', '10:00')); // A, 60
    await log(ids[5], at('2025-01-11', '09:00'), at('2025-01-11', '11:00')); // untiered, 120
    await log(ids[9], at('2025-01-15', '23:00'), at('2025-01-16', '00:00')); // untiered, 60: starts on the last day
    await log(ids[10], at('2025-01-12', '14:00'), at('2025-01-12', '15:00')); // no revenue, 60
    await log(ids[1], at('2025-01-12', '09:00'), at('2025-01-12', '12:00'), 'planned'); // not done
    await log(ids[1], at('2025-01-16', '00:00'), at('2025-01-16', '03:00')); // the day after
  });

  it('sets the recommended share per tier beside the actual one, and lists over- and under-served accounts', async () => {
    const res = await f.admin.get(`/api/analysis/effort?${range}`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      from: '2025-01-10',
      to: '2025-01-15',
      mode: 'revenue',
      totalRevenue: '1000000.00',
      totalMinutes: 300,
    });
    expect(e.tiers).toEqual([
      {
        tier: 'A',
        accounts: 2,
        revenue: '700000.00',
        revenueShare: 0.7,
        recommendedShare: 0.7,
        minutes: 60,
        actualShare: 0.2,
      },
      {
        tier: 'B',
        accounts: 3,
        revenue: '200000.00',
        revenueShare: 0.2,
        recommendedShare: 0.2,
        minutes: 0,
        actualShare: 0,
      },
      { tier: 'C', accounts: 0, revenue: '0.00', revenueShare: 0, recommendedShare: 0, minutes: 0, actualShare: 0 },
      {
        tier: 'none',
        accounts: 6,
        revenue: '100000.00',
        revenueShare: 0.1,
        recommendedShare: 0.1,
        minutes: 240,
        actualShare: 0.8,
      },
    ]);
    expect(e.overServed.map((x: { name: string; gap: number }) => [x.name, x.gap])).toEqual([
      ['客户5', 0.36],
      ['空客户', 0.2],
      ['客户9', 0.19],
    ]);
    expect(e.overServed[0]).toMatchObject({
      tier: null,
      revenue: '40000.00',
      revenueShare: 0.04,
      minutes: 120,
      minutesShare: 0.4,
    });
    expect(e.underServed.slice(0, 3).map((x: { name: string; gap: number }) => [x.name, x.gap])).toEqual([
      ['客户0', -0.3],
      ['客户1', -0.2],
      ['客户2', -0.1],
    ]);
    expect(e.underServed).toHaveLength(8);
  });

  it("keeps to the caller's scope and follows fixed shares", async () => {
    const own = (await a.client.get(`/api/analysis/effort?${range}`)).json();
    expect(own).toMatchObject({ totalRevenue: '590000.00', totalMinutes: 120 });
    const sum = (k: 'revenueShare' | 'actualShare') =>
      own.tiers.reduce((s: number, x: Record<string, number>) => s + x[k], 0);
    expect(sum('revenueShare')).toBeCloseTo(1, 5);
    expect(sum('actualShare')).toBeCloseTo(1, 5);
    expect(
      [...own.overServed, ...own.underServed].every((x: { id: string }) => figures.get(x.id)!.owner === a.id),
    ).toBe(true);
    await f.admin.put('/api/settings/pareto', {
      thresholds: { a: 0.8, b: 0.95 },
      effort: { mode: 'fixed', shares: { A: 0.6, B: 0.3, C: 0.1 } },
    });
    const fixed = (await f.admin.get(`/api/analysis/effort?${range}`)).json();
    expect(fixed.mode).toBe('fixed');
    expect(fixed.tiers.map((x: { recommendedShare: number }) => x.recommendedShare)).toEqual([0.6, 0.3, 0.1, 0]);
    await f.admin.put('/api/settings/pareto', { thresholds: { a: 0.8, b: 0.95 }, effort: { mode: 'revenue' } });
  });
});
