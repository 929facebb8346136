// An organisation in a zone with daylight saving (America/New_York, 12 hours behind Shanghai in
// summer): its days, months and "today" are its own in every feature and in SQL, not Shanghai's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { build, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import { rowsOf } from '../db/client.ts';
import { opportunities, orgs } from '../db/schema.ts';
import { orgSettings, orgTimeZone } from './settings.ts';
import { addDays, dayStart, localDate } from '../../core/time.ts';
import type { Stage } from '../../core/schemas/catalog.ts';

const ZONE = 'America/New_York';
let t: TestApp;
let f: Factories;
let orgId: string;
let stages: Stage[];
let rep: Awaited<ReturnType<Factories['user']>>;
let accountId: string;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  orgId = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>().orgId;
  await t.database.db
    .update(orgs)
    .set({ settings: sql`${orgs.settings} || ${JSON.stringify({ timeZone: ZONE })}::jsonb` })
    .where(eq(orgs.id, orgId));
  stages = (await f.admin.get('/api/stages')).json().items;
  rep = await f.user({ name: '纽约销售' });
  accountId = (await f.account(rep.client)).id;
});
afterAll(() => t.close());

const won = () => stages.find((s) => s.kind === 'won')!;

async function wonDeal(name: string, closedAt: string) {
  const res = await rep.client.post('/api/opportunities', { accountId, name, amount: '100000' });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json<{ id: string }>().id;
  await t.database.db
    .update(opportunities)
    .set({
      status: 'won',
      stageId: won().id,
      forecastCategory: 'closed',
      probability: 100,
      closedAt: new Date(closedAt),
    })
    .where(eq(opportunities.id, id));
}

async function doneCall(start: string, end: string) {
  const res = await rep.client.post('/api/activities', {
    type: 'visit',
    subject: '拜访',
    accountId,
    plannedStart: start,
    plannedEnd: end,
    status: 'done',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
}

describe('an organisation outside Shanghai', () => {
  it('reads its zone from its settings', async () => {
    expect(await orgTimeZone(t.database.db, orgId)).toBe(ZONE);
    expect((await orgSettings(t.database.db, orgId)).timeZone).toBe(ZONE);
  });

  it('counts a deal signed late on 31 March, New York time, in March (forecast and win/loss)', async () => {
    await wonDeal('三月底签约', '2031-03-31T23:30:00-04:00'); // 1 April 11:30 in Shanghai
    const closedWon = async (period: string) =>
      (await f.admin.get(`/api/forecast?period=${period}&groupBy=month`)).json<{ totals: { closedWon: string } }>()
        .totals.closedWon;
    expect(await closedWon('2031-03')).toBe('100000.00');
    expect(await closedWon('2031-04')).toBe('0.00');
    const wonOn = async (day: string) =>
      (await f.admin.get(`/api/analysis/win-loss?from=${day}&to=${day}`)).json<{ won: { count: number } }>().won.count;
    expect(await wonOn('2031-03-31')).toBe(1);
    expect(await wonOn('2031-04-01')).toBe(0);
  });

  it('counts a call late on 31 March in March for plan vs actual, and on its own day for time analysis', async () => {
    await doneCall('2025-03-31T23:00:00-04:00', '2025-03-31T23:30:00-04:00'); // 1 April 11:00 in Shanghai
    const months = await rowsOf<{ month: string; done: number }>(
      t.database.db,
      sql`select month::text as month, done from activity_month_counts where org_id = ${orgId} and done <> 0 order by month`,
    );
    expect(months).toEqual([{ month: '2025-03-01', done: 1 }]);
    const minutes = async (day: string) =>
      (await f.admin.get(`/api/analysis/time?from=${day}&to=${day}&groupBy=owner`)).json<{ totalMinutes: number }>()
        .totalMinutes;
    expect(await minutes('2025-03-31')).toBe(30);
    expect(await minutes('2025-04-01')).toBe(0);
  });

  it('gives the day clocks go forward its 23 hours (9 March 2025)', async () => {
    await doneCall('2025-03-08T23:30:00-05:00', '2025-03-08T23:50:00-05:00'); // the day before
    await doneCall('2025-03-09T00:30:00-05:00', '2025-03-09T00:40:00-05:00'); // before the change
    await doneCall('2025-03-09T23:00:00-04:00', '2025-03-09T23:45:00-04:00'); // after it, late in the day
    const minutes = async (from: string, to: string) =>
      (await f.admin.get(`/api/analysis/time?from=${from}&to=${to}&groupBy=owner`)).json<{ totalMinutes: number }>()
        .totalMinutes;
    expect(await minutes('2025-03-09', '2025-03-09')).toBe(10 + 45);
    expect(await minutes('2025-03-08', '2025-03-08')).toBe(20);
    expect(await minutes('2025-03-10', '2025-03-10')).toBe(0);
  });

  it("schedules after-sales calls at 9:00 on the organisation's days and snapshots its today", async () => {
    const res = await rep.client.post('/api/opportunities', { accountId, name: '今日签约', amount: '5000' });
    const d = res.json<{ id: string; version: number }>();
    expect(
      (
        await rep.client.patch(`/api/opportunities/${d.id}`, {
          version: d.version,
          stageId: won().id,
          confirmUnmetCriteria: true,
        })
      ).statusCode,
    ).toBe(200);
    const signed = localDate(new Date(), ZONE);
    const items = (await rep.client.get(`/api/activities?opportunityId=${d.id}&type=after_sales`)).json<{
      items: { plannedStart: string }[];
    }>().items;
    expect(items.map((a) => a.plannedStart).sort()).toEqual(
      [7, 30, 90].map((n) => dayStart(addDays(signed, n), ZONE, 9).toISOString()),
    );

    const snapshot = await f.admin.post('/api/pipeline/snapshots', {});
    expect(snapshot.statusCode).toBe(201);
    expect(snapshot.json<{ date: string }>().date).toBe(localDate(new Date(), ZONE));
  });
});
