import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { Calendar, type Activity } from '../../../core/schemas/activities.ts';
import { expectSchema } from '../../test/schema.ts';
import type { Team } from '../../../core/schemas/org.ts';

let t: TestApp;
let f: Factories;
let parent: Team;
let sub: Team;
let manager: Awaited<ReturnType<Factories['user']>>;
let rep: Awaited<ReturnType<Factories['user']>>;
let outsider: Awaited<ReturnType<Factories['user']>>;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  parent = await f.team({ name: '政企事业部' });
  sub = await f.team({ name: '华北区', parentId: parent.id });
  manager = await f.user({ role: 'manager', teamId: parent.id, name: '钱经理' });
  rep = await f.user({ teamId: sub.id, managerId: manager.id, name: '王磊' });
  outsider = await f.user({ name: '外组' });
});
afterAll(() => t.close());

const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const week = { from: at('2031-03-03', '00:00'), to: at('2031-03-10', '00:00') };

async function plan(client: Factories['admin'], body: Record<string, unknown>): Promise<Activity> {
  const res = await client.post('/api/activities', { type: 'visit', subject: '拜访', ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

describe('activity data scope', () => {
  it("hides another team's activities from a rep and shows sub-teams' to their manager", async () => {
    const account = await f.account(rep.client);
    const a = await plan(rep.client, {
      accountId: account.id,
      plannedStart: at('2031-03-04', '09:00'),
      plannedEnd: at('2031-03-04', '10:00'),
    });

    expect((await outsider.client.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await outsider.client.patch(`/api/activities/${a.id}`, { version: 1, subject: 'x' })).statusCode).toBe(404);
    expect((await outsider.client.delete(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.client.post(`/api/activities/${a.id}/complete`, { version: 1, nextMeetingProposed: true }))
        .statusCode,
    ).toBe(404);
    expect((await outsider.client.get(`/api/activities?accountId=${account.id}`)).json().items).toEqual([]);
    expect((await outsider.client.get(`/api/calendar?${q({ ...week, userId: rep.id })}`)).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/calendar?${q({ ...week, teamId: sub.id })}`)).statusCode).toBe(404);
    // Nor can an outsider plan a call on the account.
    expect(
      await plan(outsider.client, { accountId: account.id, plannedStart: week.from, plannedEnd: week.from }).catch(
        (e: Error) => e.message,
      ),
    ).toContain('unknown_account');

    expect((await manager.client.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect(
      (await manager.client.get(`/api/activities?ownerId=${rep.id}`)).json().items.map((x: Activity) => x.id),
    ).toEqual([a.id]);
    expect(
      (await manager.client.get(`/api/activities?teamId=${sub.id}`)).json().items.map((x: Activity) => x.id),
    ).toEqual([a.id]);
    const theirs: Calendar = (await manager.client.get(`/api/calendar?${q({ ...week, userId: rep.id })}`)).json();
    expect(theirs.activities.map((x) => x.id)).toEqual([a.id]);
    const team: Calendar = (await manager.client.get(`/api/calendar?${q({ ...week, teamId: parent.id })}`)).json();
    expect(team.activities).toEqual([
      {
        id: a.id,
        type: 'visit',
        subject: '拜访',
        accountId: account.id,
        accountName: account.name,
        ownerId: rep.id,
        ownerName: '王磊',
        plannedStart: '2031-03-04T01:00:00.000Z',
        plannedEnd: '2031-03-04T02:00:00.000Z',
        status: 'planned',
        place: null,
        version: 1,
      },
    ]);
    // A rep's scope is themselves: their manager's calendar is out of it.
    expect((await rep.client.get(`/api/calendar?${q({ ...week, userId: manager.id })}`)).statusCode).toBe(404);
    expect(
      (await rep.client.get(`/api/calendar?${q({ ...week, userId: '0190a0a0-0000-7000-8000-000000000001' })}`))
        .statusCode,
    ).toBe(404);
  });

  it('lets an invited colleague see the call on an account outside their scope', async () => {
    const account = await f.account(rep.client);
    const a = await plan(rep.client, {
      accountId: account.id,
      userIds: [outsider.id],
      plannedStart: at('2031-03-05', '14:00'),
      plannedEnd: at('2031-03-05', '15:00'),
    });
    expect((await outsider.client.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect((await outsider.client.get('/api/accounts/' + account.id)).statusCode).toBe(404);
    const mine: Calendar = (await outsider.client.get(`/api/calendar?${q(week)}`)).json();
    expect(mine.activities.map((x) => x.id)).toEqual([a.id]);
    expect((await outsider.client.get('/api/activities')).json().items.map((x: Activity) => x.id)).toEqual([a.id]);
    // Moved out of the week, it leaves the attendee's calendar too.
    await rep.client.patch(`/api/activities/${a.id}`, {
      version: 1,
      plannedStart: at('2031-03-12', '14:00'),
      plannedEnd: at('2031-03-12', '15:00'),
    });
    expect((await outsider.client.get(`/api/calendar?${q(week)}`)).json().activities).toEqual([]);
    expect(
      (
        await outsider.client.get(
          `/api/calendar?${q({ from: at('2031-03-10', '00:00'), to: at('2031-03-17', '00:00') })}`,
        )
      )
        .json()
        .activities.map((x: Activity) => x.id),
    ).toEqual([a.id]);
  });
});

describe('calendar', () => {
  it('returns what overlaps the window, with the tasks due in it', async () => {
    const cal = await f.user({ name: '日历' });
    const account = await f.account(cal.client);
    const ids = {
      // The longest call allowed (31 days), ending inside the window.
      month: (
        await plan(cal.client, {
          accountId: account.id,
          subject: '驻场一个月',
          plannedStart: at('2025-04-05', '09:00'),
          plannedEnd: at('2025-05-06', '09:00'),
        })
      ).id,
      before: (
        await plan(cal.client, {
          accountId: account.id,
          subject: '之前',
          plannedStart: at('2025-05-04', '08:00'),
          plannedEnd: at('2025-05-05', '00:00'),
        })
      ).id,
      training: (
        await plan(cal.client, {
          accountId: account.id,
          type: 'training',
          subject: '三天培训',
          plannedStart: at('2025-05-03', '09:00'),
          plannedEnd: at('2025-05-06', '17:00'),
        })
      ).id,
      inside: (
        await plan(cal.client, {
          accountId: account.id,
          subject: '周二拜访',
          plannedStart: at('2025-05-06', '10:00'),
          plannedEnd: at('2025-05-06', '11:00'),
        })
      ).id,
      after: (
        await plan(cal.client, {
          accountId: account.id,
          subject: '下周',
          plannedStart: at('2025-05-12', '00:00'),
          plannedEnd: at('2025-05-12', '01:00'),
        })
      ).id,
    };
    await cal.client.post(`/api/activities/${ids.inside}/complete`, {
      version: 1,
      nextMeetingProposed: true,
      followUp: { title: '寄资料', dueDate: '2025-05-08' },
    });
    await cal.client.post(`/api/activities/${ids.before}/complete`, {
      version: 1,
      nextMeetingProposed: false,
      followUp: { title: '早了', dueDate: '2025-05-04' },
    });
    const res = await cal.client.get(
      `/api/calendar?${q({ from: at('2025-05-05', '00:00'), to: at('2025-05-12', '00:00') })}`,
    );
    expect(res.statusCode).toBe(200);
    const body: Calendar = res.json();
    expectSchema(Calendar, body);
    expect(body.activities.map((a) => a.subject)).toEqual(['驻场一个月', '三天培训', '周二拜访']);
    expect(body.activities[2].status).toBe('done');
    expect(body.tasks).toEqual([
      expect.objectContaining({
        title: '寄资料',
        dueDate: '2025-05-08',
        assigneeId: cal.id,
        assigneeName: '日历',
        accountName: account.name,
        done: false,
      }),
    ]);
    // Tasks due on the window's first and last Shanghai days are in it, the next day's not.
    for (const dueDate of ['2025-05-05', '2025-05-11', '2025-05-12'])
      await cal.client.post('/api/tasks', { title: dueDate, dueDate, assigneeId: cal.id });
    const edges: Calendar = (
      await cal.client.get(`/api/calendar?${q({ from: at('2025-05-05', '00:00'), to: at('2025-05-12', '00:00') })}`)
    ).json();
    expect(edges.tasks.map((x) => x.title)).toEqual(['2025-05-05', '寄资料', '2025-05-11']);

    const long = await cal.client.get(
      `/api/calendar?${q({ from: at('2025-05-01', '00:00'), to: at('2025-07-03', '00:00') })}`,
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0]).toMatchObject({ path: 'query.to', code: 'window_too_long' });
    expect((await cal.client.get(`/api/calendar?${q({ from: week.to, to: week.from })}`)).statusCode).toBe(400);
    expect(
      (await cal.client.get(`/api/calendar?${q({ from: at('2025-05-01', '00:00'), to: at('2025-07-02', '00:00') })}`))
        .statusCode,
    ).toBe(200);
  });
});

/** Unfolds iCalendar content lines (RFC 5545 §3.1) into [name, value] pairs. */
function icsLines(body: string): [string, string][] {
  return body
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i), l.slice(i + 1)];
    });
}

describe("the account's name on calendar entries", () => {
  it('follows a rename or a hand move, on own, manager and admin calendars and in iCalendar', async () => {
    const account = await f.account(rep.client, { name: '旧名称医院' });
    const start = new Date(Date.now() + 2 * 86_400_000);
    const window = {
      from: new Date(start.getTime() - 86_400_000).toISOString(),
      to: new Date(start.getTime() + 86_400_000).toISOString(),
    };
    const a = await plan(rep.client, {
      accountId: account.id,
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    const names = async () => {
      const views = [
        await rep.client.get(`/api/calendar?${q(window)}`),
        await manager.client.get(`/api/calendar?${q({ ...window, userId: rep.id })}`),
        await f.admin.get(`/api/calendar?${q({ ...window, userId: rep.id })}`),
      ];
      return views.map((v) => v.json<Calendar>().activities.find((x) => x.id === a.id)?.accountName);
    };
    // iCalendar folds long lines: unfolded before searching.
    const ics = async () => (await rep.client.get('/api/activities.ics')).body.replace(/\r\n /g, '');
    expect(await names()).toEqual(['旧名称医院', '旧名称医院', '旧名称医院']);
    expect(await ics()).toContain('旧名称医院');

    expect(
      (await rep.client.patch(`/api/accounts/${account.id}`, { version: account.version, name: '新名称医院' }))
        .statusCode,
    ).toBe(200);
    expect(await names()).toEqual(['新名称医院', '新名称医院', '新名称医院']);
    expect(await ics()).toContain('新名称医院');
    expect(await ics()).not.toContain('旧名称医院');

    // No API moves a call to another account, but a hand edit must not leave the old name behind.
    const other = await f.account(rep.client, { name: '另一家单位' });
    await t.database.db.execute(sql`update activities set account_id = ${other.id} where id = ${a.id}`);
    expect(await names()).toEqual(['另一家单位', '另一家单位', '另一家单位']);
    // Nor can the copy be written apart from its account.
    await t.database.db.execute(sql`update activities set account_name = 'x' where id = ${a.id}`);
    expect((await names())[0]).toBe('另一家单位');
  });
});

describe('iCalendar export', () => {
  it("exports the caller's own and attended activities, escaped, one VEVENT each", async () => {
    const me = await f.user({ name: '导出' });
    const colleague = await f.user();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const mine = await f.account(me.client);
    const theirs = await f.account(colleague.client);
    const a1 = await plan(me.client, {
      accountId: mine.id,
      subject: '拜访, 讨论; 方案\\报价',
      place: '会议室 A\n3 楼',
      plannedStart: `${day(2)}T09:00:00+08:00`,
      plannedEnd: `${day(2)}T10:30:00+08:00`,
    });
    const a2 = await plan(me.client, {
      accountId: mine.id,
      type: 'call',
      subject: '电话回访',
      plannedStart: `${day(-10)}T15:00:00+08:00`,
      plannedEnd: `${day(-10)}T15:20:00+08:00`,
    });
    const a3 = await plan(colleague.client, {
      accountId: theirs.id,
      subject: '陪同拜访',
      userIds: [me.id],
      plannedStart: `${day(20)}T09:00:00+08:00`,
      plannedEnd: `${day(20)}T10:00:00+08:00`,
    });
    await plan(me.client, {
      accountId: mine.id,
      subject: '太早',
      plannedStart: `${day(-40)}T09:00:00+08:00`,
      plannedEnd: `${day(-40)}T10:00:00+08:00`,
    });
    await plan(colleague.client, {
      accountId: theirs.id,
      subject: '别人的',
      plannedStart: `${day(3)}T09:00:00+08:00`,
      plannedEnd: `${day(3)}T10:00:00+08:00`,
    });
    await me.client.patch(`/api/activities/${a2.id}`, { version: 1, status: 'cancelled' });

    const res = await me.client.get('/api/activities.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const lines = icsLines(res.body);
    expect(lines[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(lines.at(-1)).toEqual(['END', 'VCALENDAR']);
    expect(lines.filter(([k, v]) => k === 'BEGIN' && v === 'VEVENT')).toHaveLength(3);
    expect(lines.filter(([k]) => k === 'UID').map(([, v]) => v)).toEqual([a2.id, a1.id, a3.id]);
    const summaries = lines.filter(([k]) => k === 'SUMMARY').map(([, v]) => v);
    expect(summaries[1]).toBe('拜访\\, 讨论\\; 方案\\\\报价');
    expect(lines.find(([k]) => k === 'LOCATION')?.[1]).toBe('会议室 A\\n3 楼');
    expect(lines.filter(([k]) => k === 'STATUS').map(([, v]) => v)).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(lines.filter(([k]) => k === 'DTSTART')[1][1]).toBe(`${day(2).replaceAll('-', '')}T010000Z`);
  });
});
