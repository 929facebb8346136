import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { loginIdentities, teams, users } from '../../db/schema.ts';

const manager = alias(users, 'manager');

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export function usersRepository(db: Db) {
  const selectUser = () =>
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        dataScope: users.dataScope,
        teamId: users.teamId,
        teamName: teams.name,
        managerId: users.managerId,
        managerName: manager.name,
        active: users.active,
        version: users.version,
        createdAt: users.createdAt,
        updatedAt: users.updatedAt,
      })
      .from(users)
      .leftJoin(teams, and(eq(teams.orgId, users.orgId), eq(teams.id, users.teamId)))
      .leftJoin(manager, and(eq(manager.orgId, users.orgId), eq(manager.id, users.managerId)));

  return {
    list: (orgId: string) => selectUser().where(eq(users.orgId, orgId)).orderBy(asc(users.name), asc(users.id)),

    async get(orgId: string, id: string) {
      const [row] = await selectUser().where(and(eq(users.orgId, orgId), eq(users.id, id)));
      return row;
    },

    async raw(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, id)));
      return row;
    },

    async emailTaken(email: string, exceptUserId?: string) {
      const [row] = await db
        .select({ userId: loginIdentities.userId })
        .from(loginIdentities)
        .where(eq(loginIdentities.email, email));
      return !!row && row.userId !== exceptUserId;
    },

    async insert(u: NewUser) {
      await db.insert(users).values(u);
      await db.insert(loginIdentities).values({ email: u.email, orgId: u.orgId, userId: u.id! });
    },

    /** Versioned update: returns false when the version moved on (409). */
    async update(orgId: string, id: string, version: number, patch: Partial<NewUser>) {
      const ok = await updateVersioned(db, users, orgId, id, version, patch);
      if (ok && patch.email) {
        await db
          .update(loginIdentities)
          .set({ email: patch.email })
          .where(and(eq(loginIdentities.orgId, orgId), eq(loginIdentities.userId, id)));
      }
      return ok;
    },

    async teamExists(orgId: string, teamId: string) {
      const [row] = await db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
      return !!row;
    },

    /** Managers above `userId`, to refuse a reporting line that loops. */
    async managerChain(orgId: string, userId: string): Promise<string[]> {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`
        with recursive up(id, depth) as (
          select manager_id, 1 from users where org_id = ${orgId} and id = ${userId}
          union all
          select u.manager_id, up.depth + 1 from users u join up on u.id = up.id
          where u.org_id = ${orgId} and up.depth < 100
        ) select id from up where id is not null`,
      );
      return rows.map((r) => r.id);
    },

    async deleteSessions(orgId: string, userId: string) {
      await db.execute(sql`delete from sessions where org_id = ${orgId} and user_id = ${userId}`);
    },

    async countAdmins(orgId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.active, true)));
      return row?.n ?? 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
