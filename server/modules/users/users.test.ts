import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, login, type TestApp } from '../../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../../test/factories.ts';
import type { User } from '../../../core/schemas/org.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const field = (res: { json<T>(): T }) => res.json<ErrorBody>().fields?.[0];
let n = 0;
const newUser = (extra: Record<string, unknown> = {}) => ({
  email: `new-${++n}-${Date.now()}@example.com`,
  name: `新用户${n}`,
  password: 'long-enough-1',
  role: 'rep',
  ...extra,
});

describe('users', () => {
  it('creates, reads and lists users without exposing password hashes', async () => {
    const team = await f.team({ name: '销售一组' });
    const boss = await f.user({ role: 'manager', teamId: team.id });
    const res = await f.admin.post(
      '/api/users',
      newUser({ email: 'Mixed.Case@Example.com', name: '  王五 ', teamId: team.id, managerId: boss.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json<User>();
    expect(u).toMatchObject({
      email: 'mixed.case@example.com',
      name: '王五',
      role: 'rep',
      dataScope: 'own',
      teamId: team.id,
      teamName: '销售一组',
      managerId: boss.id,
      managerName: boss.name,
      active: true,
      version: 1,
    });
    expect(JSON.stringify(u)).not.toMatch(/password/i);
    expect((await f.admin.get(`/api/users/${u.id}`)).json<User>()).toEqual(u);
    const list = (await f.admin.get('/api/users')).json<{ items: User[] }>().items;
    expect(list.map((x) => x.id)).toContain(u.id);
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|password_hash/);
    expect(
      (await login(t.app, 'MIXED.case@example.com', 'long-enough-1').then((c) => c.get('/api/auth/me'))).statusCode,
    ).toBe(200);
  });

  it('takes an explicit data scope over the role default', async () => {
    const u = (await f.admin.post('/api/users', newUser({ role: 'rep', dataScope: 'team' }))).json<User>();
    expect(u.dataScope).toBe('team');
    const m = (await f.admin.post('/api/users', newUser({ role: 'manager' }))).json<User>();
    expect(m.dataScope).toBe('team_and_subteams');
    const v = (await f.admin.post('/api/users', newUser({ role: 'viewer' }))).json<User>();
    expect(v.dataScope).toBe('team');
  });

  it('everyone signed in reads the directory; only admins write', async () => {
    const target = await f.user();
    for (const role of ['manager', 'rep', 'viewer'] as const) {
      const { client } = await f.user({ role });
      expect((await client.get('/api/users')).statusCode, role).toBe(200);
      expect((await client.get(`/api/users/${target.id}`)).statusCode, role).toBe(200);
      expect((await client.post('/api/users', newUser())).statusCode, role).toBe(403);
      expect((await client.patch(`/api/users/${target.id}`, { version: 1, name: '越权' })).statusCode, role).toBe(403);
      // Not even on themselves (e.g. to raise their own role).
      const me = (await client.get('/api/auth/me')).json<{ id: string }>();
      expect((await client.patch(`/api/users/${me.id}`, { version: 1, role: 'admin' })).statusCode, role).toBe(403);
    }
    expect((await f.admin.get(`/api/users/${target.id}`)).json<User>().version).toBe(1);
  });

  it('refuses a duplicate e-mail on create and update, whatever the case', async () => {
    const a = await f.user();
    const b = await f.user();
    const dup = await f.admin.post('/api/users', newUser({ email: a.email.toUpperCase() }));
    expect(dup.statusCode).toBe(400);
    expect(field(dup)).toMatchObject({ path: 'email', code: 'email_taken' });
    const upd = await f.admin.patch(`/api/users/${b.id}`, { version: 1, email: a.email });
    expect(field(upd)).toMatchObject({ path: 'email', code: 'email_taken' });
    // Keeping one's own address is fine.
    expect((await f.admin.patch(`/api/users/${a.id}`, { version: 1, email: a.email.toUpperCase() })).statusCode).toBe(
      200,
    );
  });

  it('changing the e-mail changes the login', async () => {
    const u = await f.user();
    const email = `renamed-${Date.now()}@example.com`;
    expect((await f.admin.patch(`/api/users/${u.id}`, { version: 1, email })).json<User>().email).toBe(email);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    expect((await (await login(t.app, email, PASSWORD)).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses unknown teams and managers', async () => {
    const c = await f.admin.post('/api/users', newUser({ teamId: UNKNOWN }));
    expect(c.statusCode).toBe(400);
    expect(field(c)).toMatchObject({ path: 'teamId', code: 'unknown_team' });
    const m = await f.admin.post('/api/users', newUser({ managerId: UNKNOWN }));
    expect(field(m)).toMatchObject({ path: 'managerId', code: 'unknown_user' });
    const u = await f.user();
    expect(field(await f.admin.patch(`/api/users/${u.id}`, { version: 1, teamId: UNKNOWN }))).toMatchObject({
      path: 'teamId',
      code: 'unknown_team',
    });
    expect(field(await f.admin.patch(`/api/users/${u.id}`, { version: 1, managerId: UNKNOWN }))).toMatchObject({
      path: 'managerId',
      code: 'unknown_user',
    });
  });

  it('refuses a reporting line that loops', async () => {
    const a = await f.user({ role: 'manager' });
    const b = await f.user({ managerId: a.id });
    const c = await f.user({ managerId: b.id });
    const self = await f.admin.patch(`/api/users/${a.id}`, { version: 1, managerId: a.id });
    expect(field(self)).toMatchObject({ path: 'managerId', code: 'cycle' });
    const direct = await f.admin.patch(`/api/users/${a.id}`, { version: 1, managerId: b.id });
    expect(direct.statusCode).toBe(400);
    expect(field(direct)).toMatchObject({ path: 'managerId', code: 'cycle' });
    const deep = await f.admin.patch(`/api/users/${a.id}`, { version: 1, managerId: c.id });
    expect(field(deep)).toMatchObject({ path: 'managerId', code: 'cycle' });
    // Re-pointing down the chain without a loop is fine.
    const ok = await f.admin.patch(`/api/users/${c.id}`, { version: 1, managerId: a.id });
    expect(ok.json<User>()).toMatchObject({ managerId: a.id, managerName: a.name });
    expect(
      (await f.admin.patch(`/api/users/${c.id}`, { version: 2, managerId: null })).json<User>().managerId,
    ).toBeNull();
  });

  it('versions updates; a stale version is refused', async () => {
    const u = await f.user();
    expect((await f.admin.patch(`/api/users/${u.id}`, { version: 1, name: '改名一' })).json<User>()).toMatchObject({
      name: '改名一',
      version: 2,
    });
    const stale = await f.admin.patch(`/api/users/${u.id}`, { version: 1, name: '改名二' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');
    expect((await f.admin.get(`/api/users/${u.id}`)).json<User>().name).toBe('改名一');
  });

  it('validates input', async () => {
    const res = await f.admin.post('/api/users', { email: 'nope', name: '', password: 'short', role: 'boss' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .fields?.map((x) => x.path)
        .sort(),
    ).toEqual(['email', 'name', 'password', 'role']);
    const u = await f.user();
    expect(field(await f.admin.patch(`/api/users/${u.id}`, { version: 1, dataScope: 'galaxy' }))?.path).toBe(
      'dataScope',
    );
    expect(field(await f.admin.patch(`/api/users/${u.id}`, { name: 'x' }))).toMatchObject({
      path: 'version',
      code: 'required',
    });
  });

  it('answers 404 for unknown users', async () => {
    expect((await f.admin.get(`/api/users/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.patch(`/api/users/${UNKNOWN}`, { version: 1, name: 'x' })).statusCode).toBe(404);
  });
});
