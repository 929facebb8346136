import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { teams, users } from '../../db/schema.ts';

export function teamsRepository(db: Db) {
  // Qualified by hand: in a single-table select Drizzle renders ${teams.id} as a bare "id", which
  // inside this subquery would mean u.id.
  const memberCount = sql<number>`(select count(*)::int from ${users} u where u.org_id = "teams"."org_id" and u.team_id = "teams"."id")`;
  const selectTeam = () =>
    db
      .select({
        id: teams.id,
        name: teams.name,
        parentId: teams.parentId,
        memberCount,
        version: teams.version,
        createdAt: teams.createdAt,
        updatedAt: teams.updatedAt,
      })
      .from(teams);

  return {
    list: (orgId: string) => selectTeam().where(eq(teams.orgId, orgId)).orderBy(asc(teams.name), asc(teams.id)),

    async get(orgId: string, id: string) {
      const [row] = await selectTeam().where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
      return row;
    },

    insert: (row: typeof teams.$inferInsert) => db.insert(teams).values(row),

    update: (orgId: string, id: string, version: number, patch: { name?: string; parentId?: string | null }) =>
      updateVersioned(db, teams, orgId, id, version, patch),

    async remove(orgId: string, id: string) {
      await db.delete(teams).where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
    },

    async hasChildrenOrMembers(orgId: string, id: string) {
      const rows = await rowsOf<{ n: number }>(
        db,
        sql`
        select (select count(*) from teams where org_id = ${orgId} and parent_id = ${id})
             + (select count(*) from users where org_id = ${orgId} and team_id = ${id}) as n`,
      );
      return Number(rows[0]?.n ?? 0) > 0;
    },

    /** Members of a team and of every team below it; null when there is no such team. */
    async teamMembers(orgId: string, teamId: string): Promise<string[] | null> {
      const rows = await rowsOf<{ team: string; user_id: string | null }>(
        db,
        sql`with recursive t(id) as (
              select id from teams where org_id = ${orgId} and id = ${teamId}
              union
              select c.id from teams c join t on c.parent_id = t.id where c.org_id = ${orgId}
            ) select t.id as team, u.id as user_id from t left join users u on u.org_id = ${orgId} and u.team_id = t.id`,
      );
      if (!rows.length) return null;
      return rows.map((r) => r.user_id).filter((u): u is string => !!u);
    },

    /** The team and every team below it (to refuse moving a team under its own subtree). */
    async subtree(orgId: string, id: string): Promise<string[]> {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`
        with recursive t(id) as (
          select ${id}::uuid
          union
          select c.id from teams c join t on c.parent_id = t.id where c.org_id = ${orgId}
        ) select id from t`,
      );
      return rows.map((r) => r.id);
    },
  };
}
