import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { build, login, sessionCookie, type TestApp } from '../../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../../test/factories.ts';
import type { User } from '../../../core/schemas/org.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let setupBefore: unknown;
beforeAll(async () => {
  // Starts by asking whether set-up is needed, which only an empty database says.
  t = await build({}, { database: 'fresh' });
  setupBefore = (await t.app.inject({ method: 'GET', url: '/api/setup' })).json();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const inject = (opts: InjectOptions) => t.app.inject(opts);
const loginRes = (email: string, password: string, extra: { remoteAddress?: string } = {}) =>
  inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, ...extra });
const me = (cookie: string) => inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('set-up', () => {
  it('needs set-up on a fresh database, not afterwards; a second set-up is refused', async () => {
    expect(setupBefore).toEqual({ needsSetup: true });
    expect((await inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
    const again = await inject({
      method: 'POST',
      url: '/api/setup',
      payload: { orgName: 'X', name: 'Y', email: 'y@example.com', password: 'long-enough-1' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().code).toBe('setup_done');
    expect(again.cookies.find((c) => c.name === 'okam_session')).toBeUndefined();
    expect((await loginRes('y@example.com', 'long-enough-1')).statusCode).toBe(401);
  });

  it('the set-up admin is signed in by the set-up answer', async () => {
    const res = await f.admin.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'admin', dataScope: 'all', name: '管理员', orgName: '测试公司' });
  });
});

describe('login and sessions', () => {
  it('signs in with the right password and sets an http-only session cookie', async () => {
    const u = await f.user({ role: 'rep' });
    const res = await loginRes(u.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, email: u.email, role: 'rep', dataScope: 'own' });
    const c = res.cookies.find((x) => x.name === 'okam_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await me(sessionCookie(res))).json()).toMatchObject({ id: u.id });
  });

  it('refuses a wrong password and an unknown e-mail alike, without a cookie', async () => {
    const u = await f.user();
    const wrong = await loginRes(u.email, 'not-the-password');
    const unknown = await loginRes('nobody-here@example.com', PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies.find((c) => c.name === 'okam_session')).toBeUndefined();
      expect(res.json()).toMatchObject({
        code: 'invalid_credentials',
        messages: { zh: '邮箱或密码错误', en: 'Wrong e-mail or password' },
      });
    }
    expect(wrong.body).toBe(unknown.body);
  });

  it('validates the login body', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .fields?.map((x) => x.path)
        .sort(),
    ).toEqual(['email', 'password']);
  });

  it('GET /api/auth/me answers 401 without a cookie or with a garbage one', async () => {
    expect((await inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const garbage = [
      'okam_session=garbage',
      'okam_session=',
      `okam_session=${'0'.repeat(36)}.${'A'.repeat(43)}`,
      `okam_session=${'-'.repeat(36)}.${'A'.repeat(43)}`,
      `okam_session=01890a5d-ac96-774b-bcce-b302099a8057.${'A'.repeat(43)}`,
    ];
    for (const cookie of garbage) {
      const res = await me(cookie);
      expect(res.statusCode, cookie).toBe(401);
      expect(res.json<ErrorBody>().code).toBe('unauthenticated');
    }
  });

  it('another organisation id with a real secret does not resolve', async () => {
    const u = await f.user();
    const c = (await login(t.app, u.email, PASSWORD)).cookie;
    const forged = c.replace(/=[0-9a-f-]{36}\./, '=01890a5d-ac96-774b-bcce-b302099a8057.');
    expect((await me(forged)).statusCode).toBe(401);
  });

  it('logout ends the session for good', async () => {
    const u = await f.user();
    const c = await login(t.app, u.email, PASSWORD);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((x) => x.name === 'okam_session')?.value).toBe('');
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    // Logging out without a session is harmless.
    expect((await inject({ method: 'POST', url: '/api/auth/logout', payload: {} })).statusCode).toBe(200);
  });

  it('each login is its own session', async () => {
    const u = await f.user();
    const a = await login(t.app, u.email, PASSWORD);
    const b = await login(t.app, u.email, PASSWORD);
    expect(a.cookie).not.toBe(b.cookie);
    await a.post('/api/auth/logout');
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('saves the language preference', async () => {
    const u = await f.user();
    expect((await u.client.put('/api/auth/preferences', { locale: 'en' })).statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).json()).toMatchObject({ locale: 'en' });
    expect((await u.client.put('/api/auth/preferences', { locale: 'fr' })).statusCode).toBe(400);
  });
});

describe('change password', () => {
  it('needs the current password, signs out other sessions and keeps this one', async () => {
    const u = await f.user();
    const other = await login(t.app, u.email, PASSWORD);
    const wrong = await u.client.post('/api/auth/password', {
      currentPassword: 'nope-nope',
      newPassword: 'brand-new-pass',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().fields?.[0]).toMatchObject({ path: 'currentPassword', code: 'wrong_password' });
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);

    const short = await u.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json<ErrorBody>().fields?.[0].path).toBe('newPassword');

    const ok = await u.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-pass' });
    expect(ok.statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await loginRes(u.email, PASSWORD)).statusCode).toBe(401);
    expect((await loginRes(u.email, 'brand-new-pass')).statusCode).toBe(200);
  });
});

describe('users and sessions', () => {
  it('a deactivated user cannot sign in and their sessions die; reactivation lets them back', async () => {
    const u = await f.user();
    const off = await f.admin.patch(`/api/users/${u.id}`, { version: u.version, active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json<User>().active).toBe(false);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
    const res = await loginRes(u.email, PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().code).toBe('invalid_credentials');
    const on = await f.admin.patch(`/api/users/${u.id}`, { version: u.version + 1, active: true });
    expect(on.statusCode).toBe(200);
    expect((await loginRes(u.email, PASSWORD)).statusCode).toBe(200);
  });

  it('an admin resetting a password signs the user out', async () => {
    const u = await f.user();
    expect(
      (await f.admin.patch(`/api/users/${u.id}`, { version: u.version, password: 'reset-by-admin' })).statusCode,
    ).toBe(200);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await loginRes(u.email, 'reset-by-admin')).statusCode).toBe(200);
  });

  it('a role change resets the data scope to the role default unless one is given', async () => {
    const u = await f.user({ role: 'rep' });
    expect(u.dataScope).toBe('own');
    const m = (await f.admin.patch(`/api/users/${u.id}`, { version: 1, role: 'manager' })).json<User>();
    expect(m).toMatchObject({ role: 'manager', dataScope: 'team_and_subteams', version: 2 });
    // The live session sees the new role at once.
    expect((await u.client.get('/api/auth/me')).json()).toMatchObject({
      role: 'manager',
      dataScope: 'team_and_subteams',
    });
    const v = (
      await f.admin.patch(`/api/users/${u.id}`, { version: 2, role: 'viewer', dataScope: 'all' })
    ).json<User>();
    expect(v).toMatchObject({ role: 'viewer', dataScope: 'all' });
    const same = (await f.admin.patch(`/api/users/${u.id}`, { version: 3, role: 'viewer' })).json<User>();
    expect(same.dataScope).toBe('all');
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const self = (await f.admin.get('/api/auth/me')).json<{ id: string }>();
    const cur = (await f.admin.get(`/api/users/${self.id}`)).json<User>();
    for (const patch of [{ active: false }, { role: 'manager' }]) {
      const res = await f.admin.patch(`/api/users/${self.id}`, { version: cur.version, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().code).toBe('cannot_remove_self');
    }
    expect((await f.admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});

// The login limit's rules: login-limit.test.ts.

describe('CSRF and request bodies', () => {
  it('refuses writes from a foreign origin, before anything is written', async () => {
    const name = `跨站-${Date.now()}`;
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const res = await f.admin.request('POST', '/api/teams', { name }, { origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json<ErrorBody>().code).toBe('csrf');
    }
    const login = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.com', password: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(login.statusCode).toBe(403);
    const teams = (await f.admin.get('/api/teams')).json<{ items: { name: string }[] }>().items;
    expect(teams.some((x) => x.name === name)).toBe(false);
  });

  it('accepts writes from the same origin, and reads from any', async () => {
    for (const host of ['crm.example.com', 'localhost:3000']) {
      const origin = host.startsWith('localhost') ? `http://${host}` : `https://${host}`;
      const res = await f.admin.request('POST', '/api/teams', { name: `同源-${host}` }, { origin, host });
      expect(res.statusCode, host).toBe(201);
    }
    expect((await f.admin.request('GET', '/api/teams', undefined, { origin: 'https://evil.example' })).statusCode).toBe(
      200,
    );
  });

  it('accepts only JSON bodies (415 for text/plain, forms and multipart)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await f.admin.request('POST', '/api/teams', '{"name":"纯文本"}', { 'content-type': type });
      expect(res.statusCode, type).toBe(415);
      expect(res.json<ErrorBody>().code).toBe('unsupported_media_type');
    }
  });

  it('answers malformed or empty JSON with 400', async () => {
    const bad = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation', fields: [{ path: '(body)', code: 'invalid' }] });
    const empty = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('rejects unknown body fields by design', async () => {
    const res = await f.admin.post('/api/teams', { name: '团队', color: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().fields?.[0]).toMatchObject({ path: 'color', code: 'unknown_field' });
  });

  it('answers in the language asked for', async () => {
    const res = await inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json<ErrorBody>().message).toBe('Please sign in');
    expect((await inject({ method: 'GET', url: '/api/auth/me' })).json<ErrorBody>().message).toBe('请先登录');
  });

  it('answers a body over the limit with 413', async () => {
    const small = await build({ bodyLimit: 1024 });
    try {
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password: 'x'.repeat(2000) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json<ErrorBody>().code).toBe('payload_too_large');
      const fits = await small.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password: 'x'.repeat(100) },
      });
      expect(fits.statusCode).toBe(401);
    } finally {
      await small.close();
    }
  });
});

describe('system routes', () => {
  it('unknown routes answer 404 JSON, signed in or not', async () => {
    for (const res of [
      await inject({ method: 'GET', url: '/api/nope' }),
      await inject({ method: 'POST', url: '/api/nope', payload: {} }),
      await f.admin.get('/api/nope'),
      await inject({ method: 'GET', url: '/not-api' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json()).toMatchObject({
        statusCode: 404,
        code: 'route_not_found',
        messages: { zh: '接口不存在', en: 'No such endpoint' },
      });
    }
  });

  it('GET /api/health is public', async () => {
    const res = await inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});
