// The notification centre through the API: which rows become reminders, read marks, the badge.
// The rules themselves are unit-tested with a fixed clock in core/reminders.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import { activities, reminderReads } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { remindersService } from './service.ts';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import type { Reminders } from '../../../core/schemas/activities.ts';
import type { Task } from '../../../core/schemas/tasks.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let repId: string;
let orgId: string;
const today = localDate(new Date(), DEFAULT_TIME_ZONE);
const HOUR = 3_600_000;

const task = async (c: Client, title: string, dueDate: string, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/tasks', { title, dueDate, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
};
const reminders = async (c: Client, headers?: Record<string, string>) => {
  const res = await c.get('/api/reminders', headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Reminders>();
};
/** Activities go in directly: this file tests the reminder queries, not the activities API. */
const activity = async (
  ownerId: string,
  accountId: string,
  p: { type?: string; status?: 'planned' | 'done'; start: number; end: number; subject: string },
) => {
  const id = newId();
  await t.database.db.insert(activities).values({
    orgId,
    id,
    type: p.type ?? 'visit',
    subject: p.subject,
    accountId,
    ownerId,
    plannedStart: new Date(p.start),
    plannedEnd: new Date(p.end),
    status: p.status ?? 'planned',
    completedAt: p.status === 'done' ? new Date(p.end) : null,
  });
  return id;
};

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const u = await f.user({ role: 'rep', name: '提醒员' });
  rep = u.client;
  repId = u.id;
  orgId = f.orgId;
});
afterAll(() => t.close());

describe('GET /api/reminders', () => {
  let keys: Record<string, string>;

  beforeAll(async () => {
    const account = await f.account(rep, { name: '华北电网' });
    const overdue = await task(rep, '发送报价', addDays(today, -1), { accountId: account.id });
    const dueToday = await task(rep, '确认会议室', today);
    await task(rep, '下周的事', addDays(today, 7));
    const finished = await task(rep, '已完成的', addDays(today, -2));
    await rep.patch(`/api/tasks/${finished.id}`, { version: 1, done: true });
    const birthday = `1980-${addDays(today, 3).slice(5)}`;
    const friend = await f.contact(rep, { accountId: account.id, name: '刘海涛', birthday });
    await f.contact(rep, { accountId: account.id, name: '没生日' });
    // Someone else's account and tasks: not this rep's reminders.
    const other = await f.user({ role: 'rep' });
    const theirs = await f.account(other.client);
    await f.contact(other.client, { accountId: theirs.id, name: '别人的客户', birthday });
    await task(other.client, '别人的任务', addDays(today, -1));
    const now = Date.now();
    const followUp = await activity(repId, account.id, {
      type: 'after_sales',
      start: now + 20 * HOUR,
      end: now + 21 * HOUR,
      subject: '售后回访',
    });
    const unlogged = await activity(repId, account.id, {
      start: now - 5 * HOUR,
      end: now - 3 * HOUR,
      subject: '技术交流',
    });
    await activity(repId, account.id, {
      status: 'done',
      start: now - 5 * HOUR,
      end: now - 3 * HOUR,
      subject: '已记录的拜访',
    });
    await activity(repId, account.id, { start: now + 20 * HOUR, end: now + 21 * HOUR, subject: '普通拜访' });
    await activity(other.id, theirs.id, { start: now - 5 * HOUR, end: now - 3 * HOUR, subject: '别人的拜访' });
    keys = {
      overdue: `task_overdue:${overdue.id}:${addDays(today, -1)}`,
      dueToday: `task_due_soon:${dueToday.id}:${today}`,
      birthday: `birthday:${friend.id}:${nextOccurrence(birthday)}`,
      followUp: `follow_up_due:${followUp}:${new Date(now + 20 * HOUR).toISOString()}`,
      unlogged: `activity_unlogged:${unlogged}:${new Date(now - 3 * HOUR).toISOString()}`,
    };
  });

  it("lists exactly the caller's reminders, most urgent first, with the overdue badge", async () => {
    const r = await reminders(rep);
    expect(r.items.map((i) => i.key).sort()).toEqual(Object.values(keys).sort());
    expect(r.items[0]).toMatchObject({
      key: keys.overdue,
      kind: 'task_overdue',
      severity: 'high',
      entityType: 'task',
      read: false,
      message: `任务「发送报价」已逾期（截止 ${addDays(today, -1)}）`,
    });
    expect(r.items.map((i) => i.severity)).toEqual(
      [...r.items.map((i) => i.severity)].sort(
        (a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b),
      ),
    );
    expect(r.items.find((i) => i.key === keys.birthday)).toMatchObject({
      kind: 'birthday',
      entityType: 'contact',
      severity: 'low',
    });
    expect(r.items.find((i) => i.key === keys.unlogged)).toMatchObject({
      kind: 'activity_unlogged',
      entityType: 'activity',
    });
    expect(r.unread).toBe(5);
    expect(r.overdueTasks).toBe(1);
  });

  it('speaks English when asked', async () => {
    const r = await reminders(rep, { 'accept-language': 'en' });
    expect(r.items.find((i) => i.key === keys.dueToday)?.message).toBe('Task "确认会议室" is due today');
  });

  it('marks given keys read, then all; unknown keys are ignored; an empty request is refused', async () => {
    expect(
      (await rep.post('/api/reminders/read', { keys: [keys.birthday, 'task_overdue:nope:2020-01-01'] })).statusCode,
    ).toBe(204);
    let r = await reminders(rep);
    expect(r.items.filter((i) => i.read).map((i) => i.key)).toEqual([keys.birthday]);
    expect(r.unread).toBe(4);
    const stored = await rowsOf<{ key: string }>(
      t.database.db,
      sql`select key from reminder_reads where user_id = ${repId}`,
    );
    expect(stored.map((s) => s.key)).toEqual([keys.birthday]);

    const bad = await rep.post('/api/reminders/read', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields?.[0]).toMatchObject({ path: 'keys', code: 'required' });

    expect((await rep.post('/api/reminders/read', { all: true })).statusCode).toBe(204);
    r = await reminders(rep);
    expect(r.unread).toBe(0);
    expect(r.items.every((i) => i.read)).toBe(true);
    // The badge counts overdue tasks, read or not.
    expect(r.overdueTasks).toBe(1);
  });

  it('a task moved to a new due date is a new occurrence: unread again', async () => {
    const id = keys.dueToday.split(':')[1];
    const current = (await rep.get(`/api/tasks/${id}`)).json<Task>();
    await rep.patch(`/api/tasks/${id}`, { version: current.version, dueDate: addDays(today, 1) });
    const r = await reminders(rep);
    expect(r.items.find((i) => i.entityId === id)).toMatchObject({
      key: `task_due_soon:${id}:${addDays(today, 1)}`,
      read: false,
    });
    expect(r.unread).toBe(1);
  });

  it('a user with nothing due has an empty centre', async () => {
    const u = await f.user({ role: 'rep' });
    expect(await reminders(u.client)).toEqual({ items: [], unread: 0, overdueTasks: 0 });
  });
});

describe('purging old reads', () => {
  it('removes reads older than 60 days and keeps the rest', async () => {
    const u = await f.user({ role: 'rep' });
    const old = new Date(Date.now() - 61 * 86_400_000);
    await t.database.db.insert(reminderReads).values([
      { orgId, userId: u.id, key: 'task_overdue:old:2020-01-01', readAt: old },
      { orgId, userId: u.id, key: 'task_overdue:new:2020-01-02' },
    ]);
    await remindersService(t.database.db).purgeOldReads();
    const left = await rowsOf<{ key: string }>(
      t.database.db,
      sql`select key from reminder_reads where user_id = ${u.id}`,
    );
    expect(left.map((r) => r.key)).toEqual(['task_overdue:new:2020-01-02']);
  });
});

function nextOccurrence(birthday: string): string {
  const thisYear = `${today.slice(0, 4)}-${birthday.slice(5)}`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${birthday.slice(5)}`;
}
