import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../plugins/config.ts';
import { authRepository, preferencesRepository } from './repository.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/password.ts';
import { assertStrongPassword } from '../../lib/password-strength.ts';
import { resolveScope, type Actor } from '../../access/index.ts';
import { OrgCache, orgChangesOf } from '../../db/org-changes.ts';
import type { DataScope, Role } from '../../../core/enums.ts';
import type { Lang } from '../../../core/messages.ts';
import type { FailedLogins, Me } from '../../../core/schemas/org.ts';
import { HOUR_MS } from '../../../core/time.ts';
import {
  mergeUserPreferences,
  readUserPreferences,
  type UserPreferences,
  type UserPreferencesPatch,
} from '../../../core/user-preferences.ts';
import { historyWriter } from '../../kernel/history.ts';
import { readOrgSettings } from '../../../core/org-settings.ts';
import type { FieldChange } from '../../../core/diff.ts';
import { failureKeys, throttle, type ThrottleConfig } from './throttle.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 429: this e-mail is locked for this address; Retry-After says for how long. */
export class LoginLocked extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited');
  }
}

export interface LoginResult {
  cookie: string;
  orgId: string;
  userId: string;
  failedAttempts: FailedLogins | undefined;
}
/** Secrets (session cookies, API tokens) are stored as this hash only. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Cookie value `<orgId>.<secret>`: the org routes the lookup (one shard under Citus); only the hash is stored. */
export function parseSessionCookie(value: string | undefined): { orgId: string; id: string } | null {
  if (!value) return null;
  // A strict UUID: anything else would reach the uuid column cast and fail as a 500.
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { orgId: m[1], id: sha256(m[2]) } : null;
}

/**
 * What a signed-in user is to the access rules — role, data scope, account teams — from their row, as
 * a session or an API token (tokens.ts) finds it.
 */
export async function callerOfUser(
  db: Db,
  orgId: string,
  row: { userId: string; role: string; dataScope: string; teamId: string | null; teamAccountIds: string[] },
): Promise<Omit<Actor, 'orgId' | 'lang'>> {
  const dataScope = row.dataScope as DataScope;
  return {
    userId: row.userId,
    role: row.role as Role,
    dataScope,
    teamId: row.teamId,
    scopeUserIds: await resolveScope(db, orgId, row.userId, dataScope, row.teamId),
    teamAccountIds: row.teamAccountIds,
  };
}

/** A live session's caller, as kept between requests (the language is each request's own). */
type Caller = Omit<Actor, 'orgId' | 'lang'> & { lastSeenAt: number; expiresAt: number };

export function authService(db: Db, config: Pick<Config, 'sessionTtlDays'> & ThrottleConfig) {
  const repo = authRepository(db);
  const history = historyWriter(db);
  const ttl = () => new Date(Date.now() + config.sessionTtlDays * 24 * HOUR_MS);
  const changes = orgChangesOf(db);
  // Every request resolves its session: kept per instance until the organisation's users, teams,
  // account teams or sessions change (db/org-changes.ts), so a request costs one round trip less.
  const callers = changes && new OrgCache<Caller | undefined>(changes, { ttlMs: 60_000, max: 20_000 });

  async function loadCaller(orgId: string, id: string): Promise<Caller | undefined> {
    const row = await repo.sessionUser(orgId, id);
    if (!row) return undefined;
    const who = await callerOfUser(db, orgId, row);
    return {
      ...who,
      // Shared by every request of the session while kept: frozen, so nobody edits another's copy.
      scopeUserIds: who.scopeUserIds && (Object.freeze(who.scopeUserIds) as string[]),
      teamAccountIds: Object.freeze(who.teamAccountIds) as string[],
      lastSeenAt: row.lastSeenAt.getTime(),
      expiresAt: row.expiresAt.getTime(),
    };
  }

  async function startSession(orgId: string, userId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    await repo.createSession({ orgId, id: sha256(secret), userId, expiresAt: ttl() });
    return `${orgId}.${secret}`;
  }

  /**
   * Writes a failed sign-in on the user it was about; the owner learns of it at their next sign-in.
   * The address (the one the last trusted proxy saw) comes first: the notice reads it from there.
   */
  async function recordFailure(orgId: string, userId: string, address: string, details: FieldChange[] = []) {
    await history.record(orgId, 'user', userId, 'login_failed', null, [
      { field: 'address', old: null, new: address },
      ...details,
    ]);
  }

  /**
   * Everything a sign-in does once the person is known, by password or by SSO (`details` says how):
   * the failed attempts since the last one for the notice, the audit entry, a new session.
   */
  async function signedIn(
    user: { orgId: string; id: string; lastLoginAt: Date | null },
    address: string,
    details: FieldChange[] = [],
  ): Promise<LoginResult> {
    const failed = await repo.failedLoginsSince(user.orgId, user.id, user.lastLoginAt);
    await repo.markLogin(user.orgId, user.id, new Date());
    await history.record(user.orgId, 'user', user.id, 'login', user.id, [
      { field: 'address', old: null, new: address },
      ...details,
    ]);
    return {
      cookie: await startSession(user.orgId, user.id),
      orgId: user.orgId,
      userId: user.id,
      failedAttempts: failed && {
        count: failed.count,
        lastAt: failed.lastAt.toISOString(),
        lastAddress: failed.lastAddress,
      },
    };
  }

  return {
    startSession,

    /** Signs in; the failed attempts on the account since its last sign-in come back for a notice. */
    async login(email: string, password: string, address: string): Promise<LoginResult> {
      const normalized = email.trim().toLowerCase();
      const keys = failureKeys(normalized, address);
      const now = new Date();
      const counts = await repo.countFailures(
        [keys.pair, keys.email, keys.address],
        new Date(now.getTime() - config.loginWindowMinutes * 60_000),
      );
      const verdict = throttle(counts, keys, config, now);
      if (verdict.locked) throw new LoginLocked(verdict.retryAfterSeconds);
      if (verdict.delayMs > 0) await sleep(verdict.delayMs);
      const user = await repo.findLogin(normalized);
      // The organisation signs its members in with its identity provider. Admins keep their password:
      // a provider that is down or set up wrong must not lock the organisation out of its settings.
      if (user?.active && user.role !== 'admin' && readOrgSettings(user.orgSettings).sso.passwordLoginDisabled) {
        await recordFailure(user.orgId, user.id, address, [
          { field: 'reason', old: null, new: 'password_login_disabled' },
        ]);
        throw new AppError(403, 'password_login_disabled');
      }
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!user || !ok || !user.active) {
        await repo.addFailures([keys.pair, keys.email, keys.address]);
        if (user) await recordFailure(user.orgId, user.id, address);
        throw new AppError(401, 'invalid_credentials');
      }
      // This address's failures for the e-mail and the e-mail's slowdown end with a success; the
      // address's failures over other e-mails (others behind the same NAT) stay.
      await repo.clearFailures([keys.pair, keys.email]);
      return signedIn(user, address);
    },

    signedIn,
    recordFailure,

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
      const fetch = () =>
        callers ? callers.get(s.orgId, s.id, () => loadCaller(s.orgId, s.id)) : loadCaller(s.orgId, s.id);
      let c = await fetch();
      // Expired as this instance holds it; another instance may have extended it since.
      if (c && c.expiresAt <= now) {
        callers?.delete(s.orgId, s.id);
        c = await fetch();
      }
      if (!c) return null;
      if (now - c.lastSeenAt > HOUR_MS) {
        const expiresAt = ttl();
        await repo.touchSession(s.orgId, s.id, expiresAt);
        c.lastSeenAt = now;
        c.expiresAt = expiresAt.getTime();
      }
      return {
        orgId: s.orgId,
        userId: c.userId,
        role: c.role,
        dataScope: c.dataScope,
        teamId: c.teamId,
        lang,
        scopeUserIds: c.scopeUserIds,
        teamAccountIds: c.teamAccountIds,
      };
    },

    async me(who: { orgId: string; userId: string }): Promise<Me> {
      const me = await repo.me(who.orgId, who.userId);
      if (!me) throw new AppError(401, 'unauthenticated');
      return {
        ...me,
        role: me.role as Me['role'],
        dataScope: me.dataScope as Me['dataScope'],
        locale: me.locale as Me['locale'],
        preferences: readUserPreferences(me.preferences),
      };
    },

    async changePassword(actor: Actor, cookie: string | undefined, current: string, next: string) {
      const h = await repo.passwordHash(actor.orgId, actor.userId);
      if (!h || !(await verifyPassword(h, current))) throw fieldError('currentPassword', 'wrong_password');
      const me = await repo.me(actor.orgId, actor.userId);
      await assertStrongPassword('newPassword', next, [me?.email, me?.name, me?.orgName]);
      await repo.setPassword(actor.orgId, actor.userId, await hashPassword(next));
      // Other devices signed in with the old password are signed out.
      const s = parseSessionCookie(cookie);
      if (s) await repo.deleteOtherSessions(actor.orgId, actor.userId, s.id);
    },

    setLocale: (actor: Actor, locale: string) => repo.setLocale(actor.orgId, actor.userId, locale),

    /** Changes only the keys sent; two tabs saving at once each keep the other's other keys. */
    async updatePreferences(actor: Actor, patch: UserPreferencesPatch): Promise<UserPreferences> {
      return db.transaction(async (tx) => {
        const r = preferencesRepository(tx);
        const next = mergeUserPreferences(readUserPreferences(await r.lock(actor.orgId, actor.userId)), patch);
        await r.set(actor.orgId, actor.userId, next);
        return next;
      });
    },

    purgeExpired: () => repo.purgeExpired(new Date(), new Date(Date.now() - 24 * HOUR_MS)),
  };
}

export type AuthService = ReturnType<typeof authService>;
