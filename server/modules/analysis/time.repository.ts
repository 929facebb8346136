import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, activities, users } from '../../db/schema.ts';
import { activityVisible, type Actor } from '../../access/index.ts';
import type { TimeGroup } from '../../../core/enums.ts';

const minutes = sql<number>`sum(round(extract(epoch from (${activities.plannedEnd} - ${activities.plannedStart})) / 60))::bigint`;

export function timeRepository(db: Db) {
  return {
    /**
     * Planned minutes of done activities starting in [start, end), per group, in one GROUP BY: the
     * `limit` groups with the most, each row carrying every group's total and count (window sums).
     */
    spent(actor: Actor, groupBy: TimeGroup, start: Date, end: Date, limit: number) {
      const key: SQL<string> =
        groupBy === 'account'
          ? sql`${activities.accountId}::text`
          : groupBy === 'owner'
            ? sql`${activities.ownerId}::text`
            : sql`coalesce(${accounts.tier}, 'none')`;
      const label: SQL<string> =
        groupBy === 'account'
          ? sql`${accounts.name}`
          : groupBy === 'owner'
            ? sql`${users.name}`
            : sql`coalesce(${accounts.tier}, 'none')`;
      const base = db
        .select({
          key,
          label,
          minutes,
          totalMinutes: sql<string>`sum(${minutes}) over ()`,
          groups: sql<string>`count(*) over ()`,
        })
        .from(activities)
        .innerJoin(accounts, and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)))
        .$dynamic();
      const joined =
        groupBy === 'owner'
          ? base.innerJoin(users, and(eq(users.orgId, activities.orgId), eq(users.id, activities.ownerId)))
          : base;
      return joined
        .where(
          and(
            activityVisible(actor),
            eq(activities.status, 'done'),
            gte(activities.plannedStart, start),
            lt(activities.plannedStart, end),
          ),
        )
        .groupBy(key, label)
        .orderBy(desc(minutes), label)
        .limit(limit);
    },
  };
}
