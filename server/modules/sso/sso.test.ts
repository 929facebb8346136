// Issue 23 (4): signing in with the organisation's OpenID Connect provider, against a real provider
// (oidc-provider) on loopback, on both databases — the session it starts, who it lets in and who not
// (unknown e-mails without and with just-in-time creation, deactivated users, unverified e-mails),
// what it refuses (a wrong state, a forged or missing flow cookie, a wrong nonce, a replayed callback,
// a cancelled sign-in), and each outcome in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { build, clientFor, sessionCookie, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { startIdp, type TestIdp } from '../../test/oidc-provider.ts';
import { FLOW_COOKIE, peekFlow, sealFlow } from './flow-cookie.ts';
import type { AuditPage } from '../../../core/schemas/audit.ts';
import type { Me, User } from '../../../core/schemas/org.ts';
import type { SsoSettingsBody } from '../../../core/schemas/sso.ts';

let t: TestApp;
let f: Factories;
let idp: TestIdp;
let teamId: string;
/** This file's own e-mail domain, claimed by its organisation's SSO. */
const domain = `sso-${randomBytes(4).toString('hex')}.example.cn`;
const uniq = () => randomBytes(4).toString('hex');

const settings = (patch: Partial<SsoSettingsBody> = {}): SsoSettingsBody => ({
  enabled: true,
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  passwordLoginDisabled: false,
  jitEnabled: false,
  jitTeamId: teamId,
  jitRole: 'rep',
  domains: [domain],
  ...patch,
});
const configure = async (patch: Partial<SsoSettingsBody> = {}) => {
  const res = await f.admin.put('/api/settings/sso', settings(patch));
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  // Injected requests come as Host: localhost:80, so that is the app's origin here.
  idp = await startIdp(['http://localhost/api/auth/sso/callback']);
  teamId = (await f.team({ name: 'SSO 新成员' })).id;
  await configure();
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);

/** GET /api/auth/sso/start: where it sends the browser, and the flow cookie it sets. */
async function start(email: string, next?: string) {
  const query = new URLSearchParams({ email, ...(next ? { next } : {}) });
  const res = await t.app.inject({ method: 'GET', url: `/api/auth/sso/start?${query}` });
  expect(res.statusCode, res.body).toBe(302);
  const flow = cookieOf(res, FLOW_COOKIE);
  return { location: String(res.headers.location), cookie: flow ? `${FLOW_COOKIE}=${flow.value}` : undefined };
}

/** The provider's redirect back, as the browser follows it (with the flow cookie when it has one). */
const callback = (url: URL, cookie?: string) =>
  t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: cookie ? { cookie } : {} });

/** The whole round trip for a login at the provider: the app's last answer. */
async function ssoSignIn(email: string, login = email, next?: string) {
  const s = await start(email, next);
  const back = await idp.signIn(s.location, login);
  expect(back.pathname).toBe('/api/auth/sso/callback');
  return callback(back, s.cookie);
}

const errorOf = (res: LightMyRequestResponse) => {
  expect(res.statusCode).toBe(302);
  return new URL(String(res.headers.location), 'http://localhost').searchParams.get('sso_error');
};

const audit = async (query: string) => (await f.admin.get(`/api/audit?${query}&limit=200`)).json<AuditPage>().items;

describe('signing in with SSO', () => {
  it('signs a user in by e-mail: a session like a password sign-in, in the audit log as an SSO sign-in', async () => {
    const rep = await f.user({ role: 'rep', name: '单点代表' });
    const s = await start(rep.email, '/accounts?tier=A');
    const authorize = new URL(s.location);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://localhost/api/auth/sso/callback');
    expect(authorize.searchParams.get('login_hint')).toBe(rep.email);
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)).toBeTruthy();

    const back = await idp.signIn(s.location, rep.email);
    const res = await callback(back, s.cookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/accounts?tier=A');
    // The flow is over: its cookie goes.
    expect(cookieOf(res, FLOW_COOKIE)?.value).toBe('');
    const me = await clientFor(t.app, sessionCookie(res)).get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<Me>()).toMatchObject({ id: rep.id, email: rep.email, role: 'rep' });

    const logins = await audit(`entity=user&action=login&userId=${rep.id}`);
    expect(logins[0].changes).toContainEqual({ field: 'method', old: null, new: 'sso' });
  });

  it('lands only on in-app paths', async () => {
    const rep = await f.user({ role: 'rep' });
    for (const next of [
      '//evil.example.com/x',
      'https://evil.example.com',
      '/\\evil.example.com',
      '/\t/evil.example.com',
      '/客户',
    ]) {
      const res = await ssoSignIn(rep.email, rep.email, next);
      expect(res.headers.location, next).toBe('/');
    }
  });

  it('refuses an e-mail without a user, and creates one into the default team and role when allowed', async () => {
    const email = `new-${uniq()}@${domain}`;
    idp.accounts.set(email, { email, email_verified: true, name: '新来的同事' });
    expect(errorOf(await ssoSignIn(email))).toBe('sso_no_account');
    const refused = await audit('entity=sso&action=login_failed');
    expect(refused[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'reason', old: null, new: 'sso_no_account' },
        { field: 'email', old: null, new: email },
      ]),
    );

    await configure({ jitEnabled: true, jitRole: 'viewer' });
    const res = await ssoSignIn(email);
    expect(res.headers.location).toBe('/');
    const me = (await clientFor(t.app, sessionCookie(res)).get('/api/auth/me')).json<Me>();
    expect(me).toMatchObject({ email, name: '新来的同事', role: 'viewer', dataScope: 'team', teamId });
    const created = (await f.admin.get('/api/users')).json<{ items: User[] }>().items.find((u) => u.email === email);
    expect(created).toMatchObject({ role: 'viewer', teamId, active: true });
    const made = await audit(`entity=user&action=create&userId=${me.id}`);
    expect(made[0].changes).toContainEqual({ field: 'method', old: null, new: 'sso' });
    // The second time the same user signs in; nobody new is made.
    expect((await ssoSignIn(email)).headers.location).toBe('/');
    expect(
      (await f.admin.get('/api/users')).json<{ items: User[] }>().items.filter((u) => u.email === email),
    ).toHaveLength(1);
    await configure();
  });

  it('refuses a deactivated user, on the user’s audit entries', async () => {
    const rep = await f.user({ role: 'rep', name: '已离职' });
    await f.admin.patch(`/api/users/${rep.id}`, { version: rep.version, active: false });
    expect(errorOf(await ssoSignIn(rep.email))).toBe('sso_inactive');
    const failed = await audit(`entity=user&action=login_failed`);
    expect(failed.find((e) => e.entityId === rep.id)?.changes).toContainEqual({
      field: 'reason',
      old: null,
      new: 'sso_inactive',
    });
  });

  it('refuses an e-mail the provider says is unverified, or no e-mail at all', async () => {
    const rep = await f.user({ role: 'rep' });
    const login = `unverified-${uniq()}`;
    idp.accounts.set(login, { email: rep.email, email_verified: false });
    expect(errorOf(await ssoSignIn(rep.email, login))).toBe('sso_no_email');
    const anonymous = `anonymous-${uniq()}`;
    idp.accounts.set(anonymous, { name: '无邮箱' });
    expect(errorOf(await ssoSignIn(rep.email, anonymous))).toBe('sso_no_email');
  });

  it('refuses a wrong state, a missing or forged flow cookie, a wrong nonce and a replayed callback', async () => {
    const rep = await f.user({ role: 'rep' });
    // The state in the callback is not the flow's.
    let s = await start(rep.email);
    let back = await idp.signIn(s.location, rep.email);
    const wrongState = new URL(back);
    wrongState.searchParams.set('state', 'someone-elses-state');
    expect(errorOf(await callback(wrongState, s.cookie))).toBe('sso_expired');
    // No flow cookie (another browser), or one altered in the browser.
    expect(errorOf(await callback(back))).toBe('sso_expired');
    const flow = peekFlow(s.cookie?.split('=')[1]);
    expect(flow).not.toBeNull();
    const altered = Buffer.from(JSON.stringify({ ...flow, next: '/x' })).toString('base64url');
    const forged = `${FLOW_COOKIE}=${altered}.${s.cookie?.split('.')[1]}`;
    expect(errorOf(await callback(back, forged))).toBe('sso_expired');

    // A flow sealed with the right key but another nonce: the ID token's nonce does not match.
    s = await start(rep.email);
    back = await idp.signIn(s.location, rep.email);
    const sealed = peekFlow(s.cookie?.split('=')[1]);
    if (!sealed) throw new Error('no flow');
    const otherNonce = `${FLOW_COOKIE}=${sealFlow({ ...sealed, nonce: 'not-the-nonce' }, idp)}`;
    expect(errorOf(await callback(back, otherNonce))).toBe('sso_failed');
    const failed = await audit('entity=sso&action=login_failed');
    expect(JSON.stringify(failed[0].changes)).toContain('nonce');

    // Replayed: the same callback with the same flow cookie after it signed in.
    s = await start(rep.email);
    back = await idp.signIn(s.location, rep.email);
    expect((await callback(back, s.cookie)).headers.location).toBe('/');
    const replay = await callback(back, s.cookie);
    expect(errorOf(replay)).toBe('sso_failed');
    expect(cookieOf(replay, 'okam_session')).toBeUndefined();
  });

  it('says so when the person cancels at the provider', async () => {
    const rep = await f.user({ role: 'rep' });
    const s = await start(rep.email);
    const back = await idp.signIn(s.location, rep.email, { abort: true });
    expect(errorOf(await callback(back, s.cookie))).toBe('sso_denied');
  });

  it('sends an e-mail no organisation signs in with SSO back to the sign-in page', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/auth/sso/start?email=${encodeURIComponent(`nobody-${uniq()}@elsewhere.example.com`)}`,
    });
    expect(errorOf(res)).toBe('sso_unavailable');
    expect(cookieOf(res, FLOW_COOKIE)).toBeUndefined();
    const bad = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start?email=not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('query.email');
  });
});

describe('password sign-in switched off', () => {
  it('refuses members’ passwords with a 403 pointing to SSO; admins keep theirs; tokens keep working', async () => {
    const rep = await f.user({ role: 'rep', name: '只用单点' });
    const token = (await rep.client.post('/api/tokens', { name: '单点令牌', readOnly: true })).json<{ token: string }>()
      .token;
    const adminEmail = (await f.admin.get('/api/auth/me')).json<Me>().email;
    await configure({ passwordLoginDisabled: true });
    const login = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'secret-pass-1' } });

    const refused = await login(rep.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'password_login_disabled',
      messages: {
        zh: '本组织已关闭密码登录，请点击“企业账号登录（SSO）”',
        en: 'Password sign-in is turned off for your organisation; use "Sign in with SSO"',
      },
    });
    const failed = await audit('entity=user&action=login_failed');
    expect(failed.find((e) => e.entityId === rep.id)?.changes).toContainEqual({
      field: 'reason',
      old: null,
      new: 'password_login_disabled',
    });
    // The way back in when the provider is down or set up wrong.
    expect((await login(adminEmail)).statusCode).toBe(200);
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/accounts',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    // SSO still signs the member in.
    expect((await ssoSignIn(rep.email)).headers.location).toBe('/');

    await configure({ passwordLoginDisabled: false });
    expect((await login(rep.email)).statusCode).toBe(200);
  });
});
