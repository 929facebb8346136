import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../plugins/config.ts';
import { authRepository } from './repository.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/password.ts';
import type { Actor } from '../../lib/actor.ts';
import { OrgCache, orgChangesOf } from '../../db/org-changes.ts';
import type { DataScope, Role } from '../../../core/enums.ts';
import type { Lang } from '../../../core/messages.ts';
import type { Me } from '../../../core/schemas/org.ts';

const HOUR = 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Cookie value `<orgId>.<secret>`: the org routes the lookup (one shard under Citus); only the hash is stored. */
export function parseSessionCookie(value: string | undefined): { orgId: string; id: string } | null {
  if (!value) return null;
  // A strict UUID: anything else would reach the uuid column cast and fail as a 500.
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { orgId: m[1], id: sha256(m[2]) } : null;
}

/** A live session's caller, as kept between requests (the language is each request's own). */
type Caller = Omit<Actor, 'orgId' | 'lang'> & { lastSeenAt: number; expiresAt: number };

export function authService(db: Db, config: Pick<Config, 'sessionTtlDays' | 'loginMaxFailures' | 'loginWindowMinutes'>) {
  const repo = authRepository(db);
  const ttl = () => new Date(Date.now() + config.sessionTtlDays * 24 * HOUR);
  const changes = orgChangesOf(db);
  // Every request resolves its session: kept per instance until the organisation's users, teams,
  // account teams or sessions change (db/org-changes.ts), so a request costs one round trip less.
  const callers = changes && new OrgCache<Caller | undefined>(changes, { ttlMs: 60_000, max: 20_000 });

  async function loadCaller(orgId: string, id: string): Promise<Caller | undefined> {
    const row = await repo.sessionUser(orgId, id);
    if (!row) return undefined;
    const dataScope = row.dataScope as DataScope;
    const scopeUserIds = dataScope === 'all' ? null : await repo.scopeUserIds(orgId, row.userId, dataScope, row.teamId);
    return {
      userId: row.userId,
      role: row.role as Role,
      dataScope,
      teamId: row.teamId,
      // Shared by every request of the session while kept: frozen, so nobody edits another's copy.
      scopeUserIds: scopeUserIds && (Object.freeze(scopeUserIds) as string[]),
      teamAccountIds: Object.freeze(row.teamAccountIds) as string[],
      lastSeenAt: row.lastSeenAt.getTime(),
      expiresAt: row.expiresAt.getTime(),
    };
  }

  async function startSession(orgId: string, userId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    await repo.createSession({ orgId, id: sha256(secret), userId, expiresAt: ttl() });
    return `${orgId}.${secret}`;
  }

  return {
    startSession,

    async login(email: string, password: string, ip: string): Promise<{ cookie: string; orgId: string; userId: string }> {
      const normalized = email.trim().toLowerCase();
      const keys = [`email:${normalized}`, `ip:${ip}`];
      const since = new Date(Date.now() - config.loginWindowMinutes * 60_000);
      const counts = await repo.countFailures(keys, since);
      if ((counts.get(keys[0]) ?? 0) >= config.loginMaxFailures || (counts.get(keys[1]) ?? 0) >= config.loginMaxFailures * 4) {
        throw new AppError(429, 'rate_limited');
      }
      const user = await repo.findLogin(normalized);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!user || !ok || !user.active) {
        await repo.addFailures(keys);
        throw new AppError(401, 'invalid_credentials');
      }
      await repo.clearFailures(keys[0]);
      return { cookie: await startSession(user.orgId, user.id), orgId: user.orgId, userId: user.id };
    },

    async logout(cookie: string | undefined) {
      const s = parseSessionCookie(cookie);
      if (!s) return;
      await repo.deleteSession(s.orgId, s.id);
      callers?.delete(s.orgId, s.id);
    },

    /** Resolves the caller and their data scope; extends the session at most hourly to keep reads read-only. */
    async actorFromCookie(cookie: string | undefined, lang: Lang): Promise<Actor | null> {
      const s = parseSessionCookie(cookie);
      if (!s) return null;
      const now = Date.now();
      const fetch = () => (callers ? callers.get(s.orgId, s.id, () => loadCaller(s.orgId, s.id)) : loadCaller(s.orgId, s.id));
      let c = await fetch();
      // Expired as this instance holds it; another instance may have extended it since.
      if (c && c.expiresAt <= now) {
        callers?.delete(s.orgId, s.id);
        c = await fetch();
      }
      if (!c) return null;
      if (now - c.lastSeenAt > HOUR) {
        const expiresAt = ttl();
        await repo.touchSession(s.orgId, s.id, expiresAt);
        c.lastSeenAt = now;
        c.expiresAt = expiresAt.getTime();
      }
      return { orgId: s.orgId, userId: c.userId, role: c.role, dataScope: c.dataScope, teamId: c.teamId, lang, scopeUserIds: c.scopeUserIds, teamAccountIds: c.teamAccountIds };
    },

    async me(who: { orgId: string; userId: string }): Promise<Me> {
      const me = await repo.me(who.orgId, who.userId);
      if (!me) throw new AppError(401, 'unauthenticated');
      return { ...me, role: me.role as Me['role'], dataScope: me.dataScope as Me['dataScope'], locale: me.locale as Me['locale'] };
    },

    async changePassword(actor: Actor, cookie: string | undefined, current: string, next: string) {
      const h = await repo.passwordHash(actor.orgId, actor.userId);
      if (!h || !(await verifyPassword(h, current))) throw fieldError('currentPassword', 'wrong_password');
      await repo.setPassword(actor.orgId, actor.userId, await hashPassword(next));
      // Other devices signed in with the old password are signed out.
      const s = parseSessionCookie(cookie);
      if (s) await repo.deleteOtherSessions(actor.orgId, actor.userId, s.id);
    },

    setLocale: (actor: Actor, locale: string) => repo.setLocale(actor.orgId, actor.userId, locale),

    purgeExpired: () => repo.purgeExpired(new Date(), new Date(Date.now() - 24 * HOUR)),
  };
}

export type AuthService = ReturnType<typeof authService>;
