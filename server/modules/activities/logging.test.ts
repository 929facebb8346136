// A call is logged as done once it has happened (issue 18): one planned more than a day ahead is
// refused until its date moves, however it would become done — logged, created done, set done,
// or a done call moved into the future.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Activity } from '../../../core/schemas/activities.ts';

let t: TestApp;
let f: Factories;
let rep: Awaited<ReturnType<Factories['user']>>;
let accountId: string;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  rep = await f.user();
  accountId = (await f.account(rep.client)).id;
});
afterAll(() => t.close());

const HOUR = 3_600_000;
/** An hour-long call starting `hours` from now. */
const slot = (hours: number) => {
  const start = Date.now() + hours * HOUR;
  return { plannedStart: new Date(start).toISOString(), plannedEnd: new Date(start + HOUR).toISOString() };
};
const plan = async (hours: number, extra: Record<string, unknown> = {}): Promise<Activity> => {
  const res = await rep.client.post('/api/activities', {
    type: 'visit',
    subject: '拜访',
    accountId,
    ...slot(hours),
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const tasks = async () => (await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from tasks`))[0].n;
const refused = (res: { statusCode: number; json(): { fields: unknown[] } }) => {
  expect(res.statusCode).toBe(400);
  expect(res.json().fields[0]).toMatchObject({ path: 'plannedStart', code: 'done_in_future' });
};

describe('logging a call that has not happened', () => {
  it('refuses to log a call planned more than a day ahead, in both languages, and writes nothing', async () => {
    const a = await plan(25);
    const before = await tasks();
    const res = await rep.client.post(`/api/activities/${a.id}/complete`, {
      version: 1,
      nextMeetingProposed: true,
      outcome: '还没去',
      followUp: { title: '寄资料', dueDate: '2030-01-01' },
    });
    refused(res);
    expect(res.json().fields[0].messages).toEqual({
      zh: 'plannedStart：计划时间在 1 天以后，尚未发生的活动不能记为已完成；如已提前进行，请先修改日期',
      en: 'plannedStart is more than a day ahead: a call that has not happened cannot be logged as done; change the date first',
    });
    expect(await tasks()).toBe(before);
    expect((await rep.client.get(`/api/activities/${a.id}`)).json()).toMatchObject({
      status: 'planned',
      outcome: null,
      completedAt: null,
      version: 1,
    });

    // With the date changed first, it logs.
    const moved = await rep.client.patch(`/api/activities/${a.id}`, { version: 1, ...slot(-2) });
    expect(moved.statusCode, moved.body).toBe(200);
    const logged = await rep.client.post(`/api/activities/${a.id}/complete`, { version: 2, nextMeetingProposed: true });
    expect(logged.statusCode, logged.body).toBe(200);
    expect(logged.json().status).toBe('done');
  });

  it('allows a day of slack: a call held a few hours early logs as it is', async () => {
    const a = await plan(23);
    const res = await rep.client.post(`/api/activities/${a.id}/complete`, { version: 1, nextMeetingProposed: false });
    expect(res.statusCode, res.body).toBe(200);
    // Re-logging a past call (to correct what came of it) stays possible.
    const past = await plan(-48);
    expect(
      (await rep.client.post(`/api/activities/${past.id}/complete`, { version: 1, nextMeetingProposed: false }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await rep.client.post(`/api/activities/${past.id}/complete`, {
          version: 2,
          nextMeetingProposed: true,
          outcome: '补记',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses creating a call done in the future, but not a past or a planned one', async () => {
    const before = (await rep.client.get(`/api/activities?accountId=${accountId}&limit=100`)).json().items.length;
    refused(
      await rep.client.post('/api/activities', {
        type: 'visit',
        subject: '拜访',
        accountId,
        ...slot(72),
        status: 'done',
      }),
    );
    expect((await rep.client.get(`/api/activities?accountId=${accountId}&limit=100`)).json().items).toHaveLength(
      before,
    );
    expect((await plan(-3, { status: 'done' })).status).toBe('done');
    expect((await plan(72, { status: 'planned' })).status).toBe('planned');
    expect((await plan(72, { status: 'cancelled' })).status).toBe('cancelled');
  });

  it('refuses setting a future call done, or moving a done call into the future', async () => {
    const future = await plan(48);
    refused(await rep.client.patch(`/api/activities/${future.id}`, { version: 1, status: 'done' }));
    // Moved back and set done in one write is the date changed first.
    const both = await rep.client.patch(`/api/activities/${future.id}`, { version: 1, status: 'done', ...slot(-1) });
    expect(both.json()).toMatchObject({ status: 'done', version: 2 });

    refused(await rep.client.patch(`/api/activities/${future.id}`, { version: 2, ...slot(30) }));
    // A done call may move within the past, be edited without moving, or go back to planned and then move.
    expect((await rep.client.patch(`/api/activities/${future.id}`, { version: 2, ...slot(-5) })).statusCode).toBe(200);
    expect(
      (await rep.client.patch(`/api/activities/${future.id}`, { version: 3, subject: '拜访（补记）' })).statusCode,
    ).toBe(200);
    const replanned = await rep.client.patch(`/api/activities/${future.id}`, {
      version: 4,
      status: 'planned',
      ...slot(30),
    });
    expect(replanned.json()).toMatchObject({ status: 'planned', completedAt: null, version: 5 });
  });
});
