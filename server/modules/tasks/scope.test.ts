// The data-scope matrix for tasks and timelines: a rep never sees another team's tasks or feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { TimelineItem } from '../../../core/schemas/activities.ts';
import type { Task } from '../../../core/schemas/tasks.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { Contact } from '../../../core/schemas/contacts.ts';
import type { PageOf } from '../../../core/schemas/common.ts';

type Who = 'admin' | 'northMgr' | 'repA' | 'repA2' | 'repB' | 'viewer';
type Tk = 'onAccA' | 'onAccB' | 'bareB' | 'bToA' | 'adminOnAccA' | 'bareAdmin';

let t: TestApp;
let f: Factories;
const as = {} as Record<Who, Client>;
const uid = {} as Record<Who, string>;
const task = {} as Record<Tk, Task>;
let accA: AccountDetail;
let accB: AccountDetail;
let conA: Contact;
let dealA: string;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const north = await f.team({ name: '华北区' });
  const east = await f.team({ name: '华东区' });
  const add = async (who: Who, input: Parameters<Factories['user']>[0]) => {
    const u = await f.user({ name: who, ...input });
    as[who] = u.client;
    uid[who] = u.id;
  };
  as.admin = f.admin;
  uid.admin = (await f.admin.get('/api/auth/me')).json<{ id: string }>().id;
  await add('northMgr', { role: 'manager', teamId: north.id });
  await add('repA', { role: 'rep', teamId: north.id });
  await add('repA2', { role: 'rep', teamId: north.id });
  await add('repB', { role: 'rep', teamId: east.id });
  await add('viewer', { role: 'viewer', teamId: north.id });

  accA = await f.account(as.repA, { name: '北方客户' });
  accB = await f.account(as.repB, { name: '东方客户' });
  conA = await f.contact(as.repA, { accountId: accA.id });
  dealA = (await as.repA.post('/api/opportunities', { accountId: accA.id, name: '北方项目' })).json<{ id: string }>()
    .id;
  const make = async (key: Tk, c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/tasks', { title: key, dueDate: '2027-06-01', ...body });
    expect(res.statusCode, res.body).toBe(201);
    task[key] = res.json<Task>();
  };
  await make('onAccA', as.repA, { opportunityId: dealA, contactId: conA.id });
  await make('onAccB', as.repB, { accountId: accB.id });
  await make('bareB', as.repB, {});
  // A task across teams goes through an account both are on the team of; repB then leaves that team
  // and sees the task only as its creator.
  const shared = await f.account(as.admin, { name: '共同客户' });
  await as.admin.put(`/api/accounts/${shared.id}/members`, {
    members: [
      { userId: uid.repA, role: 'member' },
      { userId: uid.repB, role: 'member' },
    ],
  });
  await make('bToA', as.repB, { assigneeId: uid.repA, accountId: shared.id });
  await as.admin.put(`/api/accounts/${shared.id}/members`, { members: [{ userId: uid.repA, role: 'member' }] });
  await make('adminOnAccA', as.admin, { accountId: accA.id });
  await make('bareAdmin', as.admin, {});
});
afterAll(() => t.close());

const ALL: Tk[] = ['onAccA', 'onAccB', 'bareB', 'bToA', 'adminOnAccA', 'bareAdmin'];
const SEES: Record<Who, Tk[]> = {
  admin: ALL,
  // Scope covers the north team: repA's tasks, whatever account they are on, and accA's.
  northMgr: ['onAccA', 'bToA', 'adminOnAccA'],
  repA: ['onAccA', 'bToA', 'adminOnAccA'],
  repA2: [],
  // The creator of a task assigned across teams keeps seeing it.
  repB: ['onAccB', 'bareB', 'bToA'],
  viewer: ['onAccA', 'bToA', 'adminOnAccA'],
};
const WHO = Object.keys(SEES) as Who[];
const keysOf = (items: Task[]) => ALL.filter((k) => items.some((i) => i.id === task[k].id));

describe('tasks', () => {
  it.each(WHO)('%s lists exactly the tasks in scope', async (who) => {
    const page = (await as[who].get('/api/tasks?limit=200')).json<PageOf<Task>>();
    expect(keysOf(page.items)).toEqual(SEES[who]);
  });

  it.each(WHO)('%s opens tasks in scope and gets 404 outside, also for writes', async (who) => {
    for (const k of ALL) {
      const visible = SEES[who].includes(k);
      expect((await as[who].get(`/api/tasks/${task[k].id}`)).statusCode, k).toBe(visible ? 200 : 404);
      if (who === 'viewer' || visible) continue;
      expect(
        (await as[who].patch(`/api/tasks/${task[k].id}`, { version: task[k].version, title: 'x' })).statusCode,
        k,
      ).toBe(404);
      expect((await as[who].delete(`/api/tasks/${task[k].id}`)).statusCode, k).toBe(404);
    }
  });

  it('filters never widen the scope', async () => {
    const page = (await as.repB.get(`/api/tasks?accountId=${accA.id}`)).json<PageOf<Task>>();
    expect(page.items).toEqual([]);
    expect(
      (await as.repB.get(`/api/tasks?assigneeId=${uid.repA}`)).json<PageOf<Task>>().items.map((i) => i.id),
    ).toEqual([task.bToA.id]);
  });
});

describe('timelines', () => {
  const targets = () => [`accountId=${accA.id}`, `opportunityId=${dealA}`, `contactId=${conA.id}`];

  it.each(['repB', 'repA2'] as const)('%s gets 404 for the feeds of an account outside their scope', async (who) => {
    for (const q of targets()) expect((await as[who].get(`/api/timeline?${q}`)).statusCode, q).toBe(404);
  });

  it.each(['repA', 'northMgr', 'viewer', 'admin'] as const)("%s reads accA's feeds", async (who) => {
    for (const q of targets()) {
      const res = await as[who].get(`/api/timeline?${q}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json<PageOf<TimelineItem>>().items.length, q).toBeGreaterThan(0);
    }
    const account = (await as[who].get(`/api/timeline?accountId=${accA.id}`)).json<PageOf<TimelineItem>>();
    expect(
      account.items
        .filter((i) => i.kind === 'task')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['adminOnAccA', 'onAccA']);
  });
});
