// The calendar and the iCalendar export hold a bounded number of entries (issue 19 item 14): an
// admin's month had grown to 1,100 calls and 1.5 MB a response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { expectSchema } from '../../test/schema.ts';
import { Calendar, CALENDAR_LIMIT } from '../../../core/schemas/activities.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import { ICS_LIMIT } from './calendar.service.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const week = { from: '2030-03-04T00:00:00+08:00', to: '2030-03-11T00:00:00+08:00' };

/** A user with `calls` half-hour calls ten minutes apart from `first`, and `tasks` tasks due over five days from `firstDue`, written in bulk. */
async function busyUser(calls: number, first: Date, tasks = 0, firstDue = '2030-03-04') {
  const user = await f.user();
  const account = await f.account(user.client);
  // The user's row gives the organisation.
  await t.database.db.execute(sql`
    insert into activities (org_id, id, type, subject, account_id, owner_id, planned_start, planned_end)
    select u.org_id, gen_random_uuid(), 'visit', '拜访 ' || lpad(i::text, 4, '0'), ${account.id}, u.id,
           ${first}::timestamptz + i * interval '10 minutes', ${first}::timestamptz + i * interval '10 minutes' + interval '30 minutes'
      from generate_series(0, ${calls - 1}) i, users u where u.id = ${user.id}`);
  if (tasks) {
    await t.database.db.execute(sql`
      insert into tasks (org_id, id, title, due_date, assignee_id)
      select u.org_id, gen_random_uuid(), '任务 ' || lpad(i::text, 4, '0'), ${firstDue}::date + i / ${Math.ceil(tasks / 5)}, u.id
        from generate_series(0, ${tasks - 1}) i, users u where u.id = ${user.id}`);
  }
  return user;
}

describe('the calendar holds at most CALENDAR_LIMIT calls and tasks', () => {
  it('returns the earliest of a crowded window and says it is truncated', async () => {
    const user = await busyUser(CALENDAR_LIMIT + 1, new Date('2030-03-04T08:00:00+08:00'), CALENDAR_LIMIT + 1);
    const res = await user.client.get(`/api/calendar?${q(week)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Calendar>();
    expectSchema(Calendar, body);
    expect(body.truncated).toBe(true);
    expect(body.activities).toHaveLength(CALENDAR_LIMIT);
    expect(body.activities.map((a) => a.subject)).toEqual(
      Array.from({ length: CALENDAR_LIMIT }, (_, i) => `拜访 ${String(i).padStart(4, '0')}`),
    );
    expect(body.tasks).toHaveLength(CALENDAR_LIMIT);
    expect(body.tasks.map((x) => x.dueDate)).toEqual([...body.tasks.map((x) => x.dueDate)].sort());
    expect(res.body.length).toBeLessThan(400_000);

    // A smaller limit, and the rest of the window.
    const three = (await user.client.get(`/api/calendar?${q({ ...week, limit: '3' })}`)).json<Calendar>();
    expect(three.activities.map((a) => a.subject)).toEqual(['拜访 0000', '拜访 0001', '拜访 0002']);
    expect(three.tasks).toHaveLength(3);
    expect(three.truncated).toBe(true);
    // The last call runs 19:20–19:50 on the 7th (5,000 minutes after the first), its predecessor until 19:40.
    const rest = (
      await user.client.get(`/api/calendar?${q({ from: '2030-03-07T19:45:00+08:00', to: week.to })}`)
    ).json<Calendar>();
    expect(rest.activities.map((a) => a.subject)).toEqual(['拜访 0500']);
    expect(rest.truncated).toBe(false);
  });

  it('is not truncated when the window holds exactly the limit', async () => {
    const user = await busyUser(3, new Date('2030-03-04T08:00:00+08:00'), 3);
    const body = (await user.client.get(`/api/calendar?${q({ ...week, limit: '3' })}`)).json<Calendar>();
    expect([body.activities.length, body.tasks.length, body.truncated]).toEqual([3, 3, false]);
    // Tasks alone past the limit truncate too.
    expect((await user.client.get(`/api/calendar?${q({ ...week, limit: '2' })}`)).json<Calendar>().truncated).toBe(
      true,
    );
  });

  it('refuses a limit above the cap', async () => {
    const res = await f.admin.get(`/api/calendar?${q({ ...week, limit: String(CALENDAR_LIMIT + 1) })}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().fields?.[0]).toMatchObject({ path: 'query.limit', code: 'maximum' });
  });
});

describe('the iCalendar export holds at most ICS_LIMIT events', () => {
  it('exports the earliest of a crowded year', async () => {
    const user = await busyUser(ICS_LIMIT + 1, new Date(Date.now() + 86_400_000));
    const res = await user.client.get('/api/activities.ics');
    expect(res.statusCode).toBe(200);
    const summaries = res.body.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries).toHaveLength(ICS_LIMIT);
    expect(summaries.at(-1)).toBe(`SUMMARY:拜访 ${String(ICS_LIMIT - 1).padStart(4, '0')}`);
  });
});
