// What a data scope means: the users whose records a caller sees. Resolved once per session (the
// auth service keeps the result with the session) into the literal list the visibility rules test.
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import type { DataScope } from '../../core/enums.ts';

/** The caller's scope as the Actor carries it: null for `all` (the whole organisation, no list to test). */
export async function resolveScope(
  db: Db,
  orgId: string,
  userId: string,
  scope: DataScope,
  teamId: string | null,
): Promise<string[] | null> {
  return scope === 'all' ? null : scopeUserIds(db, orgId, userId, scope, teamId);
}

/** Users whose records the caller may see under a data scope, the caller always included; a team scope without a team is the caller alone. */
export async function scopeUserIds(
  db: Db,
  orgId: string,
  userId: string,
  scope: Exclude<DataScope, 'all'>,
  teamId: string | null,
): Promise<string[]> {
  if (scope === 'own') return [userId];
  let rows: { id: string }[];
  if (scope === 'own_and_subordinates') {
    rows = await rowsOf<{ id: string }>(
      db,
      sql`
      with recursive sub(id) as (
        select ${userId}::uuid
        union
        select u.id from users u join sub on u.manager_id = sub.id where u.org_id = ${orgId}
      ) select id from sub`,
    );
  } else if (!teamId) {
    rows = [];
  } else if (scope === 'team') {
    rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.teamId, teamId)));
  } else {
    rows = await rowsOf<{ id: string }>(
      db,
      sql`
      with recursive t(id) as (
        select ${teamId}::uuid
        union
        select c.id from teams c join t on c.parent_id = t.id where c.org_id = ${orgId}
      ) select u.id from users u join t on u.team_id = t.id where u.org_id = ${orgId}`,
    );
  }
  const ids = new Set(rows.map((r) => r.id));
  ids.add(userId);
  return [...ids];
}
