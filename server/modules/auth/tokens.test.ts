// Issue 23 (1, 8): personal access tokens on both databases — a token acts as its user with their role
// and data scope and never more; read-only tokens cannot write; expired and revoked tokens answer 401;
// the secret is shown once and stored hashed; admins list and revoke anyone's; tokens skip the Origin
// check and nothing else; the OpenAPI document declares the bearer scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import type { Token, TokenCreated } from '../../../core/schemas/tokens.ts';

type User = Awaited<ReturnType<Factories['user']>>;
let t: TestApp;
let f: Factories;
let rep: User, other: User, viewer: User;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const team = await f.team({ name: '令牌组' });
  rep = await f.user({ role: 'rep', teamId: team.id, name: '令牌代表' });
  other = await f.user({ role: 'rep', name: '别组代表' });
  viewer = await f.user({ role: 'viewer', teamId: team.id });
});
afterAll(() => t?.close());

/** A request with the token only: no cookie. */
function as(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown> | undefined,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' },
  });
}
const code = (res: LightMyRequestResponse) => res.json<ErrorBody>().code;

async function tokenOf(user: User, body: Record<string, unknown> = {}): Promise<TokenCreated> {
  const res = await user.client.post('/api/tokens', { name: 'ERP 对接', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TokenCreated>();
}

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and lists the token by name with its last use', async () => {
    const created = await tokenOf(rep);
    expect(created.token).toMatch(/^okam_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'ERP 对接', readOnly: false, active: true, lastUsedAt: null });
    const [stored] = await rowsOf<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from api_tokens where id = ${created.id}`,
    );
    expect(stored.token_hash).not.toContain(created.token.split('.')[1]);
    expect((await as(created.token, 'GET', '/api/auth/me')).json<{ id: string }>().id).toBe(rep.id);
    const listed = (await rep.client.get('/api/tokens')).json<{ items: (Token & { token?: string })[] }>().items;
    const mine = listed.find((x) => x.id === created.id);
    expect(mine?.token).toBeUndefined();
    expect(mine?.lastUsedAt).not.toBeNull();
  });

  it('acts with its user’s data scope and role, never more', async () => {
    const token = (await tokenOf(rep)).token;
    const own = await f.account(rep.client, { name: '令牌可见医院' });
    const theirs = await f.account(other.client, { name: '令牌不可见医院' });
    const list = (await as(token, 'GET', '/api/accounts?limit=200')).json<{ items: { id: string }[] }>();
    expect(list.items.map((a) => a.id)).toContain(own.id);
    expect(list.items.map((a) => a.id)).not.toContain(theirs.id);
    expect((await as(token, 'GET', `/api/accounts/${theirs.id}`)).statusCode).toBe(404);
    // A rep's token cannot do an admin's work.
    expect((await as(token, 'POST', '/api/teams', { name: '越权', parentId: null })).statusCode).toBe(403);
    // A write within scope works, without an Origin check (a server calls with no browser).
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: '令牌新建医院', ownershipType: 'institution' },
      headers: { authorization: `Bearer ${token}`, origin: 'https://erp.example.com' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('a read-only token reads and is refused every write with 403', async () => {
    const token = (await tokenOf(rep, { readOnly: true })).token;
    expect((await as(token, 'GET', '/api/accounts')).statusCode).toBe(200);
    const res = await as(token, 'POST', '/api/accounts', { name: '只读写入', ownershipType: 'institution' });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('token_read_only');
    expect(res.json<ErrorBody>().message).toContain('只读令牌');
  });

  it('an expired, revoked, malformed or unknown token answers 401', async () => {
    const expiring = await tokenOf(rep, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expiring.id}`,
    );
    const revoked = await tokenOf(rep);
    expect((await rep.client.delete(`/api/tokens/${revoked.id}`)).statusCode).toBe(204);
    const forged = `${revoked.token.slice(0, -4)}AAAA`;
    for (const token of [expiring.token, revoked.token, forged, 'not-a-token']) {
      const res = await as(token, 'GET', '/api/accounts');
      expect(res.statusCode, token).toBe(401);
      expect(code(res)).toBe('token_invalid');
    }
    const listed = (await rep.client.get('/api/tokens')).json<{ items: Token[] }>().items;
    expect(listed.find((x) => x.id === revoked.id)).toMatchObject({ active: false });
    expect(listed.find((x) => x.id === expiring.id)).toMatchObject({ active: false });
  });

  it('a token cannot mint tokens or change its user’s password', async () => {
    const token = (await tokenOf(rep)).token;
    for (const [url, body] of [
      ['/api/tokens', { name: '再来一个' }],
      ['/api/auth/password', { currentPassword: 'x', newPassword: 'Another-long-pass-2027' }],
    ] as const) {
      const res = await as(token, 'POST', url, body);
      expect(res.statusCode, url).toBe(403);
      expect(code(res)).toBe('token_session_only');
    }
  });

  it('refuses a bad name or a past expiry with 400 naming the field', async () => {
    const empty = await rep.client.post('/api/tokens', { name: '' });
    expect(empty.statusCode).toBe(400);
    const past = await rep.client.post('/api/tokens', { name: '过期', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json<ErrorBody>().fields?.[0]).toMatchObject({ path: 'expiresAt', code: 'token_expiry_past' });
  });

  it('a viewer’s token reads as the viewer; only an admin lists and revokes anyone’s', async () => {
    const viewers = await tokenOf(viewer);
    expect((await as(viewers.token, 'GET', '/api/accounts')).statusCode).toBe(200);
    expect(
      (await as(viewers.token, 'POST', '/api/accounts', { name: '观察者写入', ownershipType: 'institution' }))
        .statusCode,
    ).toBe(403);
    const reps = await tokenOf(rep);
    // Another user's token: out of sight (404), and the whole list is an admin's.
    expect((await other.client.delete(`/api/tokens/${reps.id}`)).statusCode).toBe(404);
    expect((await rep.client.get('/api/tokens?all=true')).statusCode).toBe(403);
    const all = (await f.admin.get('/api/tokens?all=true')).json<{ items: Token[] }>().items;
    expect(all.find((x) => x.id === reps.id)).toMatchObject({ userId: rep.id, userName: '令牌代表' });
    expect((await f.admin.delete(`/api/tokens/${reps.id}`)).statusCode).toBe(204);
    expect((await as(reps.token, 'GET', '/api/accounts')).statusCode).toBe(401);
  });

  it('a deactivated user’s tokens stop working', async () => {
    const leaver = await f.user({ role: 'rep' });
    const token = (await tokenOf(leaver)).token;
    await t.database.db.execute(sql`update users set active = false where id = ${leaver.id}`);
    expect((await as(token, 'GET', '/api/accounts')).statusCode).toBe(401);
  });

  it('the OpenAPI document declares the bearer scheme beside the session cookie', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json<{
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      security: Record<string, unknown>[];
    }>();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual(expect.arrayContaining([{ bearer: [] }, { session: [] }]));
  });
});
