// Whom a caller may hand over (GET /api/handovers/people): the web's team page and the handover
// dialog's receiver list read it, so it must name exactly the people a handover request is accepted
// for — an admin's organisation, a manager's scope — and nobody a request would answer 404 for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { User } from '../../../core/schemas/org.ts';

type Person = Awaited<ReturnType<Factories['user']>>;

let t: TestApp;
let f: Factories;
let north: string;
let manager: Person, rep: Person, leaver: Person, viewer: Person, east: Person, lead: Person, report: Person;

const people = async (c: Client) => {
  const res = await c.get('/api/handovers/people');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: User[] }>().items;
};
const ids = (list: User[]) => list.map((u) => u.id).sort();
const preview = (c: Client, fromUserId: string, toUserId: string) =>
  c.post('/api/handovers/preview', { fromUserId, toUserId });

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  north = (await f.team({ name: '华北' })).id;
  const east_ = (await f.team({ name: '华东' })).id;
  manager = await f.user({ role: 'manager', teamId: north, name: '华北经理' });
  rep = await f.user({ teamId: north, name: '华北代表' });
  leaver = await f.user({ teamId: north, name: '离职代表' });
  viewer = await f.user({ role: 'viewer', teamId: north, name: '华北观察员' });
  east = await f.user({ teamId: east_, name: '华东代表' });
  // A manager whose scope is their reports, not a team.
  lead = await f.user({ role: 'manager', teamId: east_, dataScope: 'own_and_subordinates', name: '组长' });
  report = await f.user({ teamId: east_, managerId: lead.id, name: '组员' });
  const deactivate = await f.admin.patch(`/api/users/${leaver.id}`, { active: false, version: leaver.version });
  expect(deactivate.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the people a caller may hand over', () => {
  it('an admin: the whole organisation, inactive people too', async () => {
    const all = (await f.admin.get('/api/users')).json<{ items: User[] }>().items;
    expect(ids(await people(f.admin))).toEqual(ids(all));
  });

  it('a manager: the people in their scope (their teams, themselves, a deactivated leaver), nobody else', async () => {
    const mine = await people(manager.client);
    expect(ids(mine)).toEqual(ids([manager, rep, leaver, viewer]));
    expect(mine.find((u) => u.id === leaver.id)?.active).toBe(false);
    expect(ids(await people(lead.client))).toEqual(ids([lead, report]));
  });

  it('names exactly whom a handover is accepted for: listed people 200, anyone else 404', async () => {
    const everyone = (await f.admin.get('/api/users')).json<{ items: User[] }>().items;
    for (const caller of [manager, lead]) {
      const listed = new Set(ids(await people(caller.client)));
      const receiver = [...listed].find((id) => id !== caller.id && id !== leaver.id && id !== viewer.id)!;
      for (const u of everyone) {
        const from = u.id === receiver ? caller.id : u.id;
        const res = await preview(caller.client, from, receiver);
        expect(res.statusCode, `${caller.name} → ${u.name}`).toBe(listed.has(from) ? 200 : 404);
      }
    }
    // A deactivated person is handed over from, never to.
    expect((await preview(manager.client, leaver.id, rep.id)).statusCode).toBe(200);
    expect((await preview(manager.client, rep.id, leaver.id)).statusCode).toBe(400);
  });

  it('an admin whose own scope is narrowed hands over only that scope, and is listed so', async () => {
    const narrow = await f.user({ role: 'admin', teamId: north, dataScope: 'team', name: '区域管理员' });
    expect(ids(await people(narrow.client))).toEqual(ids([manager, rep, leaver, viewer, narrow]));
    expect((await preview(narrow.client, east.id, rep.id)).statusCode).toBe(404);
  });

  it('is for admins and managers only: a rep or a viewer gets 403', async () => {
    for (const c of [rep.client, viewer.client, east.client]) {
      const res = await c.get('/api/handovers/people');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(manager.id);
    }
  });
});
