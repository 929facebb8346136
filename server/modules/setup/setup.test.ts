import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, sessionCookie, clientFor, type TestApp } from '../../test/helper.ts';
import type { Me } from '../../../core/schemas/org.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

// Set-up is the one flow that needs an empty database, so this file does not call seedOrg.
let t: TestApp;
beforeAll(async () => {
  // First-run set-up only happens on an empty database.
  t = await build({}, { database: 'fresh' });
});
afterAll(() => t.close());

const setup = (n: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { orgName: `公司${n}`, name: `管理员${n}`, email: `first-${n}@example.com`, password: 'long-enough-1' },
  });

describe('first set-up', () => {
  it('validates the body and creates nothing on bad input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { orgName: '', name: 'x', email: 'bad', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .fields?.map((f) => f.path)
        .sort(),
    ).toEqual(['email', 'orgName', 'password']);
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
  });

  it('protected routes answer 401 before set-up', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
  });

  it('concurrent set-ups create exactly one organisation', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(setup));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const winner = results.find((r) => r.statusCode === 201)!;
    const me = winner.json<Me>();
    expect(me).toMatchObject({ role: 'admin', dataScope: 'all', teamId: null });
    const admin = clientFor(t.app, sessionCookie(winner));
    expect((await admin.get('/api/auth/me')).json<Me>().id).toBe(me.id);
    expect((await admin.get('/api/users')).json<{ items: unknown[] }>().items).toHaveLength(1);
    for (const loser of results.filter((r) => r.statusCode === 409)) {
      expect(loser.json<ErrorBody>().code).toBe('setup_done');
      expect(loser.cookies).toEqual([]);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
  });
});
