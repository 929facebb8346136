import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Team } from '../../../core/schemas/org.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let others: { role: string; client: Client }[];
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  others = [];
  for (const role of ['manager', 'rep', 'viewer'] as const)
    others.push({ role, client: (await f.user({ role })).client });
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const field = (res: { json<T>(): T }) => res.json<ErrorBody>().fields?.[0];
const create = async (body: { name: string; parentId?: string | null }) => {
  const res = await f.admin.post('/api/teams', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Team>();
};

describe('teams', () => {
  it('creates a tree, reads and lists it', async () => {
    const root = await create({ name: '总部' });
    const north = await create({ name: '华北区', parentId: root.id });
    const beijing = await create({ name: '北京组', parentId: north.id });
    expect(root).toMatchObject({ name: '总部', parentId: null, memberCount: 0, version: 1 });
    expect(beijing.parentId).toBe(north.id);
    expect((await f.admin.get(`/api/teams/${north.id}`)).json<Team>()).toEqual(north);
    const items = (await f.admin.get('/api/teams')).json<{ items: Team[] }>().items;
    const byId = new Map(items.map((x) => [x.id, x]));
    expect(byId.get(north.id)?.parentId).toBe(root.id);
    expect(byId.get(beijing.id)?.parentId).toBe(north.id);

    await f.user({ teamId: beijing.id });
    await f.user({ teamId: beijing.id });
    expect((await f.admin.get(`/api/teams/${beijing.id}`)).json<Team>().memberCount).toBe(2);
  });

  it('everyone signed in may read teams', async () => {
    const team = await create({ name: '可读团队' });
    for (const o of others) {
      expect((await o.client.get('/api/teams')).statusCode, o.role).toBe(200);
      expect((await o.client.get(`/api/teams/${team.id}`)).statusCode, o.role).toBe(200);
    }
  });

  it('only admins write teams', async () => {
    const team = await create({ name: '管理员专属' });
    for (const o of others) {
      expect((await o.client.post('/api/teams', { name: '越权' })).statusCode, o.role).toBe(403);
      expect((await o.client.patch(`/api/teams/${team.id}`, { version: 1, name: '越权' })).statusCode, o.role).toBe(
        403,
      );
      expect((await o.client.delete(`/api/teams/${team.id}`)).statusCode, o.role).toBe(403);
    }
    expect((await f.admin.get(`/api/teams/${team.id}`)).json<Team>()).toMatchObject({ name: '管理员专属', version: 1 });
  });

  it('renames and moves with versions; a stale version is refused', async () => {
    const a = await create({ name: '甲' });
    const b = await create({ name: '乙' });
    const renamed = await f.admin.patch(`/api/teams/${a.id}`, { version: 1, name: '  甲组 ' });
    expect(renamed.json<Team>()).toMatchObject({ name: '甲组', version: 2, parentId: null });
    const moved = await f.admin.patch(`/api/teams/${a.id}`, { version: 2, parentId: b.id });
    expect(moved.json<Team>()).toMatchObject({ parentId: b.id, version: 3, name: '甲组' });
    const stale = await f.admin.patch(`/api/teams/${a.id}`, { version: 2, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');
    const toRoot = await f.admin.patch(`/api/teams/${a.id}`, { version: 3, parentId: null });
    expect(toRoot.json<Team>()).toMatchObject({ parentId: null, version: 4 });
  });

  it('refuses to move a team under itself or its own descendant', async () => {
    const root = await create({ name: '根' });
    const mid = await create({ name: '中', parentId: root.id });
    const leaf = await create({ name: '叶', parentId: mid.id });
    for (const parentId of [root.id, mid.id, leaf.id]) {
      const res = await f.admin.patch(`/api/teams/${root.id}`, { version: 1, parentId });
      expect(res.statusCode).toBe(400);
      expect(field(res)).toMatchObject({ path: 'parentId', code: 'cycle' });
    }
    expect((await f.admin.get(`/api/teams/${root.id}`)).json<Team>()).toMatchObject({ parentId: null, version: 1 });
    // Moving a leaf somewhere else in the tree is fine.
    expect((await f.admin.patch(`/api/teams/${leaf.id}`, { version: 1, parentId: root.id })).statusCode).toBe(200);
  });

  it('refuses unknown parents', async () => {
    const res = await f.admin.post('/api/teams', { name: '孤儿', parentId: UNKNOWN });
    expect(res.statusCode).toBe(400);
    expect(field(res)).toMatchObject({ path: 'parentId', code: 'unknown_team' });
    const team = await create({ name: '某组' });
    const upd = await f.admin.patch(`/api/teams/${team.id}`, { version: 1, parentId: UNKNOWN });
    expect(field(upd)).toMatchObject({ path: 'parentId', code: 'unknown_team' });
  });

  it('validates names', async () => {
    const res = await f.admin.post('/api/teams', { name: '' });
    expect(res.statusCode).toBe(400);
    expect(field(res)).toMatchObject({ path: 'name', code: 'min_length' });
    expect((await f.admin.post('/api/teams', {})).statusCode).toBe(400);
    expect((await f.admin.post('/api/teams', { name: 'x'.repeat(101) })).statusCode).toBe(400);
  });

  it('deletes only empty teams', async () => {
    const parent = await create({ name: '有子团队' });
    const child = await create({ name: '子团队', parentId: parent.id });
    const withChild = await f.admin.delete(`/api/teams/${parent.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json<ErrorBody>().code).toBe('team_not_empty');

    const u = await f.user({ teamId: child.id });
    expect((await f.admin.delete(`/api/teams/${child.id}`)).statusCode).toBe(409);
    expect((await f.admin.patch(`/api/users/${u.id}`, { version: u.version, teamId: null })).statusCode).toBe(200);

    expect((await f.admin.delete(`/api/teams/${child.id}`)).statusCode).toBe(204);
    expect((await f.admin.delete(`/api/teams/${parent.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`/api/teams/${parent.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for unknown teams and 400 for malformed ids', async () => {
    expect((await f.admin.get(`/api/teams/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.patch(`/api/teams/${UNKNOWN}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/teams/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await f.admin.get('/api/teams/123')).statusCode).toBe(400);
  });
});
