// Win/loss by deal source and by province (按省份), and the open pipeline by province: grouped in
// SQL by the admin's list value and by the province part of the account's GB/T 2260 code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { opportunities } from '../../db/schema.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

let t: TestApp;
let f: Factories;
type Person = Awaited<ReturnType<Factories['user']>>;
let rep: Person;
let other: Person;
let team: { id: string };

const range = 'from=2032-01-01&to=2032-03-31';

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const stages: Stage[] = (await f.admin.get('/api/stages')).json().items;
  team = await f.team({ name: '西区' });
  rep = await f.user({ name: '丙' });
  other = await f.user({ teamId: team.id, name: '丁' });
  const kunming = (await f.account(rep.client, { name: '昆明客户', regionCode: '530102' })).id;
  const dali = (await f.account(rep.client, { name: '大理客户', regionCode: '532901' })).id;
  const guangzhou = (await f.account(other.client, { name: '广州客户', regionCode: '440100' })).id;
  const nowhere = (await f.account(rep.client, { name: '无地区客户' })).id;

  const closed = (status: 'won' | 'lost', day: string) =>
    status === 'won'
      ? {
          status,
          stageId: stages[5].id,
          forecastCategory: 'closed',
          probability: 100,
          closedAt: new Date(`${day}T10:00:00+08:00`),
        }
      : {
          status,
          stageId: stages[6].id,
          forecastCategory: 'omitted',
          probability: 0,
          closedAt: new Date(`${day}T10:00:00+08:00`),
        };
  const deal = async (
    who: Person,
    accountId: string,
    amount: string,
    source: string | null,
    end?: { status: 'won' | 'lost'; day: string },
  ) => {
    const res = await who.client.post('/api/opportunities', { accountId, name: `${source}-${amount}`, amount, source });
    if (res.statusCode !== 201) throw new Error(res.body);
    if (end)
      await t.database.db
        .update(opportunities)
        .set(closed(end.status, end.day))
        .where(eq(opportunities.id, res.json().id));
  };
  await deal(rep, kunming, '100000', '展会', { status: 'won', day: '2032-01-10' });
  await deal(rep, dali, '20000', '展会', { status: 'lost', day: '2032-02-10' });
  await deal(rep, kunming, '30000', '展会', { status: 'lost', day: '2032-02-11' });
  await deal(rep, nowhere, '5000', '其他：朋友推荐', { status: 'won', day: '2032-03-01' });
  await deal(rep, nowhere, '6000', '其他', { status: 'lost', day: '2032-03-02' });
  await deal(rep, kunming, '7000', null, { status: 'lost', day: '2032-03-03' });
  await deal(other, guangzhou, '300000', '官网', { status: 'won', day: '2032-03-04' });
  // Closed outside the range: in no group.
  await deal(rep, kunming, '999', '展会', { status: 'won', day: '2032-04-01' });
  // Open: the pipeline by province.
  await deal(rep, kunming, '400000', '展会');
  await deal(rep, dali, '100000', null);
  await deal(rep, nowhere, '50000', null);
  await deal(other, guangzhou, '200000', '官网');
});
afterAll(() => t.close());

const won = (count: number, amount: string) => ({ count, amount });

describe('won / lost by deal source and by province', () => {
  it('groups by source, every "other" answer in one group, and by the province of the account', async () => {
    const res = await f.admin.get(`/api/analysis/win-loss?${range}`);
    expect(res.statusCode).toBe(200);
    const wl = res.json();
    expect(wl.sources).toEqual([
      { source: '展会', won: won(1, '100000.00'), lost: won(2, '50000.00'), winRate: 0.3333 },
      { source: '其他', won: won(1, '5000.00'), lost: won(1, '6000.00'), winRate: 0.5 },
      { source: '官网', won: won(1, '300000.00'), lost: won(0, '0.00'), winRate: 1 },
      { source: '未填写来源', won: won(0, '0.00'), lost: won(1, '7000.00'), winRate: 0 },
    ]);
    expect(wl.provinces).toEqual([
      {
        provinceCode: '530000',
        name: '云南省',
        won: won(1, '100000.00'),
        lost: won(3, '57000.00'),
        winRate: 0.25,
      },
      { provinceCode: '440000', name: '广东省', won: won(1, '300000.00'), lost: won(0, '0.00'), winRate: 1 },
      { provinceCode: null, name: null, won: won(1, '5000.00'), lost: won(1, '6000.00'), winRate: 0.5 },
    ]);
  });

  it("names provinces and 'no source' in the reader's language and keeps to the caller's scope", async () => {
    const en = (await f.admin.get(`/api/analysis/win-loss?${range}`, { 'accept-language': 'en' })).json();
    expect(en.provinces.map((p: { name: string | null }) => p.name)).toEqual(['Yunnan', 'Guangdong', null]);
    expect(en.sources.at(-1).source).toBe('No source given');
    const mine = (await rep.client.get(`/api/analysis/win-loss?${range}`)).json();
    expect(mine.provinces.map((p: { provinceCode: string | null }) => p.provinceCode)).toEqual(['530000', null]);
    expect(mine.sources.map((s: { source: string }) => s.source)).not.toContain('官网');
    const byTeam = (await f.admin.get(`/api/analysis/win-loss?${range}&teamId=${team.id}`)).json();
    expect(byTeam.sources).toEqual([{ source: '官网', won: won(1, '300000.00'), lost: won(0, '0.00'), winRate: 1 }]);
  });
});

describe('open pipeline by province', () => {
  it('sums open deals by the province of their account, largest amount first, no region last', async () => {
    const res = await f.admin.get('/api/pipeline/by-province');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toEqual([
      { provinceCode: '530000', name: '云南省', count: 2, amount: '500000.00', weightedAmount: expect.any(String) },
      { provinceCode: '440000', name: '广东省', count: 1, amount: '200000.00', weightedAmount: expect.any(String) },
      { provinceCode: null, name: null, count: 1, amount: '50000.00', weightedAmount: expect.any(String) },
    ]);
    // Weighted by each deal's own probability, as the funnel summary is.
    const summary = (await f.admin.get('/api/pipeline/summary')).json();
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(items.reduce((n: number, i: { weightedAmount: string }) => n + cents(i.weightedAmount), 0)).toBe(
      cents(summary.totals.weightedAmount),
    );
  });

  it("filters by team and owner, keeps to the caller's scope and names provinces in English", async () => {
    const team1 = (await f.admin.get(`/api/pipeline/by-province?teamId=${team.id}`)).json().items;
    expect(team1.map((i: { provinceCode: string }) => i.provinceCode)).toEqual(['440000']);
    const owner = (await f.admin.get(`/api/pipeline/by-province?ownerId=${rep.id}`)).json().items;
    expect(owner.map((i: { provinceCode: string | null }) => i.provinceCode)).toEqual(['530000', null]);
    const mine = (await rep.client.get('/api/pipeline/by-province', { 'accept-language': 'en' })).json().items;
    expect(mine.map((i: { name: string | null }) => i.name)).toEqual(['Yunnan', null]);
    expect((await rep.client.get(`/api/pipeline/by-province?teamId=${team.id}`)).statusCode).toBe(404);
  });
});
