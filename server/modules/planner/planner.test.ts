import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { PlanActual } from '../../../core/schemas/forecast.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import { addMonths, planStart } from '../../../core/planner.ts';
import { organisationActor } from '../../access/index.ts';
import { plannerService } from './service.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let stages: Stage[];
type U = Awaited<ReturnType<Factories['user']>>;
let manager: U, rep: U, other: U;

const today = shanghaiDate(new Date());
const year = Number(today.slice(0, 4));
const month = today.slice(0, 7);
/** Where a plan asked for without a year starts: next month (in December, next year's January). */
const next = planStart(today);

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  const team = await f.team({ name: '华南区' });
  manager = await f.user({ role: 'manager', teamId: team.id, name: '经理' });
  rep = await f.user({ teamId: team.id, name: '客户经理甲' });
  other = await f.user({ name: '别组的人' });
});
afterAll(() => t.close());

describe('planner', () => {
  it("turns the course's example into 10 deals and 60/50/30/30/20/10 activities", async () => {
    const res = await rep.client.post('/api/planner', {
      quota: '3000000',
      averageDealSize: '300000',
      year: 2027,
      startMonth: 1,
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({
      userId: rep.id,
      year: 2027,
      startMonth: '2027-01',
      endMonth: '2027-12',
      quota: '3000000.00',
      averageDealSize: '300000.00',
      dealsNeeded: 10,
      ratios: [6, 5, 3, 3, 2, 1],
      stageWeeks: [3, 2.5, 2, 1.5, 1, 0.5],
      leadInMonths: 2,
      savedAt: null,
    });
    expect(plan).not.toHaveProperty('monthsPerStage');
    expect(plan.stageTotals.map((s: { name: string; count: number }) => [s.name, s.count])).toEqual([
      ['培训/交流', 60],
      ['见负责人', 50],
      ['咨询/诊断', 30],
      ['提供方案', 30],
      ['标书/谈判', 20],
      ['签约', 10],
    ]);
    expect(plan.months).toHaveLength(12);
    const placed = plan.months.reduce((n: number, m: { total: number }) => n + m.total, 0) + plan.backlog.total;
    expect(placed).toBe(200);
    // "1月 2月 3月-1单 … 12月-1单": a signing every month after two months' lead-in (July too), 6+5+3+3+2+1 a month at full swing.
    const signing = plan.stageTotals[5].stageId;
    expect(plan.months.map((m: { counts: Record<string, number> }) => m.counts[signing])).toEqual([
      0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ]);
    expect(plan.peakMonthlyTotal).toBe(20);
  });

  it('takes stage durations in weeks, and months per stage from older clients', async () => {
    const weeks = (
      await rep.client.post('/api/planner', {
        quota: '3000000',
        averageDealSize: '300000',
        year: 2027,
        startMonth: 1,
        stageWeeks: [1, 1, 1, 1, 1, 1],
      })
    ).json();
    expect(weeks).toMatchObject({ stageWeeks: [1, 1, 1, 1, 1, 1], leadInMonths: 1 });
    const months = (
      await rep.client.post('/api/planner', {
        quota: '3000000',
        averageDealSize: '300000',
        year: 2027,
        startMonth: 1,
        monthsPerStage: 2,
      })
    ).json();
    expect(months.stageWeeks).toEqual([8.5, 8.5, 8.5, 8.5, 8.5, 8.5]);
    // A plan started in December covers the next eleven months too: no year's quota packed into one month.
    const december = (
      await rep.client.post('/api/planner', { quota: '3000000', averageDealSize: '300000', year: 2026, startMonth: 12 })
    ).json();
    expect(december).toMatchObject({ startMonth: '2026-12', endMonth: '2027-11', peakMonthlyTotal: 20 });
    expect(december.months).toHaveLength(12);
  });

  it('refuses zero or negative amounts and ratios of the wrong length or sign', async () => {
    for (const [body, path] of [
      [{ quota: '0', averageDealSize: '1' }, 'quota'],
      [{ quota: '-100', averageDealSize: '1' }, 'quota'],
      [{ quota: '100', averageDealSize: '0.00' }, 'averageDealSize'],
      [{ quota: '100', averageDealSize: '1', ratios: [6, 5, 3] }, 'ratios'],
      [{ quota: '100', averageDealSize: '1', ratios: [6, 5, 3, 3, -2, 1] }, 'ratios.4'],
      [{ quota: '100', averageDealSize: '1', ratios: [0, 0, 0, 0, 0, 0] }, 'ratios'],
      [{ quota: '100', averageDealSize: '1', monthsPerStage: 0 }, 'monthsPerStage'],
      [{ quota: '100', averageDealSize: '1', stageWeeks: [1, 1] }, 'stageWeeks'],
      [{ quota: '100', averageDealSize: '1', stageWeeks: [3, 2.5, 2, 1.25, 1, 0.5] }, 'stageWeeks.3'],
      [{ quota: '100', averageDealSize: '1', stageWeeks: [3, 2.5, 2, 1.5, 1, 0] }, 'stageWeeks.5'],
      [{ quota: '100', averageDealSize: '1', year: 1999 }, 'year'],
      [{ quota: '100', averageDealSize: '1', userId: other.id }, 'userId'],
    ] as const) {
      const res = await rep.client.post('/api/planner', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((x: { path: string }) => x.path)).toContain(path);
    }
    const zero = await rep.client.post('/api/planner', { quota: '0', averageDealSize: '1' });
    expect(zero.json().fields[0].messages).toEqual({
      zh: 'quota：须为大于 0 的金额（最多两位小数）',
      en: 'quota must be an amount above 0 with at most 2 decimals',
    });
    const wrongLength = await rep.client.post('/api/planner', { quota: '100', averageDealSize: '1', ratios: [1] });
    expect(wrongLength.json().fields[0].messages.en).toBe('ratios must have 6 numbers, one per planning stage');
    const quarterWeek = await rep.client.post('/api/planner', {
      quota: '100',
      averageDealSize: '1',
      stageWeeks: [3, 2.5, 2, 1.25, 1, 0.5],
    });
    expect(quarterWeek.json().fields[0].messages).toEqual({
      zh: 'stageWeeks.3：须为 0.5 的整数倍',
      en: 'stageWeeks.3 must be a multiple of 0.5',
    });
  });

  it("defaults to the next twelve whole months, the person's yearly quota and average won deal", async () => {
    const noQuota = await rep.client.post('/api/planner', {});
    expect(noQuota.statusCode).toBe(400);
    expect(noQuota.json().fields[0]).toMatchObject({ path: 'quota', code: 'no_quota' });
    expect(
      (await manager.client.post('/api/quotas', { userId: rep.id, period: String(next.year), target: '1000000' }))
        .statusCode,
    ).toBe(201);
    const noDeals = await rep.client.post('/api/planner', {});
    expect(noDeals.json().fields[0]).toMatchObject({ path: 'averageDealSize', code: 'no_won_deals' });
    await f.deal(rep.client, { amount: '200000', stageId: stages[5].id });
    await f.deal(rep.client, { amount: '300000.01', stageId: stages[5].id });
    const plan = (await rep.client.post('/api/planner', {})).json();
    expect(plan).toMatchObject({
      quota: '1000000.00',
      averageDealSize: '250000.01',
      averageDealSizeSource: 'own',
      dealsNeeded: 4,
      year: next.year,
      startMonth: next.startMonth,
    });
    expect(plan.months[0].month).toBe(next.startMonth);
    expect(plan.months).toHaveLength(12);
    expect(plan.startMonth > month).toBe(true);
  });

  it("defaults the average to the person's own won deals, else their team's, else the organisation's, and says which", async () => {
    // 客户经理甲 (华南区) has won 200,000.00 and 300,000.01 by now; nobody else has won anything.
    const newcomer = await f.user({ teamId: rep.teamId, name: '新人' });
    const loner = await f.user({ name: '独立团队' });
    for (const u of [newcomer, loner])
      expect(
        (await f.admin.post('/api/quotas', { userId: u.id, period: String(next.year), target: '1000000' })).statusCode,
      ).toBe(201);
    // Another team wins a large deal: the newcomer's plan stays on their own team's deals.
    await f.deal(other.client, { amount: '1000000', stageId: stages[5].id });
    const team = (await newcomer.client.post('/api/planner', {})).json();
    expect(team).toMatchObject({ averageDealSize: '250000.01', averageDealSizeSource: 'team', dealsNeeded: 4 });
    expect((await manager.client.post('/api/planner', { userId: newcomer.id })).json()).toMatchObject({
      averageDealSize: '250000.01',
      averageDealSizeSource: 'team',
    });
    // Nobody in their team has won: the organisation's, 1,500,000.01 ÷ 3.
    expect((await loner.client.post('/api/planner', {})).json()).toMatchObject({
      averageDealSize: '500000.00',
      averageDealSizeSource: 'org',
      dealsNeeded: 2,
    });
    expect((await rep.client.post('/api/planner', {})).json()).toMatchObject({
      averageDealSize: '250000.01',
      averageDealSizeSource: 'own',
    });
    expect((await newcomer.client.post('/api/planner', { averageDealSize: '100000' })).json()).toMatchObject({
      averageDealSize: '100000.00',
      averageDealSizeSource: 'input',
      dealsNeeded: 10,
    });
    // Plan vs actual's plan from the quota takes the same average.
    const fromQuota = (await newcomer.client.post('/api/planner', { year: next.year })).json();
    const actual = (
      await manager.client.get(`/api/planner/actual?year=${next.year}&userId=${newcomer.id}`)
    ).json<PlanActual>().people[0];
    expect(actual.planSource).toBe('quota');
    expect(actual.months.map((m) => m.plannedTotal)).toEqual(fromQuota.months.map((m: { total: number }) => m.total));
  });

  it('saves a plan, and a manager can keep the plans of their people', async () => {
    const saved = await rep.client.put(`/api/planner/plans/${year}`, {
      quota: '300000',
      averageDealSize: '300000',
      ratios: [1, 0, 0, 0, 0, 1],
      startMonth: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().savedAt).not.toBeNull();
    const got = await manager.client.get(`/api/planner/plans/${year}?userId=${rep.id}`);
    expect(got.json()).toMatchObject({ userId: rep.id, dealsNeeded: 1, savedAt: saved.json().savedAt });
    expect((await other.client.get(`/api/planner/plans/${year}?userId=${rep.id}`)).statusCode).toBe(404);
    expect(
      (await rep.client.put(`/api/planner/plans/${year}`, { quota: '1', averageDealSize: '1', userId: manager.id }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await manager.client.put(`/api/planner/plans/${year + 1}`, {
          quota: '600000',
          averageDealSize: '300000',
          userId: rep.id,
        })
      ).statusCode,
    ).toBe(200);
    expect((await rep.client.get(`/api/planner/plans/${year + 2}`)).statusCode).toBe(404);
  });

  it('holds done activities against the plan and says who is behind', async () => {
    const account = await f.account(rep.client);
    const log = async (type: string, day: string) => {
      const res = await rep.client.post('/api/activities', {
        type,
        subject: '活动',
        accountId: account.id,
        plannedStart: `${day}T09:00:00+08:00`,
        plannedEnd: `${day}T10:00:00+08:00`,
        status: 'done',
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    // The saved plan: one deal signing in March after the two months' lead-in, its training in January. All on 1 January, so no call is ever ahead of now by more than a day (a done call cannot be).
    await log('training', `${year}-01-01`);
    await log('visit', `${year}-01-01`); // a visit belongs to no stage
    // The manager's own call counts for the manager, not for the rep.
    const own = await manager.client.post('/api/activities', {
      type: 'training',
      subject: '培训',
      accountId: account.id,
      plannedStart: `${year}-01-01T09:00:00+08:00`,
      plannedEnd: `${year}-01-01T10:00:00+08:00`,
      status: 'done',
    });
    expect(own.statusCode).toBe(201);
    const res = await manager.client.get(`/api/planner/actual?year=${year}`);
    expect(res.statusCode).toBe(200);
    const actual: PlanActual = res.json();
    expect(actual.stages).toHaveLength(6);
    const me = actual.people.find((p) => p.userId === rep.id)!;
    expect(me).toMatchObject({ planSource: 'saved', plannedToDate: month >= `${year}-03` ? 2 : 1, doneToDate: 1 });
    expect(me.months[0]).toMatchObject({ month: `${year}-01`, plannedTotal: 1, doneTotal: 1 });
    expect(me.months[0].done[stages[0].id]).toBe(1);
    expect(me.months[2].planned[stages[5].id]).toBe(1);
    const mine = actual.people.find((p) => p.userId === manager.id)!;
    expect(mine.months[0]).toMatchObject({ doneTotal: 1 });
    expect(mine.months[0].done[stages[0].id]).toBe(1);
    expect(actual.people.some((p) => p.userId === other.id)).toBe(false);
    // A rep sees only themselves.
    expect(
      (await rep.client.get(`/api/planner/actual?year=${year}`)).json().people.map((p: { userId: string }) => p.userId),
    ).toEqual([rep.id]);
    expect((await rep.client.get(`/api/planner/actual?year=${year}&userId=${other.id}`)).statusCode).toBe(404);
  });

  it("holds this year's calls against last year's plan where it reaches into this year", async () => {
    const late = await f.user({ teamId: rep.teamId, name: '七月入职' });
    const saved = (
      await late.client.put(`/api/planner/plans/${year - 1}`, {
        quota: '3000000',
        averageDealSize: '300000',
        startMonth: 7,
      })
    ).json();
    expect(saved).toMatchObject({ startMonth: `${year - 1}-07`, endMonth: `${year}-06` });
    const me = (await manager.client.get(`/api/planner/actual?year=${year}&userId=${late.id}`)).json<PlanActual>()
      .people[0];
    expect(me.planSource).toBe('saved');
    expect(me.months.map((m) => m.plannedTotal)).toEqual([
      ...saved.months.slice(6).map((m: { total: number }) => m.total),
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
  });

  it('reads a plan saved with months per stage, from before durations were in weeks', async () => {
    const old = await f.user({ teamId: rep.teamId, name: '老计划' });
    const {
      stageWeeks: _w,
      leadInMonths: _l,
      endMonth: _e,
      ...plan
    } = (
      await old.client.post('/api/planner', { quota: '600000', averageDealSize: '300000', year, startMonth: 1 })
    ).json();
    const stored = { ...plan, monthsPerStage: 1, savedAt: new Date().toISOString() };
    await t.database.db.execute(
      sql`insert into activity_plans (org_id, user_id, year, plan) select org_id, id, ${year}, ${JSON.stringify(stored)}::jsonb from users where id = ${old.id}`,
    );
    const got = await old.client.get(`/api/planner/plans/${year}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({
      stageWeeks: [4.5, 4.5, 4.5, 4.5, 4.5, 4.5],
      leadInMonths: 2,
      endMonth: `${year}-12`,
      dealsNeeded: 2,
      months: plan.months,
    });
    expect(got.json()).not.toHaveProperty('monthsPerStage');
    const actual = (await manager.client.get(`/api/planner/actual?year=${year}&userId=${old.id}`)).json<PlanActual>()
      .people[0];
    expect(actual).toMatchObject({ planSource: 'saved' });
    expect(actual.months.map((m) => m.plannedTotal)).toEqual(plan.months.map((m: { total: number }) => m.total));
  });

  it("opens with the saved plan, else the quota's plan, else says what is missing: never an error", async () => {
    const fresh = await f.user({ teamId: rep.teamId, name: '还没有指标' });
    const draft = async (as = fresh) => {
      const res = await as.client.get(`/api/planner/draft?year=${next.year}&userId=${fresh.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await draft()).toEqual({ plan: null, saved: false, missing: ['quota'] });
    expect(
      (await manager.client.post('/api/quotas', { userId: fresh.id, period: String(next.year), target: '900000' }))
        .statusCode,
    ).toBe(201);
    // Their team has won deals by now: the plan the quota and the defaults give, not saved.
    const computed = await draft(manager);
    expect(computed).toMatchObject({ saved: false, missing: [] });
    expect(computed.plan).toMatchObject({
      userId: fresh.id,
      quota: '900000.00',
      averageDealSizeSource: 'team',
      startMonth: next.startMonth,
      savedAt: null,
    });
    expect((await fresh.client.put(`/api/planner/plans/${next.year}`, { averageDealSize: '450000' })).statusCode).toBe(
      200,
    );
    const saved = await draft();
    expect(saved).toMatchObject({ saved: true, missing: [], plan: { averageDealSize: '450000.00', dealsNeeded: 2 } });
    expect(saved.plan.savedAt).not.toBeNull();
    // Someone else's plan out of one's scope is not found, as everywhere.
    expect((await other.client.get(`/api/planner/draft?year=${next.year}&userId=${fresh.id}`)).statusCode).toBe(404);
    expect((await rep.client.get(`/api/planner/draft?year=1800`)).statusCode).toBe(400);
  });

  it('plan vs actual, without a saved plan, shows the schedule the planner opens with', async () => {
    // A day two months on (three when that is December): the planner then starts the month after, not
    // in January, and this user's won deal is within the twelve months its average looks back over.
    const ahead = (n: number) => addMonths(month, n);
    const at = ahead(2).endsWith('-12') ? ahead(3) : ahead(2);
    const now = new Date(`${at}-15T04:00:00Z`);
    const target = Number(at.slice(0, 4));
    const u = await f.user({ teamId: rep.teamId, name: '年中入职' });
    await f.deal(u.client, { amount: '300000', stageId: stages[5].id });
    expect(
      (await manager.client.post('/api/quotas', { userId: u.id, period: String(target), target: '3000000' }))
        .statusCode,
    ).toBe(201);
    const service = plannerService(t.database.db);
    const actor = organisationActor(f.orgId, manager.id, 'manager');
    const plan = await service.compute(actor, { year: target, userId: u.id }, now);
    expect(plan.startMonth).toBe(addMonths(at, 1));
    const actual = (await service.actual(actor, { year: target, userId: u.id }, now)).people[0];
    expect(actual.planSource).toBe('quota');
    const first = plan.months[0];
    expect(actual.months.map((m) => m.plannedTotal)).toEqual(
      actual.months.map(
        (m) =>
          (plan.months.find((pm) => pm.month === m.month)?.total ?? 0) +
          (m.month === first.month ? plan.backlog.total : 0),
      ),
    );
  });
});

describe('done activities per month', () => {
  it('keeps the monthly counts equal to the calls themselves through every kind of write', async () => {
    const account = await f.account(rep.client);
    const at = (day: string) => ({ plannedStart: `${day}T23:30:00+08:00`, plannedEnd: `${day}T23:50:00+08:00` });
    const create = async (body: Record<string, unknown>) => {
      const res = await rep.client.post('/api/activities', {
        type: 'proposal',
        subject: '方案',
        accountId: account.id,
        ...body,
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json();
    };
    const done = await create({ ...at('2025-01-31'), status: 'done' }); // 15:30 UTC: still January in Shanghai
    const planned = await create({ ...at('2025-02-10') });
    const logged = await rep.client.post(`/api/activities/${planned.id}/complete`, {
      version: planned.version,
      outcome: '客户认可',
      nextMeetingProposed: true,
    });
    expect(logged.statusCode, logged.body).toBe(200);
    const moved = await rep.client.patch(`/api/activities/${done.id}`, {
      version: done.version,
      type: 'tender',
      ...at('2025-03-01'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const gone = await create({ ...at('2025-04-01'), status: 'done' });
    expect((await rep.client.delete(`/api/activities/${gone.id}`)).statusCode).toBe(204);
    const handed = await f.admin.patch(`/api/activities/${planned.id}`, {
      version: logged.json().version,
      ownerId: manager.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);

    const kept = await rowsOf<{ owner_id: string; month: string; type: string; done: number }>(
      t.database.db,
      sql`select owner_id, to_char(month, 'YYYY-MM') as month, type, done from activity_month_counts where org_id = ${f.orgId} and done <> 0 order by 1, 2, 3`,
    );
    const scanned = await rowsOf<{ owner_id: string; month: string; type: string; done: number }>(
      t.database.db,
      sql`select owner_id, to_char((planned_start at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month, type, count(*)::int as done
          from activities where org_id = ${f.orgId} and status = 'done' group by 1, 2, 3 order by 1, 2, 3`,
    );
    expect(kept).toEqual(scanned);
    expect(kept.filter((k) => k.month.startsWith('2025')).map((k) => [k.owner_id, k.month, k.type])).toEqual(
      [
        [rep.id, '2025-03', 'tender'],
        [manager.id, '2025-02', 'proposal'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});
