import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Quota } from '../../../core/schemas/forecast.ts';

let t: TestApp;
let f: Factories;
type U = Awaited<ReturnType<Factories['user']>>;
let manager: U, rep: U, peer: U, outsider: U, viewer: U;
let team: { id: string }, sub: { id: string }, elsewhere: { id: string };

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  team = await f.team({ name: '西南区' });
  sub = await f.team({ name: '成都组', parentId: team.id });
  elsewhere = await f.team({ name: '东北区' });
  manager = await f.user({ role: 'manager', teamId: team.id });
  rep = await f.user({ teamId: sub.id, name: '客户经理' });
  peer = await f.user({ teamId: sub.id });
  outsider = await f.user({ teamId: elsewhere.id });
  viewer = await f.user({ role: 'viewer', teamId: sub.id });
});
afterAll(() => t.close());

describe('quotas', () => {
  it('lets a rep read their own quota but not set, change or remove it: their manager does', async () => {
    // Quotas are set from above: a rep asking to set their own is refused, and nothing is stored.
    const own = await rep.client.post('/api/quotas', { userId: rep.id, period: '2027', target: '3000000' });
    expect(own.statusCode).toBe(403);
    expect((await rep.client.get('/api/quotas?year=2027')).json().items).toEqual([]);
    const res = await manager.client.post('/api/quotas', {
      userId: rep.id,
      period: '2027',
      target: '3000000',
      stretch: '3600000',
      challenge: '4000000',
    });
    expect(res.statusCode).toBe(201);
    const q: Quota = res.json();
    expect(q).toMatchObject({
      userId: rep.id,
      userName: '客户经理',
      teamId: null,
      period: '2027',
      periodKind: 'year',
      target: '3000000.00',
      stretch: '3600000.00',
      challenge: '4000000.00',
      version: 1,
      editable: true,
    });
    expect((await rep.client.get('/api/quotas?year=2027')).json().items.map((x: Quota) => [x.id, x.editable])).toEqual([
      [q.id, false],
    ]);
    expect((await rep.client.get(`/api/quotas/${q.id}`)).json()).toMatchObject({
      target: '3000000.00',
      editable: false,
    });
    expect((await rep.client.patch(`/api/quotas/${q.id}`, { version: 1, target: '1' })).statusCode).toBe(403);
    expect((await rep.client.delete(`/api/quotas/${q.id}`)).statusCode).toBe(403);
    expect((await manager.client.get(`/api/quotas/${q.id}`)).json()).toMatchObject({
      target: '3000000.00',
      version: 1,
    });
    // The manager's own quota is their manager's (here the admin's) to set, not theirs.
    expect(
      (await manager.client.post('/api/quotas', { userId: manager.id, period: '2027', target: '9000000' })).statusCode,
    ).toBe(403);
    const mine = (await f.admin.post('/api/quotas', { userId: manager.id, period: '2027', target: '9000000' })).json();
    expect((await manager.client.get(`/api/quotas/${mine.id}`)).json()).toMatchObject({
      target: '9000000.00',
      editable: false,
    });
    expect((await manager.client.patch(`/api/quotas/${mine.id}`, { version: 1, target: '1' })).statusCode).toBe(403);
    const changed = await manager.client.patch(`/api/quotas/${q.id}`, { version: 1, target: '3200000' });
    expect(changed.json()).toMatchObject({ target: '3200000.00', version: 2 });
    expect((await manager.client.patch(`/api/quotas/${q.id}`, { version: 1, target: '1' })).statusCode).toBe(409);
    expect((await manager.client.post('/api/quotas', { userId: rep.id, period: '2027', target: '1' })).statusCode).toBe(
      409,
    );
    expect((await manager.client.delete(`/api/quotas/${q.id}`)).statusCode).toBe(204);
    expect((await rep.client.get(`/api/quotas/${q.id}`)).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/quotas/${mine.id}`)).statusCode).toBe(204);
  });

  it('lets a manager keep the quotas of their people and teams, and nobody else’s', async () => {
    const forRep = await manager.client.post('/api/quotas', { userId: rep.id, period: '2027-Q1', target: '800000' });
    expect(forRep.statusCode).toBe(201);
    expect(
      (await manager.client.post('/api/quotas', { teamId: sub.id, period: '2027-Q1', target: '2000000' })).json(),
    ).toMatchObject({ teamName: '成都组', periodKind: 'quarter' });
    expect(
      (await manager.client.post('/api/quotas', { teamId: team.id, period: '2027-03', target: '900000' })).statusCode,
    ).toBe(201);
    // Outside the manager's scope: unknown to them.
    expect(
      (await manager.client.post('/api/quotas', { userId: outsider.id, period: '2027', target: '1' })).json().fields[0],
    ).toMatchObject({ path: 'userId', code: 'unknown_user' });
    expect(
      (await manager.client.post('/api/quotas', { teamId: elsewhere.id, period: '2027', target: '1' })).json().fields[0]
        .path,
    ).toBe('teamId');
    // A rep reads their team's quotas and their own, but sets none.
    const seen = (await rep.client.get('/api/quotas?year=2027')).json().items.map((x: Quota) => x.period);
    expect(seen.sort()).toEqual(['2027-03', '2027-Q1', '2027-Q1'].sort());
    expect((await rep.client.patch(`/api/quotas/${forRep.json().id}`, { version: 1, target: '1' })).statusCode).toBe(
      403,
    );
    expect((await rep.client.post('/api/quotas', { userId: peer.id, period: '2027', target: '1' })).statusCode).toBe(
      400,
    );
    expect((await peer.client.get(`/api/quotas/${forRep.json().id}`)).statusCode).toBe(404);
    expect((await outsider.client.get('/api/quotas?year=2027')).json().items).toEqual([]);
    // A viewer reads but never writes.
    expect((await viewer.client.get('/api/quotas?year=2027')).json().items.length).toBeGreaterThan(0);
    expect(
      (await viewer.client.post('/api/quotas', { userId: viewer.id, period: '2027', target: '1' })).statusCode,
    ).toBe(403);
  });

  it('refuses a bad quota with the field named', async () => {
    for (const [body, path, code] of [
      [{ userId: rep.id, period: '2027', target: '0' }, 'target', 'positive_money'],
      [{ userId: rep.id, period: '2027', target: '-5' }, 'target', 'positive_money'],
      [{ userId: rep.id, period: '2027', target: '1.234' }, 'target', 'positive_money'],
      [{ userId: rep.id, period: '2027-Q5', target: '1' }, 'period', 'period'],
      [{ userId: rep.id, period: '2027/03', target: '1' }, 'period', 'period'],
      [{ period: '2027', target: '1' }, 'userId', 'quota_subject'],
      [{ userId: rep.id, teamId: sub.id, period: '2027', target: '1' }, 'teamId', 'quota_subject'],
      [{ userId: rep.id, period: '2028', target: '100', stretch: '99' }, 'stretch', 'below_target'],
      [
        { userId: rep.id, period: '2028', target: '100', stretch: '120', challenge: '110' },
        'challenge',
        'below_stretch',
      ],
      [{ userId: rep.id, period: '2028', target: '100', challenge: '50' }, 'challenge', 'below_target'],
    ] as const) {
      const res = await f.admin.post('/api/quotas', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields[0], JSON.stringify(body)).toMatchObject({ path, code });
    }
    const q = (
      await f.admin.post('/api/quotas', { userId: rep.id, period: '2029', target: '100', stretch: '150' })
    ).json();
    expect((await f.admin.patch(`/api/quotas/${q.id}`, { version: 1, target: '200' })).json().fields[0]).toMatchObject({
      path: 'stretch',
      code: 'below_target',
    });
    expect((await f.admin.get(`/api/quotas/${q.id}`)).json().target).toBe('100.00');
  });
});
