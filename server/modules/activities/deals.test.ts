// How activities feed deals: after-sales follow-ups scheduled when a deal is won, and the Blue
// Sheet's stale flag following the deal's last done activity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Activity } from '../../../core/schemas/activities.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let stages: Stage[];
let rep: Awaited<ReturnType<Factories['user']>>;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  rep = await f.user({ name: '赵销售' });
});
afterAll(() => t.close());

const won = () => stages.find((s) => s.kind === 'won')!;
const DAY = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

async function deal(name: string, stageId?: string) {
  const account = await f.account(rep.client);
  const res = await rep.client.post('/api/opportunities', {
    accountId: account.id,
    name,
    amount: '1000',
    ...(stageId ? { stageId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}
const followUps = async (opportunityId: string): Promise<Activity[]> =>
  (await rep.client.get(`/api/activities?opportunityId=${opportunityId}&type=after_sales`)).json().items.reverse();

describe('after-sales follow-up', () => {
  it('schedules 7, 30 and 90 days after signing when a deal is won, once', async () => {
    const d = await deal('医院信息化');
    const moved = await rep.client.patch(`/api/opportunities/${d.id}`, {
      version: d.version,
      stageId: won().id,
      confirmUnmetCriteria: true,
    });
    expect(moved.json().status).toBe('won');
    const signed = shanghaiDate(new Date());
    const items = await followUps(d.id);
    expect(
      items.map((a) => [a.subject, a.plannedStart, a.plannedEnd, a.status, a.autoScheduled, a.ownerId, a.accountId]),
    ).toEqual(
      [7, 30, 90].map((n) => [
        `售后回访 · 医院信息化 (+${n} 天)`,
        `${addDays(signed, n)}T01:00:00.000Z`,
        `${addDays(signed, n)}T02:00:00.000Z`,
        'planned',
        true,
        rep.id,
        d.accountId,
      ]),
    );

    // Reopened and won again: the follow-ups are not scheduled twice.
    const reopened = (
      await rep.client.patch(`/api/opportunities/${d.id}`, { version: moved.json().version, stageId: stages[0].id })
    ).json();
    expect(reopened.status).toBe('open');
    expect(
      (
        await rep.client.patch(`/api/opportunities/${d.id}`, {
          version: reopened.version,
          stageId: won().id,
          confirmUnmetCriteria: true,
        })
      ).statusCode,
    ).toBe(200);
    expect(await followUps(d.id)).toHaveLength(3);
  });

  it('follows the cadence an admin sets', async () => {
    expect((await rep.client.get('/api/settings/activities')).json()).toEqual({ afterSalesCadenceDays: [7, 30, 90] });
    expect((await rep.client.put('/api/settings/activities', { afterSalesCadenceDays: [14] })).statusCode).toBe(403);
    expect((await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [3, 3] })).statusCode).toBe(400);
    const put = await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [14, 3] });
    expect(put.json()).toEqual({ afterSalesCadenceDays: [3, 14] });

    const d = await deal('运维续约', won().id);
    const signed = shanghaiDate(new Date());
    const items = await followUps(d.id);
    expect(items.map((a) => [a.subject, a.plannedStart])).toEqual([
      ['售后回访 · 运维续约 (+3 天)', `${addDays(signed, 3)}T01:00:00.000Z`],
      ['售后回访 · 运维续约 (+14 天)', `${addDays(signed, 14)}T01:00:00.000Z`],
    ]);

    // The service record: a satisfaction score when the follow-up is logged — once it has happened.
    // Three days ahead it cannot be logged yet; moved to this morning, it can.
    const early = await rep.client.post(`/api/activities/${items[0].id}/complete`, {
      version: 1,
      nextMeetingProposed: false,
      satisfaction: 5,
    });
    expect(early.json().fields[0]).toMatchObject({ path: 'plannedStart', code: 'done_in_future' });
    const hourAgo = Date.now() - 3_600_000;
    await rep.client.patch(`/api/activities/${items[0].id}`, {
      version: 1,
      plannedStart: new Date(hourAgo).toISOString(),
      plannedEnd: new Date(hourAgo + 1_800_000).toISOString(),
    });
    const done = await rep.client.post(`/api/activities/${items[0].id}/complete`, {
      version: 2,
      nextMeetingProposed: false,
      outcome: '系统运行稳定',
      satisfaction: 5,
    });
    expect(done.json()).toMatchObject({ status: 'done', satisfaction: 5 });
    expect(
      (
        await rep.client.post(`/api/activities/${items[1].id}/complete`, {
          version: 1,
          nextMeetingProposed: false,
          satisfaction: 6,
        })
      ).statusCode,
    ).toBe(400);

    await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [] });
    expect(await followUps((await deal('不要回访', won().id)).id)).toEqual([]);
    await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [7, 30, 90] });
  });

  it('keeps follow-ups more than 30 days out off the list, counted per deal; soonest first on request', async () => {
    const d = await deal('影像云', won().id);
    const mine = `ownerId=${rep.id}&opportunityId=${d.id}`;
    const all = (await rep.client.get(`/api/activities?${mine}`)).json().items as Activity[];
    expect(all.map((a) => a.subject)).toEqual([
      '售后回访 · 影像云 (+90 天)',
      '售后回访 · 影像云 (+30 天)',
      '售后回访 · 影像云 (+7 天)',
    ]);
    // The +30 call is on the 30th day: not more than 30 days out. The +90 one is counted instead.
    const near = await rep.client.get(`/api/activities?${mine}&autoWithinDays=30&sort=soonest`);
    expect(near.statusCode, near.body).toBe(200);
    expect(near.json().items.map((a: Activity) => a.subject)).toEqual([
      '售后回访 · 影像云 (+7 天)',
      '售后回访 · 影像云 (+30 天)',
    ]);
    const later = (await rep.client.get(`/api/activities/auto-later?${mine}&afterDays=30`)).json();
    expect(later).toEqual({
      total: 1,
      deals: [
        {
          opportunityId: d.id,
          opportunityName: '影像云',
          accountId: d.accountId,
          accountName: expect.any(String),
          count: 1,
          first: all[0].plannedStart,
          last: all[0].plannedStart,
        },
      ],
    });
    // Calls typed in by hand are never left out, however far ahead.
    const far = new Date(Date.now() + 200 * DAY);
    const own = await rep.client.post('/api/activities', {
      type: 'visit',
      subject: '年度回访',
      accountId: d.accountId,
      opportunityId: d.id,
      plannedStart: far.toISOString(),
      plannedEnd: new Date(far.getTime() + 3_600_000).toISOString(),
    });
    expect(own.statusCode).toBe(201);
    expect(
      (await rep.client.get(`/api/activities?${mine}&autoWithinDays=30`)).json().items.map((a: Activity) => a.subject),
    ).toContain('年度回访');
    // Someone else sees none of it, counts included.
    const stranger = await f.user({ name: '别人' });
    expect((await stranger.client.get(`/api/activities/auto-later?afterDays=0`)).json()).toEqual({
      total: 0,
      deals: [],
    });
    expect((await rep.client.get(`/api/activities/auto-later`)).statusCode).toBe(400);
  });
});

describe('stale deals', () => {
  const isoDaysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
  const flags = async (id: string): Promise<string[]> =>
    (await rep.client.get(`/api/opportunities/${id}`)).json().redFlags.map((r: { code: string }) => r.code);
  const storedStale = async (accountId: string): Promise<number> =>
    (await rep.client.get(`/api/opportunities?accountId=${accountId}&redFlag=stale`)).json().items.length;

  async function call(d: { id: string; accountId: string }, daysAgo: number, status?: 'done') {
    const res = await rep.client.post('/api/activities', {
      type: 'visit',
      subject: `拜访 ${daysAgo} 天前`,
      accountId: d.accountId,
      opportunityId: d.id,
      plannedStart: isoDaysAgo(daysAgo),
      plannedEnd: isoDaysAgo(daysAgo - 0.05),
      ...(status ? { status } : {}),
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as Activity;
  }

  it('counts from the last done activity: appears and disappears as calls are logged, undone, moved or deleted', async () => {
    const d = await deal('数据中台');
    expect(await flags(d.id)).not.toContain('stale');

    // Only done calls count: a planned one long ago does not start the clock.
    const old = await call(d, 40);
    expect(await flags(d.id)).not.toContain('stale');
    const logged = await rep.client.post(`/api/activities/${old.id}/complete`, {
      version: 1,
      nextMeetingProposed: false,
    });
    expect(logged.statusCode).toBe(200);
    expect(await flags(d.id)).toContain('stale');
    expect(await storedStale(d.accountId)).toBe(1);
    const detail = (await rep.client.get(`/api/opportunities/${d.id}`)).json();
    expect(detail.lastActivityAt).toBe(old.plannedEnd);

    const recent = await call(d, 2, 'done');
    expect(await flags(d.id)).not.toContain('stale');
    expect(await storedStale(d.accountId)).toBe(0);

    expect((await rep.client.delete(`/api/activities/${recent.id}`)).statusCode).toBe(204);
    expect(await flags(d.id)).toContain('stale');
    expect(await storedStale(d.accountId)).toBe(1);

    // Moved to another deal of the account: the flag moves with it.
    const other = (
      await rep.client.post('/api/opportunities', { accountId: d.accountId, name: '另一个', amount: '1' })
    ).json();
    expect(
      (await rep.client.patch(`/api/activities/${old.id}`, { version: 2, opportunityId: other.id })).statusCode,
    ).toBe(200);
    expect(await flags(d.id)).not.toContain('stale');
    expect(await flags(other.id)).toContain('stale');
    expect((await rep.client.get(`/api/opportunities/${d.id}`)).json().lastActivityAt).toBeNull();

    // Un-completed: the deal has no done call left, so it is not stale.
    expect(
      (await rep.client.patch(`/api/activities/${old.id}`, { version: 3, status: 'planned' })).json(),
    ).toMatchObject({ status: 'planned', completedAt: null });
    expect(await flags(other.id)).not.toContain('stale');
    expect(await storedStale(d.accountId)).toBe(0);
  });
});
