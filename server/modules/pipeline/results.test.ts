import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { opportunities } from '../../db/schema.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

let t: TestApp;
let f: Factories;
let stages: Stage[];
type Person = Awaited<ReturnType<Factories['user']>>;
let repA: Person;
let repB: Person;
let east: { id: string };
let orgId: string;
const ids: Record<string, string> = {};

const at = (day: string, hm = '10:00') => new Date(`${day}T${hm}:00+08:00`);

/** A deal created through the API, then set to a past state the API cannot produce. */
async function deal(
  client: Client,
  key: string,
  accountId: string,
  amount: string,
  set: Partial<typeof opportunities.$inferInsert> = {},
) {
  const res = await client.post('/api/opportunities', { accountId, name: key, amount });
  if (res.statusCode !== 201) throw new Error(res.body);
  ids[key] = res.json().id;
  if (Object.keys(set).length) await t.database.db.update(opportunities).set(set).where(eq(opportunities.id, ids[key]));
}
const won = (day: string, hm?: string) => ({
  status: 'won',
  stageId: stages[5].id,
  forecastCategory: 'closed',
  probability: 100,
  closedAt: at(day, hm),
});
const lost = (day: string, lostReason: string | null, wonByCompetitorId: string | null = null, hm?: string) => ({
  status: 'lost',
  stageId: stages[6].id,
  forecastCategory: 'omitted',
  probability: 0,
  closedAt: at(day, hm),
  lostReason,
  wonByCompetitorId,
});

/** A snapshot row: the deal as it stood on `date`. */
async function snap(date: string, key: string, amount: string, probability: number, category: string, close: string) {
  await t.database.db.execute(sql`
    insert into pipeline_snapshots (org_id, snapshot_date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount, probability, expected_close_date, forecast_category)
    select org_id, ${date}::date, id, account_id, owner_id, account_owner_id, ${stages[1].id}::uuid, ${amount}::numeric, ${probability}, ${close}::date, ${category}
    from opportunities where org_id = ${orgId} and id = ${ids[key]}`);
}

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  east = await f.team({ name: '东区' });
  repA = await f.user({ name: '甲' });
  repB = await f.user({ teamId: east.id, name: '乙' });
  const a = (await f.account(repA.client)).id;
  const b = (await f.account(repB.client)).id;
  const x = (await f.admin.post('/api/competitors', { name: '东方软件' })).json().id;
  const y = (await f.admin.post('/api/competitors', { name: '国际云科技' })).json().id;

  await deal(repA.client, 'W1', a, '100000', won('2031-04-03'));
  await deal(repA.client, 'W2', a, '50000', won('2031-06-30', '23:30'));
  await deal(repA.client, 'W3', a, '70000', won('2031-07-01', '00:10'));
  await deal(repB.client, 'W4', b, '200000', won('2031-05-10'));
  await deal(repA.client, 'W5', a, '30000', won('2031-04-07', '09:00'));
  await deal(repA.client, 'O1', a, '400000');
  await deal(repA.client, 'O2', a, '300000');
  await deal(repB.client, 'O3', b, '100000');
  await deal(repA.client, 'L1', a, '10000', lost('2031-04-10', '价格太高 ', x));
  await deal(repA.client, 'L2', a, '20000', lost('2031-05-01', '价格太高', x));
  await deal(repA.client, 'L3', a, '5000', lost('2031-05-02', null, y));
  await deal(repA.client, 'L4', a, '7000', lost('2031-05-03', '　 '));
  await deal(repB.client, 'L5', b, '99000', lost('2031-05-04', '关系', y));
  await deal(repA.client, 'L6', a, '1000', lost('2031-07-01', '价格太高', x, '00:00'));
  orgId = (
    await t.database.db.select({ orgId: opportunities.orgId }).from(opportunities).where(eq(opportunities.id, ids.O1))
  )[0].orgId;

  // Too early for 2031-Q2 (more than 13 weeks before it starts), and too late.
  await snap('2030-12-30', 'O1', '999999', 90, 'commit', '2031-05-15');
  await snap('2031-07-01', 'O1', '999999', 90, 'commit', '2031-05-15');
  // Exactly 13 weeks before.
  await snap('2030-12-31', 'O1', '10000', 10, 'pipeline', '2031-04-15');
  await snap('2031-01-05', 'O1', '400000', 50, 'commit', '2031-05-15');
  await snap('2031-01-05', 'O2', '300000', 20, 'best_case', '2031-06-30');
  await snap('2031-01-05', 'O3', '100000', 80, 'commit', '2031-04-01');
  await snap('2031-01-05', 'W1', '100000', 10, 'pipeline', '2031-04-03');
  await snap('2031-01-05', 'W3', '70000', 45, 'omitted', '2031-05-01');
  await snap('2031-01-05', 'W4', '200000', 10, 'pipeline', '2031-07-15');
  await snap('2031-04-07', 'O1', '400000', 80, 'commit', '2031-05-15');
  // Won later on the snapshot's own day: counted here as open, not again as won.
  await snap('2031-04-07', 'W5', '30000', 80, 'commit', '2031-04-07');
  await snap('2031-04-07', 'O3', '100000', 50, 'best_case', '2031-06-01');
  await snap('2031-06-30', 'O2', '300000', 50, 'commit', '2031-06-30');
});
afterAll(() => t.close());

describe('forecast accuracy', () => {
  it("sets each snapshot's forecast for the period against what was won", async () => {
    const res = await f.admin.get('/api/forecast/accuracy?period=2031-Q2');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      period: '2031-Q2',
      actualWon: '380000.00',
      items: [
        {
          snapshotDate: '2030-12-31',
          weightedForecast: '1000.00',
          commitForecast: '0.00',
          bestCaseForecast: '0.00',
          error: -0.9974,
        },
        // commit O1 + O3; best case O2; weighted 200,000 + 60,000 + 80,000 + 10,000 (W1 then open); W3 omitted; W4 expected after the period.
        {
          snapshotDate: '2031-01-05',
          weightedForecast: '350000.00',
          commitForecast: '500000.00',
          bestCaseForecast: '800000.00',
          error: -0.0789,
        },
        // W1 already won (100,000) + commit O1, W5 + best case O3; weighted 320,000 + 24,000 + 50,000.
        {
          snapshotDate: '2031-04-07',
          weightedForecast: '494000.00',
          commitForecast: '530000.00',
          bestCaseForecast: '630000.00',
          error: 0.3,
        },
        // Everything won by the end of the last day (W2 at 23:30 included) + O2.
        {
          snapshotDate: '2031-06-30',
          weightedForecast: '530000.00',
          commitForecast: '680000.00',
          bestCaseForecast: '680000.00',
          error: 0.3947,
        },
      ],
    });
  });

  it("stays within the caller's scope and team", async () => {
    expect((await repA.client.get('/api/forecast/accuracy?period=2031-Q2')).json()).toEqual({
      period: '2031-Q2',
      actualWon: '180000.00',
      items: [
        {
          snapshotDate: '2030-12-31',
          weightedForecast: '1000.00',
          commitForecast: '0.00',
          bestCaseForecast: '0.00',
          error: -0.9944,
        },
        {
          snapshotDate: '2031-01-05',
          weightedForecast: '270000.00',
          commitForecast: '400000.00',
          bestCaseForecast: '700000.00',
          error: 0.5,
        },
        {
          snapshotDate: '2031-04-07',
          weightedForecast: '444000.00',
          commitForecast: '530000.00',
          bestCaseForecast: '530000.00',
          error: 1.4667,
        },
        {
          snapshotDate: '2031-06-30',
          weightedForecast: '330000.00',
          commitForecast: '480000.00',
          bestCaseForecast: '480000.00',
          error: 0.8333,
        },
      ],
    });
    const team = (await f.admin.get(`/api/forecast/accuracy?period=2031-Q2&teamId=${east.id}`)).json();
    expect(team.actualWon).toBe('200000.00');
    expect(team.items[1]).toEqual({
      snapshotDate: '2031-01-05',
      weightedForecast: '80000.00',
      commitForecast: '100000.00',
      bestCaseForecast: '100000.00',
      error: -0.6,
    });
    expect((await repA.client.get(`/api/forecast/accuracy?period=2031-Q2&teamId=${east.id}`)).statusCode).toBe(404);
  });

  it('has no error while nothing is won, and refuses a bad period', async () => {
    const year = (await f.admin.get('/api/forecast/accuracy?period=2030')).json();
    expect(year).toEqual({
      period: '2030',
      actualWon: '0.00',
      items: [
        {
          snapshotDate: '2030-12-30',
          weightedForecast: '0.00',
          commitForecast: '0.00',
          bestCaseForecast: '0.00',
          error: null,
        },
        {
          snapshotDate: '2030-12-31',
          weightedForecast: '0.00',
          commitForecast: '0.00',
          bestCaseForecast: '0.00',
          error: null,
        },
      ],
    });
    for (const bad of ['2031-Q5', '2031-13', '31-Q1', '']) {
      const res = await f.admin.get(`/api/forecast/accuracy?period=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().fields[0].path).toBe('query.period');
    }
  });
});

describe('won / lost', () => {
  const range = 'from=2031-04-01&to=2031-06-30';

  it('counts what closed on those days, why deals were lost and to whom', async () => {
    expect((await f.admin.get(`/api/analysis/win-loss?${range}`)).json()).toEqual({
      won: { count: 4, amount: '380000.00' },
      lost: { count: 5, amount: '141000.00' },
      winRate: 0.4444,
      reasons: [
        { reason: '价格太高', count: 2, amount: '30000.00' },
        { reason: '未填写原因', count: 2, amount: '12000.00' },
        { reason: '关系', count: 1, amount: '99000.00' },
      ],
      competitors: [
        { competitorId: expect.any(String), name: '国际云科技', count: 2, amount: '104000.00' },
        { competitorId: expect.any(String), name: '东方软件', count: 2, amount: '30000.00' },
      ],
      sources: [
        {
          source: '未填写来源',
          won: { count: 4, amount: '380000.00' },
          lost: { count: 5, amount: '141000.00' },
          winRate: 0.4444,
        },
      ],
      provinces: [
        {
          provinceCode: null,
          name: null,
          won: { count: 4, amount: '380000.00' },
          lost: { count: 5, amount: '141000.00' },
          winRate: 0.4444,
        },
      ],
    });
    const en = (await f.admin.get(`/api/analysis/win-loss?${range}`, { 'accept-language': 'en' })).json();
    expect(en.reasons[1].reason).toBe('No reason given');
    const empty = (await f.admin.get('/api/analysis/win-loss?from=2031-08-01&to=2031-08-31')).json();
    expect(empty).toEqual({
      won: { count: 0, amount: '0.00' },
      lost: { count: 0, amount: '0.00' },
      winRate: null,
      reasons: [],
      competitors: [],
      sources: [],
      provinces: [],
    });
  });

  it("stays within the caller's scope and filters by owner and team", async () => {
    const mine = (await repA.client.get(`/api/analysis/win-loss?${range}`)).json();
    expect(mine).toMatchObject({
      won: { count: 3, amount: '180000.00' },
      lost: { count: 4, amount: '42000.00' },
      winRate: 0.4286,
    });
    expect(mine.competitors.map((c: { name: string; count: number }) => [c.name, c.count])).toEqual([
      ['东方软件', 2],
      ['国际云科技', 1],
    ]);
    expect(mine.reasons.map((r: { reason: string }) => r.reason)).not.toContain('关系');
    const b = (await f.admin.get(`/api/analysis/win-loss?${range}&ownerId=${repB.id}`)).json();
    expect(b).toMatchObject({
      won: { count: 1, amount: '200000.00' },
      lost: { count: 1, amount: '99000.00' },
      winRate: 0.5,
    });
    expect((await f.admin.get(`/api/analysis/win-loss?${range}&teamId=${east.id}`)).json()).toEqual(b);
    // Another rep's deals stay out even when asked for by owner.
    expect((await repA.client.get(`/api/analysis/win-loss?${range}&ownerId=${repB.id}`)).json().won).toEqual({
      count: 0,
      amount: '0.00',
    });
    expect((await repA.client.get(`/api/analysis/win-loss?${range}&teamId=${east.id}`)).statusCode).toBe(404);
  });

  it('refuses an end before the start and an unknown team', async () => {
    const res = await f.admin.get('/api/analysis/win-loss?from=2031-06-30&to=2031-04-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'query.to', code: 'end_before_start' });
    expect(
      (await f.admin.get(`/api/analysis/win-loss?${range}&teamId=01900000-0000-7000-8000-000000000000`)).statusCode,
    ).toBe(404);
    expect((await f.admin.get('/api/analysis/win-loss?from=2031-04-01')).json().fields[0].path).toBe('query.to');
  });
});
