// Issue 23 (4): the organisation's SSO setting — an admin's alone, its client secret write-only (no
// answer, audit entry or token ever shows it), each wrong field a 400 naming it in both languages, a
// domain one organisation claims refused to another, and a connection test against a real provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { build, login, type TestApp } from '../../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../../test/factories.ts';
import { startIdp, type TestIdp } from '../../test/oidc-provider.ts';
import { createOrg } from '../setup/service.ts';
import type { AuditPage } from '../../../core/schemas/audit.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import type { SsoSettings, SsoSettingsBody } from '../../../core/schemas/sso.ts';

let t: TestApp;
let f: Factories;
let idp: TestIdp;
const domain = `settings-${randomBytes(4).toString('hex')}.example.cn`;

const body = (patch: Partial<SsoSettingsBody> = {}): SsoSettingsBody => ({
  enabled: true,
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  passwordLoginDisabled: false,
  jitEnabled: false,
  jitTeamId: null,
  jitRole: 'rep',
  domains: [],
  ...patch,
});

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  idp = await startIdp(['http://localhost/api/auth/sso/callback']);
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const fields = (res: { json(): unknown }) => (res.json() as ErrorBody).fields ?? [];

describe('SSO settings', () => {
  it('are off until an admin sets them, and say which redirect URI to register', async () => {
    const res = await f.admin.get('/api/settings/sso');
    expect(res.statusCode).toBe(200);
    expect(res.json<SsoSettings>()).toEqual({
      enabled: false,
      issuer: '',
      clientId: '',
      clientSecretSet: false,
      passwordLoginDisabled: false,
      jitEnabled: false,
      jitTeamId: null,
      jitRole: 'rep',
      domains: [],
      redirectUri: 'http://localhost/api/auth/sso/callback',
    });
  });

  it('keep the client secret write-only: never in an answer, the audit log or through a token', async () => {
    const team = await f.team({ name: '单点默认团队' });
    const put = await f.admin.put(
      '/api/settings/sso',
      body({ jitEnabled: true, jitTeamId: team.id, domains: [` @${domain.toUpperCase()} `, domain] }),
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<SsoSettings>()).toMatchObject({ enabled: true, clientSecretSet: true, domains: [domain] });
    expect(put.body).not.toContain(idp.clientSecret);
    expect(put.json()).not.toHaveProperty('clientSecret');
    // Saved again without the secret: the stored one stays.
    const again = await f.admin.put('/api/settings/sso', { ...body({ clientId: 'renamed' }), clientSecret: undefined });
    expect(again.json<SsoSettings>()).toMatchObject({ clientId: 'renamed', clientSecretSet: true });
    await f.admin.put('/api/settings/sso', body({ domains: [domain] }));
    const got = await f.admin.get('/api/settings/sso');
    expect(got.body).not.toContain(idp.clientSecret);
    expect(got.json<SsoSettings>()).toMatchObject({ clientId: idp.clientId, clientSecretSet: true });

    const log = await f.admin.get('/api/audit?entity=sso&action=update&limit=50');
    const entries = log.json<AuditPage>().items;
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(log.body).not.toContain(idp.clientSecret);
    expect(entries.at(-1)?.changes).toContainEqual({ field: 'clientSecret', old: null, new: '***' });
    expect(entries[1].changes).toContainEqual({ field: 'clientId', old: idp.clientId, new: 'renamed' });

    // An admin's token reads the setting (without the secret) but may not change who signs in.
    const token = (await f.admin.post('/api/tokens', { name: '管理令牌' })).json<{ token: string }>().token;
    const headers = { authorization: `Bearer ${token}` };
    const read = await t.app.inject({ method: 'GET', url: '/api/settings/sso', headers });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(idp.clientSecret);
    const write = await t.app.inject({ method: 'PUT', url: '/api/settings/sso', headers, payload: body() });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'token_session_only' });

    // The sign-in page learns that SSO is offered here, without signing in.
    const open = await t.app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(open.json()).toEqual({ enabled: true });
  });

  it('are an admin’s alone', async () => {
    for (const role of ['manager', 'rep', 'viewer'] as const) {
      const u = await f.user({ role });
      expect((await u.client.get('/api/settings/sso')).statusCode, role).toBe(403);
      expect((await u.client.put('/api/settings/sso', body())).statusCode, role).toBe(403);
      expect((await u.client.post('/api/settings/sso/test', { issuer: idp.issuer })).statusCode, role).toBe(403);
    }
  });

  it('refuse wrong fields with a 400 naming each, in both languages', async () => {
    const cases: [Partial<SsoSettingsBody>, string][] = [
      [{ issuer: 'ftp://idp.example.com' }, 'issuer'],
      [{ issuer: 'http://idp.example.com' }, 'issuer'],
      [{ issuer: 'https://idp.example.com/?tenant=1' }, 'issuer'],
      [{ issuer: '' }, 'issuer'],
      [{ clientId: ' ' }, 'clientId'],
      [{ enabled: false, passwordLoginDisabled: true }, 'passwordLoginDisabled'],
      [{ jitTeamId: '00000000-0000-4000-8000-000000000000' }, 'jitTeamId'],
      [{ domains: ['not a domain'] }, 'domains.0'],
      [{ domains: [domain, 'localhost'] }, 'domains.1'],
    ];
    for (const [patch, path] of cases) {
      const res = await f.admin.put('/api/settings/sso', body(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      const field = fields(res).find((x) => x.path === path);
      expect(field, `${JSON.stringify(patch)}: ${res.body}`).toBeDefined();
      expect(field?.messages.zh).toContain(path);
      expect(field?.messages.en).toContain(path);
    }
    const issuer = fields(await f.admin.put('/api/settings/sso', body({ issuer: 'http://idp.example.com' })))[0];
    expect(issuer.messages).toEqual({
      zh: 'issuer：须为 https:// 开头的地址（http:// 仅限本机 localhost 测试），且不带查询参数',
      en: 'issuer must be an https:// URL without a query (http:// only for localhost)',
    });
    // Schema-level: an admin role for new users, a field that does not exist.
    const admin = await f.admin.put('/api/settings/sso', { ...body(), jitRole: 'admin' });
    expect(fields(admin)[0].path).toBe('jitRole');
    const extra = await f.admin.put('/api/settings/sso', { ...body(), clientSecretSet: true });
    expect(fields(extra)[0].path).toBe('clientSecretSet');
    // A new setting needs its secret; without SSO on, nothing is required.
    const other = await seedOrg(t.app);
    const noSecret = await other.admin.put('/api/settings/sso', { ...body(), clientSecret: undefined });
    expect(fields(noSecret).map((x) => x.path)).toEqual(['clientSecret']);
    const off = await other.admin.put('/api/settings/sso', {
      ...body({ enabled: false, issuer: '', clientId: '' }),
      clientSecret: undefined,
    });
    expect(off.statusCode, off.body).toBe(200);
  });

  it('refuse a domain another organisation’s SSO already claims', async () => {
    const email = `other-${randomBytes(4).toString('hex')}@example.com`;
    await t.database.db.transaction((tx) =>
      createOrg(tx, { orgName: '另一家单点公司', name: '乙方管理员', email, password: PASSWORD }),
    );
    const otherAdmin = await login(t.app, email, PASSWORD);
    const taken = `taken-${randomBytes(4).toString('hex')}.example.cn`;
    expect((await otherAdmin.put('/api/settings/sso', body({ domains: [taken] }))).statusCode).toBe(200);
    const res = await f.admin.put('/api/settings/sso', body({ domains: [domain, taken] }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toMatchObject([{ path: 'domains.1', code: 'sso_domain_taken' }]);
    // Once the other turns SSO off, the domain is free.
    await otherAdmin.put('/api/settings/sso', body({ enabled: false, domains: [taken] }));
    expect((await f.admin.put('/api/settings/sso', body({ domains: [domain, taken] }))).statusCode).toBe(200);
  });

  it('test the connection by the issuer’s discovery, saying what failed', async () => {
    const ok = await f.admin.post('/api/settings/sso/test', { issuer: idp.issuer });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
      tokenEndpoint: `${idp.issuer}/token`,
      userinfoEndpoint: `${idp.issuer}/me`,
    });
    // Nothing listens there.
    const down = await f.admin.post('/api/settings/sso/test', { issuer: 'http://127.0.0.1:9/' });
    expect(down.statusCode).toBe(400);
    const issue = fields(down)[0];
    expect(issue.path).toBe('issuer');
    expect(issue.messages.zh).toContain('无法读取身份提供方的配置');
    expect(issue.messages.en).toMatch(/could not read the identity provider's configuration: .+/);
    const wrong = await f.admin.post('/api/settings/sso/test', { issuer: 'http://intranet.example.com' });
    expect(fields(wrong)).toMatchObject([{ path: 'issuer', code: 'sso_issuer' }]);
  });
});
