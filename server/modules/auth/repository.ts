import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountMembers, history, loginFailures, loginIdentities, orgs, sessions, users } from '../../db/schema.ts';
import type { FailureCount } from './throttle.ts';
import type { UserPreferences } from '../../../core/user-preferences.ts';

export function authRepository(db: Db) {
  // Every request resolves its session: built once, run as a prepared statement.
  const sessionUser = db
    .select({
      userId: users.id,
      role: users.role,
      dataScope: users.dataScope,
      teamId: users.teamId,
      locale: users.locale,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      // The accounts whose team the caller is on, resolved here (no extra round trip) so scoped
      // reads get a literal id list instead of a subquery that defeats the ordered indexes.
      teamAccountIds: sql<
        string[]
      >`array(select m.account_id from ${accountMembers} m where m.org_id = ${sessions.orgId} and m.user_id = ${sessions.userId})`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.orgId, sql.placeholder('orgId')),
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .prepare('okam_session_user');

  return {
    async findLogin(email: string) {
      const [row] = await db
        .select({
          orgId: users.orgId,
          id: users.id,
          passwordHash: users.passwordHash,
          active: users.active,
          role: users.role,
          lastLoginAt: users.lastLoginAt,
          // Whether the organisation still takes passwords (its SSO setting), in the same round trip.
          orgSettings: orgs.settings,
        })
        .from(loginIdentities)
        .innerJoin(users, and(eq(users.orgId, loginIdentities.orgId), eq(users.id, loginIdentities.userId)))
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(eq(loginIdentities.email, email));
      return row;
    },

    async passwordHash(orgId: string, userId: string) {
      const [row] = await db
        .select({ h: users.passwordHash })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
      return row?.h;
    },

    async setPassword(orgId: string, userId: string, passwordHash: string) {
      await db
        .update(users)
        .set({ passwordHash, updatedAt: new Date() })
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    },

    async countFailures(keys: string[], since: Date): Promise<Map<string, FailureCount>> {
      const rows = await db
        .select({
          key: loginFailures.key,
          n: sql<number>`count(*)::int`,
          oldest: sql<Date>`min(${loginFailures.at})`.mapWith(loginFailures.at),
        })
        .from(loginFailures)
        .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
        .groupBy(loginFailures.key);
      return new Map(rows.map((r) => [r.key, { n: r.n, oldest: r.oldest }]));
    },

    async addFailures(keys: string[]) {
      await db.insert(loginFailures).values(keys.map((key) => ({ key })));
    },

    async clearFailures(keys: string[]) {
      await db.delete(loginFailures).where(inArray(loginFailures.key, keys));
    },

    /** Failed sign-ins of a user after a moment (their last successful one): how many, the last, from where. */
    async failedLoginsSince(orgId: string, userId: string, since: Date | null) {
      const [row] = await db
        .select({
          count: sql<number>`(count(*) over ())::int`,
          lastAt: history.at,
          lastAddress: sql<string | null>`${history.changes}->0->>'new'`,
        })
        .from(history)
        .where(
          and(
            eq(history.orgId, orgId),
            eq(history.entityType, 'user'),
            eq(history.entityId, userId),
            eq(history.action, 'login_failed'),
            since ? gt(history.at, since) : undefined,
          ),
        )
        .orderBy(desc(history.at))
        .limit(1);
      return row;
    },

    async markLogin(orgId: string, userId: string, at: Date) {
      await db
        .update(users)
        .set({ lastLoginAt: at })
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    },

    async createSession(s: { orgId: string; id: string; userId: string; expiresAt: Date }) {
      await db.insert(sessions).values(s);
    },

    async deleteSession(orgId: string, id: string) {
      await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
    },

    async deleteOtherSessions(orgId: string, userId: string, keepId: string) {
      await db
        .delete(sessions)
        .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`));
    },

    async touchSession(orgId: string, id: string, expiresAt: Date) {
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(), expiresAt })
        .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
    },

    /** The signed-in user behind a session, if the session is live and the user active. */
    async sessionUser(orgId: string, id: string) {
      const [row] = await sessionUser.execute({ orgId, id, now: new Date() });
      return row;
    },

    async me(orgId: string, userId: string) {
      const [row] = await db
        .select({
          id: users.id,
          orgId: users.orgId,
          orgName: orgs.name,
          email: users.email,
          name: users.name,
          role: users.role,
          dataScope: users.dataScope,
          teamId: users.teamId,
          managerId: users.managerId,
          locale: users.locale,
          preferences: users.preferences,
        })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
      return row;
    },

    async setLocale(orgId: string, userId: string, locale: string) {
      await db
        .update(users)
        .set({ locale })
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    },

    async purgeExpired(now: Date, failuresBefore: Date) {
      await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now}`);
      await db.delete(loginFailures).where(sql`${loginFailures.at} < ${failuresBefore}`);
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;

/** A user's preferences, apart: used inside a transaction, without the session statement above. */
export function preferencesRepository(db: Db) {
  return {
    /** Locked until the transaction ends, so two saves in a row each see the other's keys. */
    async lock(orgId: string, userId: string): Promise<unknown> {
      const [row] = await db
        .select({ preferences: users.preferences })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
        .for('update');
      return row?.preferences;
    },

    async set(orgId: string, userId: string, preferences: UserPreferences) {
      await db
        .update(users)
        .set({ preferences })
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
    },
  };
}
