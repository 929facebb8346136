// The login limit (issue 19, items 6 and 7): locked per e-mail and address, slowed per e-mail and per
// address, the address taken from the nearest trusted proxy, and the owner told of failed attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../../test/factories.ts';
import { loadConfig } from '../../plugins/config.ts';
import { history } from '../../db/schema.ts';
import type { LoginResponse } from '../../../core/schemas/org.ts';

// Three failures allowed; a slowed attempt waits 1 s at most, so the tests stay quick, and a wait
// shows above the time a password check takes.
const limits = { loginMaxFailures: 3, loginMaxDelaySeconds: 1 };

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('lockout rules (direct connections)', () => {
  let t: TestApp;
  let f: Factories;
  beforeAll(async () => {
    t = await build(limits);
    f = await seedOrg(t.app);
  });
  afterAll(() => t.close());
  const attempt = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('locks an e-mail for the address that failed, with Retry-After, even with the right password', async () => {
    const u = await f.user();
    for (let i = 0; i < 3; i++) expect((await attempt(u.email, 'wrong-pass', '10.2.0.1')).statusCode).toBe(401);
    for (const email of [u.email, u.email.toUpperCase()]) {
      const locked = await attempt(email, PASSWORD, '10.2.0.1');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'rate_limited', messages: { zh: '尝试次数过多，请稍后再试' } });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(locked.cookies.find((c) => c.name === 'okam_session')).toBeUndefined();
    }
    // Existing sessions are unaffected.
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an attacker elsewhere cannot lock the owner out: the right password from another address gets in, only slowed', async () => {
    const u = await f.user();
    for (let i = 0; i < 3; i++) expect((await attempt(u.email, 'wrong-pass', '198.51.100.7')).statusCode).toBe(401);
    expect((await attempt(u.email, 'wrong-pass', '198.51.100.7')).statusCode).toBe(429);
    const owner = await timed(() => attempt(u.email, PASSWORD, '203.0.113.9'));
    expect(owner.value.statusCode).toBe(200);
    expect(owner.ms).toBeGreaterThanOrEqual(950);
  });

  it('failures spread over many addresses never lock the e-mail; they slow every further attempt', async () => {
    const u = await f.user();
    for (let i = 0; i < 8; i++) expect((await attempt(u.email, `wrong-${i}`, `10.5.${i}.1`)).statusCode).toBe(401);
    const slowed = await timed(() => attempt(u.email, 'wrong-again', '10.5.99.1'));
    expect(slowed.value.statusCode).toBe(401);
    expect(slowed.ms).toBeGreaterThanOrEqual(950);
    expect((await attempt(u.email, PASSWORD, '10.5.100.1')).statusCode).toBe(200);
    // The success ends the e-mail's slowdown.
    expect((await timed(() => attempt(u.email, 'wrong-once', '10.5.101.1'))).ms).toBeLessThan(950);
  });

  it('many failures from one address (a company NAT) slow, but do not block, the others behind it', async () => {
    const colleague = await f.user();
    // Fifteen misses over unknown e-mails from one address: past four times the allowance.
    for (let i = 0; i < 15; i++)
      expect((await attempt(`ghost-${i % 5}@example.com`, 'x', '10.4.0.1')).statusCode).toBe(401);
    const res = await timed(() => attempt(colleague.email, PASSWORD, '10.4.0.1'));
    expect(res.value.statusCode).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(950);
  });

  it('a successful login clears the failures of that address for the e-mail', async () => {
    const u = await f.user();
    for (let i = 0; i < 2; i++) expect((await attempt(u.email, 'wrong-pass', '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt(u.email, PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await attempt(u.email, 'wrong-pass', '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt(u.email, PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });

  it('tells the owner once, at the next sign-in, and keeps each failure in the history trail', async () => {
    const u = await f.user();
    await attempt(u.email, 'wrong-1', '198.51.100.20');
    await attempt(u.email, 'wrong-2', '198.51.100.21');
    const first = await attempt(u.email, PASSWORD, '203.0.113.9');
    const notice = first.json<LoginResponse>().failedAttemptsSinceLastLogin;
    expect(notice).toMatchObject({ count: 2, lastAddress: '198.51.100.21' });
    expect(Date.now() - Date.parse(notice!.lastAt)).toBeLessThan(60_000);
    const second = await attempt(u.email, PASSWORD, '203.0.113.9');
    expect(second.json<LoginResponse>().failedAttemptsSinceLastLogin).toBeUndefined();

    const rows = await t.database.db
      .select({ action: history.action, changes: history.changes, actorId: history.actorId })
      .from(history)
      .where(and(eq(history.entityType, 'user'), eq(history.entityId, u.id)));
    const failures = rows.filter((r) => r.action === 'login_failed');
    expect(failures).toHaveLength(2);
    expect(failures.every((r) => r.actorId === null)).toBe(true);
    expect(failures.map((r) => r.changes)).toContainEqual([{ field: 'address', old: null, new: '198.51.100.20' }]);
    // Sign-ins are in the trail too (the audit log), by the user, with the address.
    const logins = rows.filter((r) => r.action === 'login');
    expect(logins.map((r) => r.changes)).toContainEqual([{ field: 'address', old: null, new: '203.0.113.9' }]);
    expect(logins.every((r) => r.actorId === u.id)).toBe(true);
    expect(failures.length + logins.length).toBe(rows.length);
  });
});

describe('behind a proxy (OPENKAM_TRUST_PROXY=1)', () => {
  let t: TestApp;
  let f: Factories;
  beforeAll(async () => {
    t = await build({ ...limits, trustProxy: loadConfig({ OPENKAM_TRUST_PROXY: '1' }).trustProxy });
    f = await seedOrg(t.app);
  });
  afterAll(() => t.close());
  // The proxy at 127.0.0.1 appends the address it saw to the X-Forwarded-For the client sent.
  const viaProxy = (email: string, password: string, client: string, sent?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': sent ? `${sent}, ${client}` : client },
    });

  it('a rotating spoofed X-Forwarded-For does not escape the lock, nor does a prefix after it', async () => {
    const u = await f.user();
    for (let i = 0; i < 3; i++)
      expect((await viaProxy(u.email, 'wrong-pass', '198.51.100.7', `10.9.${i}.1`)).statusCode).toBe(401);
    expect((await viaProxy(u.email, 'wrong-pass', '198.51.100.7', '10.9.50.1')).statusCode).toBe(429);
    expect((await viaProxy(u.email, 'wrong-pass', '198.51.100.7', '10.1.2.3')).statusCode).toBe(429);
    // The owner, elsewhere, gets in and is told where the attempts really came from.
    const owner = await viaProxy(u.email, PASSWORD, '203.0.113.9');
    expect(owner.json<LoginResponse>().failedAttemptsSinceLastLogin).toMatchObject({
      count: 3,
      lastAddress: '198.51.100.7',
    });
  });

  it('failures sent in the name of another address count against the sender, not that address', async () => {
    const victim = await f.user();
    for (let i = 0; i < 3; i++)
      expect((await viaProxy(victim.email, 'wrong-pass', '198.51.100.7', '203.0.113.9')).statusCode).toBe(401);
    const res = await viaProxy(victim.email, PASSWORD, '203.0.113.9');
    expect(res.statusCode).toBe(200);
    expect(res.json<LoginResponse>().failedAttemptsSinceLastLogin).toMatchObject({
      count: 3,
      lastAddress: '198.51.100.7',
    });
  });
});
