import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Activity, ActivityType } from '../../../core/schemas/activities.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;
const count = async (table: string) =>
  (await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
const counts = async () => ({
  activities: await count('activities'),
  contacts: await count('activity_contacts'),
  users: await count('activity_users'),
  tasks: await count('tasks'),
});

describe('activity types', () => {
  it('seeds the twelve built-ins mapped onto the default funnel', async () => {
    const types: ActivityType[] = (await f.admin.get('/api/activity-types')).json().items;
    const stages: Stage[] = (await f.admin.get('/api/stages')).json().items;
    expect(types.map((x) => x.key)).toEqual([
      'training',
      'visit',
      'decision_maker_meeting',
      'consultation',
      'proposal',
      'tender',
      'negotiation',
      'signing',
      'entertainment',
      'call',
      'after_sales',
      'service',
    ]);
    const stageOf = (key: string) =>
      stages.find((s) => s.id === types.find((x) => x.key === key)?.stageId)?.name ?? null;
    expect(
      [
        'training',
        'decision_maker_meeting',
        'consultation',
        'proposal',
        'tender',
        'negotiation',
        'signing',
        'visit',
      ].map(stageOf),
    ).toEqual(['培训/交流', '见负责人', '咨询/诊断', '提供方案', '标书/谈判', '标书/谈判', '签约', null]);
    expect(types.every((x) => x.builtin && x.active && x.nameEn)).toBe(true);
  });

  it('lets admins add, rename, remap and deactivate types; built-ins are never deleted', async () => {
    const rep = await f.user();
    expect((await rep.client.post('/api/activity-types', { key: 'roadshow', name: '路演' })).statusCode).toBe(403);
    const created = await f.admin.post('/api/activity-types', { key: 'roadshow', name: '路演', nameEn: 'Roadshow' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'roadshow',
      builtin: false,
      active: true,
      position: 12,
      stageId: null,
    });
    expect(
      (await f.admin.post('/api/activity-types', { key: 'roadshow', name: '再来' })).json().fields[0],
    ).toMatchObject({ path: 'key', code: 'activity_type_taken' });
    expect((await f.admin.post('/api/activity-types', { key: 'x', name: '短' })).statusCode).toBe(400);

    const visit = (await f.admin.get('/api/activity-types')).json().items.find((x: ActivityType) => x.key === 'visit');
    const renamed = await f.admin.patch('/api/activity-types/visit', {
      version: visit.version,
      name: '客户拜访',
      active: false,
    });
    expect(renamed.json()).toMatchObject({
      name: '客户拜访',
      active: false,
      builtin: true,
      version: visit.version + 1,
    });
    expect((await f.admin.patch('/api/activity-types/visit', { version: visit.version, name: '旧' })).statusCode).toBe(
      409,
    );
    expect((await f.admin.delete('/api/activity-types/visit')).statusCode).toBe(409);
    expect((await f.admin.delete('/api/activity-types/roadshow')).statusCode).toBe(204);
    expect(
      (await f.admin.patch('/api/activity-types/visit', { version: visit.version + 1, active: true })).statusCode,
    ).toBe(200);
  });
});

describe('activities', () => {
  it('creates, reads, lists, updates and deletes an activity with attendees', async () => {
    const rep = await f.user({ name: '王磊' });
    const helper = await f.user({ name: '李娜' });
    const account = await f.account(rep.client);
    const boss = await f.contact(rep.client, { accountId: account.id, name: '张局长', title: '局长' });
    const deal = (
      await rep.client.post('/api/opportunities', { accountId: account.id, name: '二期', amount: '100' })
    ).json();
    const res = await rep.client.post('/api/activities', {
      type: 'visit',
      subject: '拜访张局长',
      accountId: account.id,
      opportunityId: deal.id,
      contactIds: [boss.id],
      userIds: [helper.id, rep.id],
      plannedStart: at('2030-03-04', '09:30'),
      plannedEnd: at('2030-03-04', '11:00'),
      place: '市卫健委 3 楼',
      objective: '确认二期预算',
      steps: ['寒暄', '介绍方案', '约下次'],
      talkingPoints: '强调同级医院案例',
      diningPlan: '午餐：附近粤菜馆',
    });
    expect(res.statusCode).toBe(201);
    const a: Activity = res.json();
    expect(a).toMatchObject({
      subject: '拜访张局长',
      accountName: account.name,
      opportunityName: '二期',
      ownerId: rep.id,
      ownerName: '王磊',
      contacts: [{ id: boss.id, name: '张局长', title: '局长' }],
      users: [{ id: helper.id, name: '李娜' }],
      plannedStart: '2030-03-04T01:30:00.000Z',
      durationMinutes: 90,
      status: 'planned',
      steps: ['寒暄', '介绍方案', '约下次'],
      completedAt: null,
      autoScheduled: false,
      version: 1,
    });
    expect((await rep.client.get(`/api/activities/${a.id}`)).json()).toEqual(a);
    const list = (await rep.client.get(`/api/activities?accountId=${account.id}`)).json();
    expect(list.items.map((x: Activity) => x.id)).toEqual([a.id]);
    expect((await rep.client.get(`/api/activities?contactId=${boss.id}`)).json().items).toHaveLength(1);
    expect(
      (
        await rep.client.get(
          `/api/activities?opportunityId=${deal.id}&from=${encodeURIComponent(at('2030-03-04', '11:00'))}`,
        )
      ).json().items,
    ).toHaveLength(0);

    const upd = await rep.client.patch(`/api/activities/${a.id}`, {
      version: 1,
      subject: '拜访张局长（改期）',
      plannedStart: at('2030-03-05', '14:00'),
      plannedEnd: at('2030-03-05', '15:00'),
      contactIds: [],
      userIds: [],
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({
      subject: '拜访张局长（改期）',
      durationMinutes: 60,
      contacts: [],
      users: [],
      version: 2,
    });
    const stale = await rep.client.patch(`/api/activities/${a.id}`, { version: 1, subject: '晚了' });
    expect(stale.statusCode).toBe(409);
    expect((await rep.client.get(`/api/activities/${a.id}`)).json().subject).toBe('拜访张局长（改期）');
    const history = await rowsOf<{ action: string }>(
      t.database.db,
      sql`select action from history where entity_type = 'activity' and entity_id = ${a.id} order by at`,
    );
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);

    expect((await rep.client.delete(`/api/activities/${a.id}`)).statusCode).toBe(204);
    expect((await rep.client.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
  });

  it('pages newest first by planned start', async () => {
    const rep = await f.user();
    const account = await f.account(rep.client);
    for (const d of ['01', '02', '03', '04', '05']) {
      await rep.client.post('/api/activities', {
        type: 'call',
        subject: `电话 ${d}`,
        accountId: account.id,
        plannedStart: at(`2030-05-${d}`, '10:00'),
        plannedEnd: at(`2030-05-${d}`, '10:15'),
      });
    }
    const first = (await rep.client.get(`/api/activities?accountId=${account.id}&limit=2`)).json();
    expect(first.items.map((x: Activity) => x.subject)).toEqual(['电话 05', '电话 04']);
    const second = (
      await rep.client.get(`/api/activities?accountId=${account.id}&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((x: Activity) => x.subject)).toEqual(['电话 03', '电话 02']);
    expect(
      (await rep.client.get(`/api/activities?accountId=${account.id}&q=${encodeURIComponent('电话 0 1')}`)).json()
        .items,
    ).toHaveLength(1);
  });

  it('completes a call: outcome, next meeting proposed, and a follow-up task in the same write', async () => {
    const rep = await f.user();
    const account = await f.account(rep.client);
    const deal = (
      await rep.client.post('/api/opportunities', { accountId: account.id, name: '网络升级', amount: '100' })
    ).json();
    const a: Activity = (
      await rep.client.post('/api/activities', {
        type: 'proposal',
        subject: '方案汇报',
        accountId: account.id,
        opportunityId: deal.id,
        plannedStart: at('2025-06-01', '14:00'),
        plannedEnd: at('2025-06-01', '16:00'),
      })
    ).json();
    const res = await rep.client.post(`/api/activities/${a.id}/complete`, {
      version: 1,
      outcome: '客户认可方案，要求补充报价',
      nextMeetingProposed: true,
      nextSteps: '下周一前提交报价单',
      followUp: { title: '提交报价单', dueDate: '2030-06-08' },
    });
    expect(res.statusCode).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({
      status: 'done',
      outcome: '客户认可方案，要求补充报价',
      nextMeetingProposed: true,
      nextSteps: '下周一前提交报价单',
      version: 2,
    });
    expect(Date.now() - Date.parse(done.completedAt)).toBeLessThan(60_000);
    const [task] = await rowsOf<Record<string, unknown>>(
      t.database.db,
      sql`select title, due_date::text as due, assignee_id, account_id, opportunity_id, activity_id, notes, done from tasks where id = ${done.followUpTaskId}`,
    );
    expect(task).toEqual({
      title: '提交报价单',
      due: '2030-06-08',
      assignee_id: rep.id,
      account_id: account.id,
      opportunity_id: deal.id,
      activity_id: a.id,
      notes: '下周一前提交报价单',
      done: false,
    });

    // A bad assignee leaves both the activity and the tasks untouched.
    const before = await counts();
    const bad = await rep.client.post(`/api/activities/${a.id}/complete`, {
      version: 2,
      nextMeetingProposed: false,
      followUp: { title: 'x', dueDate: '2030-06-09', assigneeId: (await f.user()).id },
    });
    expect(bad.json().fields[0]).toMatchObject({ path: 'followUp.assigneeId', code: 'task_not_assignable' });
    expect(await counts()).toEqual(before);
    expect((await rep.client.get(`/api/activities/${a.id}`)).json().nextMeetingProposed).toBe(true);
    expect(
      (await rep.client.post(`/api/activities/${a.id}/complete`, { version: 1, nextMeetingProposed: false }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const rep = await f.user();
    const account = await f.account(rep.client);
    const other = await f.account(rep.client);
    const theirContact = await f.contact(rep.client, { accountId: other.id });
    const theirDeal = (
      await rep.client.post('/api/opportunities', { accountId: other.id, name: '别家', amount: '1' })
    ).json();
    const elsewhere = await f.user();
    const base = {
      type: 'visit',
      subject: '拜访',
      accountId: account.id,
      plannedStart: at('2030-07-01', '10:00'),
      plannedEnd: at('2030-07-01', '11:00'),
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ plannedEnd: at('2030-07-01', '09:59') }, 'plannedEnd', 'end_before_start'],
      [{ plannedEnd: at('2030-08-15', '09:00') }, 'plannedEnd', 'activity_too_long'],
      [{ contactIds: [theirContact.id] }, 'contactIds', 'other_account_contact'],
      [{ contactIds: ['0190a0a0-0000-7000-8000-000000000001'] }, 'contactIds', 'unknown_contact'],
      [{ opportunityId: theirDeal.id }, 'opportunityId', 'other_account_opportunity'],
      [{ opportunityId: '0190a0a0-0000-7000-8000-000000000001' }, 'opportunityId', 'unknown_opportunity'],
      [{ type: 'no_such_type' }, 'type', 'unknown_activity_type'],
      [{ userIds: ['0190a0a0-0000-7000-8000-000000000001'] }, 'userIds', 'unknown_user'],
      [{ ownerId: elsewhere.id }, 'ownerId', 'not_assignable'],
      [{ accountId: (await f.account()).id }, 'accountId', 'unknown_account'],
      [{ plannedStart: '2030-07-01 10:00' }, 'plannedStart', 'format'],
    ];
    const before = await counts();
    for (const [patch, path, code] of cases) {
      const res = await rep.client.post('/api/activities', { ...base, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().fields[0], JSON.stringify(patch)).toMatchObject({ path, code });
    }
    expect(await counts()).toEqual(before);

    const a: Activity = (await rep.client.post('/api/activities', base)).json();
    const after = await counts();
    for (const [patch, path, code] of cases.filter(([p]) => !('accountId' in p))) {
      const res = await rep.client.patch(`/api/activities/${a.id}`, { version: 1, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ path, code });
    }
    expect(await counts()).toEqual(after);
    expect((await rep.client.get(`/api/activities/${a.id}`)).json().version).toBe(1);

    // An inactive type is refused for new activities, but an activity already of that type stays editable.
    const ent = (await f.admin.get('/api/activity-types'))
      .json()
      .items.find((x: ActivityType) => x.key === 'entertainment');
    const dinner: Activity = (await rep.client.post('/api/activities', { ...base, type: 'entertainment' })).json();
    await f.admin.patch('/api/activity-types/entertainment', { version: ent.version, active: false });
    expect(
      (await rep.client.post('/api/activities', { ...base, type: 'entertainment' })).json().fields[0],
    ).toMatchObject({ path: 'type', code: 'unknown_activity_type' });
    expect(
      (await rep.client.patch(`/api/activities/${dinner.id}`, { version: 1, type: 'entertainment', subject: '晚宴' }))
        .statusCode,
    ).toBe(200);
    await f.admin.patch('/api/activity-types/entertainment', { version: ent.version + 1, active: true });
  });

  it('documents its routes in OpenAPI', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json();
    for (const [path, method, tag] of [
      ['/api/activities', 'post', 'activities'],
      ['/api/activities/{id}/complete', 'post', 'activities'],
      ['/api/activities.ics', 'get', 'activities'],
      ['/api/activity-types/{key}', 'patch', 'activities'],
      ['/api/calendar', 'get', 'calendar'],
      ['/api/settings/activities', 'put', 'settings'],
      ['/api/analysis/time', 'get', 'analysis'],
    ]) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
  });

  it('keeps viewers read-only', async () => {
    const viewer = await f.user({ role: 'viewer', dataScope: 'all' });
    const account = await f.account();
    const a = (
      await f.admin.post('/api/activities', {
        type: 'call',
        subject: '电话',
        accountId: account.id,
        plannedStart: at('2030-09-01', '10:00'),
        plannedEnd: at('2030-09-01', '10:10'),
      })
    ).json();
    expect((await viewer.client.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect(
      (
        await viewer.client.post('/api/activities', {
          type: 'call',
          subject: '电话',
          accountId: account.id,
          plannedStart: at('2030-09-01', '10:00'),
          plannedEnd: at('2030-09-01', '10:10'),
        })
      ).statusCode,
    ).toBe(403);
    expect((await viewer.client.patch(`/api/activities/${a.id}`, { version: 1, subject: 'x' })).statusCode).toBe(403);
    expect((await viewer.client.delete(`/api/activities/${a.id}`)).statusCode).toBe(403);
  });
});
