import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import type { Task } from '../../../core/schemas/tasks.ts';
import type { ErrorBody, PageOf } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let repId: string;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const u = await f.user({ role: 'rep', name: '任务员' });
  rep = u.client;
  repId = u.id;
});
afterAll(() => t.close());

const today = () => localDate(new Date(), DEFAULT_TIME_ZONE);
const fieldOf = (res: { json<T>(): T }) => res.json<ErrorBody>().fields?.[0];
const taskCount = async () =>
  (await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from tasks`))[0].n;
const deal = async (c: Client, accountId: string, name = '二期项目') =>
  (await c.post('/api/opportunities', { accountId, name })).json<{ id: string }>();

describe('task lifecycle', () => {
  it('creates, reads, updates, completes and deletes; stale versions get 409', async () => {
    const account = await f.account(rep, { name: '华北电网' });
    const contact = await f.contact(rep, { accountId: account.id, name: '刘海涛' });
    const d = await deal(rep, account.id, '华北电网二期');
    const created = await rep.post('/api/tasks', {
      title: '  发送方案  ',
      dueDate: '2027-03-20',
      opportunityId: d.id,
      contactId: contact.id,
      notes: '附报价',
    });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json<Task>();
    // Account derived from the deal; assignee defaults to the caller.
    expect(task).toMatchObject({
      title: '发送方案',
      dueDate: '2027-03-20',
      assigneeId: repId,
      assigneeName: '任务员',
      accountId: account.id,
      accountName: '华北电网',
      opportunityName: '华北电网二期',
      contactName: '刘海涛',
      notes: '附报价',
      done: false,
      doneAt: null,
      createdById: repId,
      activityId: null,
      version: 1,
    });
    expect((await rep.get(`/api/tasks/${task.id}`)).json<Task>()).toEqual(task);

    const done = await rep.patch(`/api/tasks/${task.id}`, { version: 1, done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Task>()).toMatchObject({ done: true, version: 2 });
    expect(Date.now() - Date.parse(done.json<Task>().doneAt ?? '')).toBeLessThan(60_000);

    const stale = await rep.patch(`/api/tasks/${task.id}`, { version: 1, title: '过期' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');

    // Nothing changed: no new version.
    expect((await rep.patch(`/api/tasks/${task.id}`, { version: 2, done: true })).json<Task>().version).toBe(2);

    const reopened = await rep.patch(`/api/tasks/${task.id}`, {
      version: 2,
      done: false,
      title: '发送修订方案',
      contactId: null,
    });
    expect(reopened.json<Task>()).toMatchObject({
      done: false,
      doneAt: null,
      title: '发送修订方案',
      contactId: null,
      contactName: null,
      opportunityId: d.id,
      version: 3,
    });

    expect((await rep.delete(`/api/tasks/${task.id}`)).statusCode).toBe(204);
    expect((await rep.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await rep.delete(`/api/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('derives the account from a contact alone; a task needs no account', async () => {
    const contact = await f.contact(rep);
    const viaContact = (
      await rep.post('/api/tasks', { title: '电话回访', dueDate: '2027-01-01', contactId: contact.id })
    ).json<Task>();
    expect(viaContact.accountId).toBe(contact.accountId);
    const bare = await rep.post('/api/tasks', { title: '整理周报', dueDate: '2027-01-02' });
    expect(bare.json<Task>()).toMatchObject({ accountId: null, opportunityId: null, contactId: null });
  });

  it('assigns within the data scope or the account team, never to anyone else in the organisation', async () => {
    const team = await f.team();
    const lead = await f.user({ role: 'manager', teamId: team.id });
    const mine = await f.user({ teamId: team.id });
    const outsider = await f.user({ role: 'rep' });
    const member = await f.user({ role: 'rep' });
    const owner = await f.user({ role: 'rep' });
    // An account of someone else's that the rep and `member` are on the team of.
    const shared = await f.account(f.admin, { ownerId: owner.id });
    expect(
      (
        await f.admin.put(`/api/accounts/${shared.id}/members`, {
          members: [
            { userId: repId, role: 'member' },
            { userId: member.id, role: 'support' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const before = await taskCount();
    for (const body of [{}, { accountId: shared.id }]) {
      const res = await rep.post('/api/tasks', {
        title: '越权指派',
        dueDate: '2027-02-01',
        assigneeId: outsider.id,
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldOf(res)).toMatchObject({ path: 'assigneeId', code: 'task_not_assignable' });
    }
    // The account team (its members and its owner) only for a task on that account.
    expect(
      fieldOf(await rep.post('/api/tasks', { title: '无客户', dueDate: '2027-02-01', assigneeId: member.id }))?.code,
    ).toBe('task_not_assignable');
    expect(await taskCount()).toBe(before);
    for (const who of [member, owner]) {
      const res = await rep.post('/api/tasks', {
        title: '准备演示环境',
        dueDate: '2027-02-01',
        assigneeId: who.id,
        accountId: shared.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const task = res.json<Task>();
      expect((await who.client.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
      expect((await rep.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    }
    // Reassigning follows the same rule; keeping the assignee while editing does not re-check it.
    const task = (
      await rep.post('/api/tasks', {
        title: '回访',
        dueDate: '2027-02-02',
        accountId: shared.id,
        assigneeId: member.id,
      })
    ).json<Task>();
    const moved = await rep.patch(`/api/tasks/${task.id}`, { version: task.version, assigneeId: outsider.id });
    expect(fieldOf(moved)).toMatchObject({ path: 'assigneeId', code: 'task_not_assignable' });
    expect((await rep.patch(`/api/tasks/${task.id}`, { version: task.version, title: '电话回访' })).statusCode).toBe(
      200,
    );
    // A manager assigns across their team; the team's own people need no account.
    expect(
      (await lead.client.post('/api/tasks', { title: '周报', dueDate: '2027-02-01', assigneeId: mine.id })).statusCode,
    ).toBe(201);
    expect(
      fieldOf(await lead.client.post('/api/tasks', { title: '周报', dueDate: '2027-02-01', assigneeId: outsider.id }))
        ?.code,
    ).toBe('task_not_assignable');
    expect(
      (await f.admin.post('/api/tasks', { title: '全公司', dueDate: '2027-02-01', assigneeId: outsider.id }))
        .statusCode,
    ).toBe(201);

    // The picker's list is the same rule.
    const names = async (c: Client, q = '') =>
      (await c.get(`/api/tasks/assignees${q}`)).json<{ items: { id: string }[] }>().items.map((u) => u.id);
    expect(await names(rep)).toEqual([repId]);
    expect((await names(rep, `?accountId=${shared.id}`)).sort()).toEqual([repId, member.id, owner.id].sort());
    expect((await names(lead.client)).sort()).toEqual([lead.id, mine.id].sort());
    expect(await names(f.admin)).toEqual(expect.arrayContaining([outsider.id, member.id, repId]));
    const hidden = await f.account(f.admin);
    const res = await rep.get(`/api/tasks/assignees?accountId=${hidden.id}`);
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toMatchObject({ path: 'query.accountId', code: 'unknown_account' });
  });

  it("a call's follow-up task follows the same rule", async () => {
    const member = await f.user({ role: 'rep' });
    const outsider = await f.user({ role: 'rep' });
    const shared = await f.account(f.admin);
    await f.admin.put(`/api/accounts/${shared.id}/members`, {
      members: [
        { userId: repId, role: 'member' },
        { userId: member.id, role: 'member' },
      ],
    });
    const call = async () =>
      (
        await rep.post('/api/activities', {
          type: 'visit',
          subject: '拜访',
          accountId: shared.id,
          plannedStart: '2025-06-01T09:00:00+08:00',
          plannedEnd: '2025-06-01T10:00:00+08:00',
        })
      ).json<{ id: string; version: number }>();
    const a = await call();
    const refused = await rep.post(`/api/activities/${a.id}/complete`, {
      version: a.version,
      nextMeetingProposed: false,
      followUp: { title: '报价', dueDate: '2030-06-08', assigneeId: outsider.id },
    });
    expect(fieldOf(refused)).toMatchObject({ path: 'followUp.assigneeId', code: 'task_not_assignable' });
    const done = await rep.post(`/api/activities/${a.id}/complete`, {
      version: a.version,
      nextMeetingProposed: false,
      followUp: { title: '报价', dueDate: '2030-06-08', assigneeId: member.id },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      (await member.client.get(`/api/tasks/${done.json<{ followUpTaskId: string }>().followUpTaskId}`)).json<Task>(),
    ).toMatchObject({ assigneeId: member.id, accountId: shared.id });
  });
});

describe('bad input: 400 naming the field, nothing written', () => {
  it.each([
    ['assigneeId', 'unknown', 'unknown_user'],
    ['assigneeId', 'inactive', 'unknown_user'],
    ['accountId', 'invisible', 'unknown_account'],
    ['opportunityId', 'other account', 'other_account_opportunity'],
    ['opportunityId', 'invisible', 'unknown_opportunity'],
    ['contactId', 'other account', 'other_account_contact'],
    ['contactId', 'unknown', 'unknown_contact'],
    ['dueDate', 'not a date', 'format'],
    ['title', 'empty', 'min_length'],
  ])('%s: %s', async (field, why, code) => {
    const mine = await f.account(rep);
    const otherAccount = await f.account(rep);
    const foreign = await f.account(f.admin);
    const body: Record<string, unknown> = { title: '任务', dueDate: '2027-05-01', accountId: mine.id };
    if (field === 'assigneeId' && why === 'unknown') body.assigneeId = '01890000-0000-7000-8000-000000000000';
    if (field === 'assigneeId' && why === 'inactive') {
      const gone = await f.user();
      await f.admin.patch(`/api/users/${gone.id}`, { version: gone.version, active: false });
      body.assigneeId = gone.id;
    }
    if (field === 'accountId') body.accountId = foreign.id;
    if (field === 'opportunityId')
      body.opportunityId = (
        await deal(why === 'invisible' ? f.admin : rep, why === 'invisible' ? foreign.id : otherAccount.id)
      ).id;
    if (field === 'contactId')
      body.contactId =
        why === 'unknown'
          ? '01890000-0000-7000-8000-000000000001'
          : (await f.contact(rep, { accountId: otherAccount.id })).id;
    if (field === 'dueDate') body.dueDate = '2027-13-45';
    if (field === 'title') body.title = '';
    const before = await taskCount();
    const res = await rep.post('/api/tasks', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldOf(res)).toMatchObject({ path: field, code });
    expect(await taskCount()).toBe(before);
  });

  it('an update that breaks the links is refused and changes nothing', async () => {
    const a = await f.account(rep);
    const b = await f.account(rep);
    const d = await deal(rep, a.id);
    const task = (
      await rep.post('/api/tasks', { title: '跟进', dueDate: '2027-05-01', opportunityId: d.id })
    ).json<Task>();
    const res = await rep.patch(`/api/tasks/${task.id}`, { version: 1, accountId: b.id, title: '改了' });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toMatchObject({ path: 'opportunityId', code: 'other_account_opportunity' });
    expect((await rep.get(`/api/tasks/${task.id}`)).json<Task>()).toEqual(task);
  });

  it('viewers cannot write', async () => {
    const viewer = await f.user({ role: 'viewer' });
    const mine = (await rep.post('/api/tasks', { title: '我的', dueDate: '2027-01-01' })).json<Task>();
    const before = await taskCount();
    expect((await viewer.client.post('/api/tasks', { title: '看看', dueDate: '2027-01-01' })).statusCode).toBe(403);
    expect((await viewer.client.patch(`/api/tasks/${mine.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await viewer.client.delete(`/api/tasks/${mine.id}`)).statusCode).toBe(403);
    expect(await taskCount()).toBe(before);
  });
});

describe('list', () => {
  it('open before done, then by due date, paged without gaps or repeats; filters', async () => {
    const u = await f.user({ role: 'rep' });
    const c = u.client;
    const account = await f.account(c);
    const due = ['2027-04-03', '2027-04-01', '2027-04-02', '2027-04-01', '2027-03-30'];
    const made: Task[] = [];
    for (const [i, d] of due.entries())
      made.push(
        (
          await c.post('/api/tasks', { title: `任务${i}`, dueDate: d, accountId: i < 3 ? account.id : null })
        ).json<Task>(),
      );
    await c.patch(`/api/tasks/${made[4].id}`, { version: 1, done: true });

    const seen: Task[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/tasks?assigneeId=${u.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page: PageOf<Task> = res.json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((x) => [x.done, x.dueDate])).toEqual([
      [false, '2027-04-01'],
      [false, '2027-04-01'],
      [false, '2027-04-02'],
      [false, '2027-04-03'],
      [true, '2027-03-30'],
    ]);
    expect(new Set(seen.map((x) => x.id)).size).toBe(5);

    const ids = async (q: string) =>
      (await c.get(`/api/tasks?assigneeId=${u.id}&${q}`))
        .json<PageOf<Task>>()
        .items.map((x) => x.title)
        .sort();
    expect(await ids('done=true')).toEqual(['任务4']);
    expect(await ids(`accountId=${account.id}`)).toEqual(['任务0', '任务1', '任务2']);
    expect(await ids('dueFrom=2027-04-02&dueTo=2027-04-03')).toEqual(['任务0', '任务2']);
    expect(await ids(`q=${encodeURIComponent('务3')}`)).toEqual(['任务3']);
    expect((await c.get('/api/tasks?cursor=bad')).statusCode).toBe(400);
  });

  it('overdue means open and due before today', async () => {
    const u = await f.user({ role: 'rep' });
    const c = u.client;
    const t0 = today();
    for (const [title, dueDate] of [
      ['昨天', addDays(t0, -1)],
      ['今天', t0],
      ['上周', addDays(t0, -7)],
    ])
      await c.post('/api/tasks', { title, dueDate });
    const last = (await c.post('/api/tasks', { title: '已完成', dueDate: addDays(t0, -3) })).json<Task>();
    await c.patch(`/api/tasks/${last.id}`, { version: 1, done: true });
    const titles = async (q: string) =>
      (await c.get(`/api/tasks?assigneeId=${u.id}&${q}`)).json<PageOf<Task>>().items.map((x) => x.title);
    expect(await titles('overdue=true')).toEqual(['上周', '昨天']);
    expect(await titles('overdue=false')).toEqual(['今天', '已完成']);
  });
});
