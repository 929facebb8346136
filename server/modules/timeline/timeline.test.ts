// Timelines: activities, tasks, stage changes and edits in one feed, newest first, paged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { activities, activityContacts } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { TimelineItem } from '../../../core/schemas/activities.ts';
import type { Task } from '../../../core/schemas/tasks.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { ErrorBody, PageOf } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let repId: string;
let orgId: string;
const ids = {} as Record<'account' | 'deal' | 'contact' | 'a1' | 'a2' | 'a3' | 't1' | 't2', string>;
const at = (hhmm: string) => `2027-01-10T${hhmm}:00.000Z`;
const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

/** Activities go in directly: this file tests the feed, not the activities API. */
async function activity(p: {
  subject: string;
  status: 'planned' | 'done' | 'cancelled';
  start: string;
  completed?: string;
  opportunityId?: string;
  contactIds?: string[];
}) {
  const id = newId();
  await t.database.db.insert(activities).values({
    orgId,
    id,
    type: 'visit',
    subject: p.subject,
    accountId: ids.account,
    opportunityId: p.opportunityId ?? null,
    ownerId: repId,
    plannedStart: new Date(p.start),
    plannedEnd: new Date(new Date(p.start).getTime() + 3_600_000),
    status: p.status,
    completedAt: p.completed ? new Date(p.completed) : null,
    nextMeetingProposed: p.status === 'done' ? true : null,
  });
  for (const contactId of p.contactIds ?? [])
    await t.database.db.insert(activityContacts).values({ orgId, activityId: id, contactId });
  return id;
}

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const u = await f.user({ role: 'rep', name: '时间线' });
  rep = u.client;
  repId = u.id;
  orgId = f.orgId;
  const stages = (await f.admin.get('/api/stages')).json<{ items: Stage[] }>().items;

  const account = await f.account(rep, { name: '华北电网' });
  ids.account = account.id;
  const contact = await f.contact(rep, { accountId: account.id, name: '刘海涛' });
  ids.contact = contact.id;
  await rep.patch(`/api/contacts/${contact.id}`, { version: 1, title: '主任' });
  const deal = (await rep.post('/api/opportunities', { accountId: account.id, name: '二期项目' })).json<{
    id: string;
    version: number;
  }>();
  ids.deal = deal.id;
  const moved = await rep.patch(`/api/opportunities/${deal.id}`, {
    version: deal.version,
    stageId: stages[1].id,
    confirmUnmetCriteria: true,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  await rep.patch(`/api/accounts/${account.id}`, { version: account.version, industry: '能源' });
  ids.t1 = (
    await rep.post('/api/tasks', { title: '发送方案', dueDate: '2027-01-20', contactId: contact.id })
  ).json<Task>().id;
  const t2 = (
    await rep.post('/api/tasks', { title: '确认预算', dueDate: '2027-01-15', opportunityId: deal.id })
  ).json<Task>();
  ids.t2 = t2.id;
  await rep.patch(`/api/tasks/${t2.id}`, { version: 1, done: true });
  ids.a1 = await activity({
    subject: '技术交流',
    status: 'done',
    start: at('04:00'),
    completed: at('09:00'),
    contactIds: [contact.id],
  });
  ids.a2 = await activity({ subject: '方案汇报', status: 'planned', start: at('08:00'), opportunityId: deal.id });
  ids.a3 = await activity({ subject: '宴请', status: 'cancelled', start: at('10:00'), contactIds: [contact.id] });

  // Pin every moment so the expected order is exact.
  await exec(sql`update history set at = ${at('01:00')} where entity_id = ${account.id} and action = 'create'`);
  await exec(sql`update history set at = ${at('05:00')} where entity_id = ${account.id} and action = 'update'`);
  await exec(sql`update history set at = ${at('02:00')} where entity_id = ${deal.id} and action = 'create'`);
  await exec(sql`update history set at = ${at('06:01')} where entity_id = ${deal.id} and action = 'update'`);
  await exec(sql`update history set at = ${at('00:30')} where entity_id = ${contact.id} and action = 'create'`);
  await exec(sql`update history set at = ${at('05:30')} where entity_id = ${contact.id} and action = 'update'`);
  await exec(
    sql`update stage_history set at = ${at('02:01')} where opportunity_id = ${deal.id} and from_stage_id is null`,
  );
  await exec(
    sql`update stage_history set at = ${at('06:00')} where opportunity_id = ${deal.id} and from_stage_id is not null`,
  );
  await exec(sql`update tasks set created_at = ${at('03:00')} where id = ${ids.t1}`);
  await exec(sql`update tasks set created_at = ${at('03:30')}, done_at = ${at('07:00')} where id = ${ids.t2}`);
});
afterAll(() => t.close());

async function feed(c: Client, query: string, limit = 50): Promise<TimelineItem[]> {
  const out: TimelineItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/timeline?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: PageOf<TimelineItem> = res.json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
const brief = (items: TimelineItem[]) => items.map((i) => `${i.at.slice(11, 16)} ${i.kind} ${i.title}`);

describe('account timeline', () => {
  const expected = [
    '10:00 activity 宴请',
    '09:00 activity 技术交流',
    '08:00 activity 方案汇报',
    '07:00 task 确认预算',
    '06:01 edit 二期项目',
    '06:00 stage_change 二期项目',
    '05:00 edit 华北电网',
    '03:00 task 发送方案',
    '02:01 stage_change 二期项目',
    '02:00 edit 二期项目',
    '01:00 edit 华北电网',
  ];

  it('merges the four kinds newest first, the same whatever the page size', async () => {
    expect(brief(await feed(rep, `accountId=${ids.account}`))).toEqual(expected);
    for (const limit of [1, 2, 3, 5])
      expect(brief(await feed(rep, `accountId=${ids.account}`, limit)), `limit ${limit}`).toEqual(expected);
  });

  it('carries each kind’s facts and who did it', async () => {
    const items = await feed(rep, `accountId=${ids.account}`);
    const by = (title: string, kind: string) => items.find((i) => i.title === title && i.kind === kind);
    expect(by('技术交流', 'activity')).toMatchObject({
      id: ids.a1,
      actorId: repId,
      actorName: '时间线',
      data: { type: 'visit', status: 'done', nextMeetingProposed: true },
    });
    expect(by('宴请', 'activity')?.data).toMatchObject({ status: 'cancelled' });
    expect(by('确认预算', 'task')).toMatchObject({
      id: ids.t2,
      actorId: repId,
      data: { dueDate: '2027-01-15', done: true },
    });
    const stage = items.filter((i) => i.kind === 'stage_change');
    expect(stage.map((s) => [s.data.fromStageName, s.data.toStageName])).toEqual([
      ['培训/交流', '见负责人'],
      [null, '培训/交流'],
    ]);
    expect(items.find((i) => i.at === at('05:00'))?.data).toEqual({
      entityType: 'account',
      entityId: ids.account,
      action: 'update',
      fields: ['industry'],
    });
    expect(items.find((i) => i.at === at('06:01'))?.data).toMatchObject({
      entityType: 'opportunity',
      action: 'update',
    });
  });

  it('names stages in English for English callers', async () => {
    const res = await rep.get(`/api/timeline?opportunityId=${ids.deal}`, { 'accept-language': 'en' });
    const moved = res.json<PageOf<TimelineItem>>().items.find((i) => i.kind === 'stage_change' && i.data.fromStageName);
    expect(moved?.data).toMatchObject({ fromStageName: 'Training', toStageName: 'Meeting the decision owner' });
  });
});

describe('deal and contact timelines', () => {
  it("a deal's feed holds its own calls, tasks, stage changes and edits", async () => {
    expect(brief(await feed(rep, `opportunityId=${ids.deal}`, 2))).toEqual([
      '08:00 activity 方案汇报',
      '07:00 task 确认预算',
      '06:01 edit 二期项目',
      '06:00 stage_change 二期项目',
      '02:01 stage_change 二期项目',
      '02:00 edit 二期项目',
    ]);
  });

  it("a contact's feed holds the calls they attended, tasks about them and their own edits", async () => {
    expect(brief(await feed(rep, `contactId=${ids.contact}`, 2))).toEqual([
      '10:00 activity 宴请',
      '09:00 activity 技术交流',
      '05:30 edit 刘海涛',
      '03:00 task 发送方案',
      '00:30 edit 刘海涛',
    ]);
  });
});

describe('bad requests', () => {
  it('needs exactly one record', async () => {
    for (const q of ['', `accountId=${ids.account}&contactId=${ids.contact}`]) {
      const res = await rep.get(`/api/timeline?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<ErrorBody>().fields?.[0].code).toBe('one_timeline_target');
    }
  });

  it('refuses a broken cursor and answers 404 for unknown records', async () => {
    expect((await rep.get(`/api/timeline?accountId=${ids.account}&cursor=nonsense`)).statusCode).toBe(400);
    const fake = Buffer.from(JSON.stringify(['not a time', ids.a1])).toString('base64url');
    expect((await rep.get(`/api/timeline?accountId=${ids.account}&cursor=${fake}`)).statusCode).toBe(400);
    expect((await rep.get(`/api/timeline?accountId=${newId()}`)).statusCode).toBe(404);
  });
});
