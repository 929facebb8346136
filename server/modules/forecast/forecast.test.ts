import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { ForecastRow } from '../../../core/schemas/forecast.ts';
import { quarterOfDate, parsePeriod } from '../../../core/period.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let stages: Stage[];
type U = Awaited<ReturnType<Factories['user']>>;
let manager: U, a: U, b: U, c: U;
let north: { id: string }, beijing: { id: string }, east: { id: string };

// Won deals count in the quarter they are signed in (now), open ones in the quarter they are expected to close.
const period = quarterOfDate(shanghaiDate(new Date()));
const { last } = parsePeriod(period)!;
const later = `${Number(period.slice(0, 4)) + 1}-06-30`;
const row = (rows: ForecastRow[], key: string) => rows.find((r) => r.key === key)!;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  north = await f.team({ name: '华北区' });
  beijing = await f.team({ name: '北京组', parentId: north.id });
  east = await f.team({ name: '华东区' });
  manager = await f.user({ role: 'manager', teamId: north.id, name: '王经理' });
  a = await f.user({ teamId: beijing.id, name: '甲' });
  b = await f.user({ teamId: north.id, name: '乙' });
  c = await f.user({ teamId: east.id, name: '丙' });
  const [s1, , , s4, s5, won] = stages;
  await f.deal(a.client, { amount: '100000', stageId: s1.id, expectedCloseDate: last });
  await f.deal(a.client, { amount: '200000', stageId: s5.id, expectedCloseDate: last });
  await f.deal(a.client, { amount: '50000', stageId: won.id, expectedCloseDate: later });
  await f.deal(b.client, { amount: '300000', stageId: s4.id, expectedCloseDate: last });
  await f.deal(b.client, { amount: '999999', stageId: s4.id, expectedCloseDate: later });
  await f.deal(c.client, { amount: '1000000', stageId: s1.id, expectedCloseDate: last, forecastCategory: 'omitted' });
  const year = period.slice(0, 4);
  for (const [client, body] of [
    [manager.client, { userId: a.id, period, target: '400000' }],
    [f.admin, { userId: b.id, period: year, target: '1200000', stretch: '1600000' }],
    [f.admin, { teamId: east.id, period, target: '2000000' }],
  ] as const) {
    const res = await client.post('/api/quotas', body);
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => t.close());

describe('forecast', () => {
  it('rolls up closed, commit, best case and pipeline per rep against quota', async () => {
    const res = await f.admin.get(`/api/forecast?period=${period}`);
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc).toMatchObject({ period, groupBy: 'owner', probabilities: 'configured' });
    expect(row(fc.rows, a.id)).toMatchObject({
      label: '甲',
      deals: 3,
      closedWon: '50000.00',
      commit: '200000.00',
      pipeline: '100000.00',
      commitForecast: '250000.00',
      bestCaseForecast: '250000.00',
      weighted: '170000.00',
      weightedForecast: '220000.00',
      quota: { target: '400000.00', stretch: '400000.00', challenge: '400000.00' },
      attainment: 0.125,
      remaining: '350000.00',
      coverage: 0.8571,
    });
    // A yearly quota gives a quarter its three months' share.
    expect(row(fc.rows, b.id)).toMatchObject({
      deals: 1,
      bestCase: '300000.00',
      quota: { target: '300000.00', stretch: '400000.00' },
      coverage: 1,
    });
    expect(row(fc.rows, c.id)).toMatchObject({ omitted: '1000000.00', weighted: '0.00', quota: null });
    // The whole organisation: the root teams' quotas (north from its people, east its own).
    expect(fc.totals).toMatchObject({
      deals: 5,
      closedWon: '50000.00',
      quota: { target: '2700000.00' },
      bestCaseForecast: '550000.00',
    });
  });

  it("keeps a rep to their own deals and a manager to their teams'", async () => {
    const rep = (await a.client.get(`/api/forecast?period=${period}`)).json();
    expect(rep.rows.map((r: ForecastRow) => r.key)).toEqual([a.id]);
    expect(rep.totals.quota.target).toBe('400000.00');
    const mgr = (await manager.client.get(`/api/forecast?period=${period}`)).json();
    expect(mgr.rows.map((r: ForecastRow) => r.key).sort()).toEqual([a.id, b.id].sort());
    expect(mgr.totals).toMatchObject({ deals: 4, quota: { target: '700000.00' } });
    expect((await a.client.get(`/api/forecast?period=${period}&teamId=${east.id}`)).statusCode).toBe(404);
    expect((await a.client.get(`/api/forecast?period=${period}&ownerId=${c.id}`)).statusCode).toBe(404);
  });

  it('rolls a team up with its sub-teams, or groups by team, stage and month', async () => {
    const team = (await f.admin.get(`/api/forecast?period=${period}&teamId=${north.id}`)).json();
    expect(team.totals).toMatchObject({ deals: 4, quota: { target: '700000.00' } });
    const byTeam = (await f.admin.get(`/api/forecast?period=${period}&groupBy=team`)).json();
    expect(row(byTeam.rows, beijing.id)).toMatchObject({ label: '北京组', deals: 3, quota: { target: '400000.00' } });
    expect(row(byTeam.rows, east.id)).toMatchObject({ quota: { target: '2000000.00' } });
    const byStage = (
      await f.admin.get(`/api/forecast?period=${period}&groupBy=stage`, { 'accept-language': 'en' })
    ).json();
    expect(byStage.rows.map((r: ForecastRow) => r.label)).toEqual([
      'Training',
      'Meeting the decision owner',
      'Consulting',
      'Proposal',
      'Tender & negotiation',
      'Signed',
    ]);
    expect(row(byStage.rows, stages[5].id).closedWon).toBe('50000.00');
    expect(byStage.totals.label).toBe('Total');
    const byMonth = (await f.admin.get(`/api/forecast?period=${period}&groupBy=month`)).json();
    expect(byMonth.rows.map((r: ForecastRow) => r.key)).toEqual(parsePeriod(period)!.months);
    expect(byMonth.rows.reduce((n: number, r: ForecastRow) => n + r.deals, 0)).toBe(5);
  });

  it('refuses a bad period, grouping or team', async () => {
    for (const [url, path] of [
      ['/api/forecast?period=2027-Q5', 'query.period'],
      ['/api/forecast?period=27', 'query.period'],
      ['/api/forecast?period=9999', 'query.period'],
      [`/api/forecast?period=${period}&groupBy=region`, 'query.groupBy'],
      [`/api/forecast?period=${period}&probabilities=magic`, 'query.probabilities'],
    ]) {
      const res = await f.admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().fields[0].path).toBe(path);
    }
    expect((await f.admin.get('/api/forecast?period=2027-Q5')).json().fields[0].messages.en).toContain('YYYY-Qn');
    expect(
      (await f.admin.get(`/api/forecast?period=${period}&teamId=00000000-0000-4000-8000-000000000000`)).statusCode,
    ).toBe(404);
  });
});

describe('pipeline summary', () => {
  it('weights one deal of 100,000 in each of the first five stages to 205,000', async () => {
    const d = await f.user({ name: '丁' });
    for (const s of stages.slice(0, 5)) await f.deal(d.client, { amount: '100000', stageId: s.id });
    const res = await d.client.get('/api/pipeline/summary');
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary.totals).toEqual({ count: 5, amount: '500000.00', weightedAmount: '205000.00' });
    expect(summary.stages.map((s: { probability: number; count: number }) => [s.probability, s.count])).toEqual([
      [10, 1],
      [20, 1],
      [45, 1],
      [50, 1],
      [80, 1],
    ]);
    expect((await f.admin.get(`/api/pipeline/summary?teamId=${east.id}`)).json().totals).toMatchObject({
      count: 1,
      amount: '1000000.00',
    });
    expect((await d.client.get(`/api/pipeline/summary?ownerId=${c.id}`)).statusCode).toBe(404);
  });
});

describe('calibrated probabilities', () => {
  it('shows the observed win rate per stage and can forecast with it', async () => {
    const e = await f.user({ name: '戊' });
    const [s1, s2, s3, , , won, lost] = stages;
    const close = async (stageId: string, outcome: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const deal = await f.deal(e.client, { stageId });
        const res = await e.client.patch(`/api/opportunities/${deal.id}`, {
          version: deal.version,
          stageId: outcome,
          confirmUnmetCriteria: true,
        });
        if (res.statusCode !== 200) throw new Error(res.body);
      }
    };
    await close(s1.id, lost.id, 2);
    await close(s3.id, lost.id, 1);
    await close(s2.id, won.id, 1);
    const cal = (await e.client.get('/api/forecast/calibration')).json();
    expect(cal.closedDeals).toBe(4);
    expect(
      cal.stages
        .slice(0, 4)
        .map((s: { configured: number; observed: number | null; reached: number }) => [
          s.configured,
          s.observed,
          s.reached,
        ]),
    ).toEqual([
      [10, 25, 4],
      [20, 50, 2],
      [45, 50, 2],
      [50, 100, 1],
    ]);
    await f.deal(e.client, { amount: '100000', stageId: s1.id, expectedCloseDate: last });
    const fc = (await e.client.get(`/api/forecast?period=${period}&probabilities=calibrated`)).json();
    expect(fc.probabilities).toBe('calibrated');
    expect(fc.totals.weighted).toBe('25000.00');
    expect((await e.client.get('/api/forecast/calibration?from=2027-02-01&to=2027-01-01')).statusCode).toBe(400);
  });

  it('counts a deal in the period it was signed in', async () => {
    const g = await f.user({ name: '己' });
    const deal = await f.deal(g.client, { amount: '70000', stageId: stages[5].id });
    await t.database.db.execute(sql`update opportunities set closed_at = '2020-05-10T02:00:00Z' where id = ${deal.id}`);
    const may = (await g.client.get('/api/forecast?period=2020-05')).json();
    expect(may.totals.closedWon).toBe('70000.00');
    expect((await g.client.get('/api/forecast?period=2020-04')).json().totals.closedWon).toBe('0.00');
  });
});

describe('OpenAPI', () => {
  it('documents the forecasting routes', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json();
    for (const [path, method, tag] of [
      ['/api/quotas', 'post', 'quotas'],
      ['/api/quotas/{id}', 'patch', 'quotas'],
      ['/api/forecast', 'get', 'forecast'],
      ['/api/forecast/calibration', 'get', 'forecast'],
      ['/api/pipeline/summary', 'get', 'pipeline'],
      ['/api/planner', 'post', 'planner'],
      ['/api/planner/plans/{year}', 'put', 'planner'],
      ['/api/planner/actual', 'get', 'planner'],
    ]) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
  });
});
