import { and, eq, inArray, sql } from 'drizzle-orm';
import { oneOf, rowsOf, type Db } from '../../db/client.ts';
import { activityMonthCounts, activityPlans, activityTypes } from '../../db/schema.ts';

export function plannerRepository(db: Db) {
  return {
    async saved(orgId: string, userIds: string[], years: number[]) {
      if (!userIds.length) return [];
      return db
        .select()
        .from(activityPlans)
        .where(
          and(
            eq(activityPlans.orgId, orgId),
            inArray(activityPlans.userId, userIds),
            inArray(activityPlans.year, years),
          ),
        );
    },

    save: (row: typeof activityPlans.$inferInsert) =>
      db
        .insert(activityPlans)
        .values(row)
        .onConflictDoUpdate({
          target: [activityPlans.orgId, activityPlans.userId, activityPlans.year],
          set: { plan: row.plan, createdBy: row.createdBy, updatedAt: new Date() },
        }),

    /**
     * Done activities per owner, month (the organisation's zone) and funnel stage over [fromMonth, toMonth), from
     * the trigger-kept monthly counts (migration 0014): each kind of call counts for the stage its
     * type belongs to, the others for none. Summed here and read raw: a whole organisation's year is
     * thousands of counts, and mapping them by type in the service took close to a third of the admin's
     * request (bench/RESULTS.md, eighth session).
     */
    async done(orgId: string, ownerIds: string[], fromMonth: string, toMonth: string) {
      if (!ownerIds.length) return [];
      const c = activityMonthCounts;
      const t = activityTypes;
      return rowsOf<{ ownerId: string; month: string; stageId: string; n: number }>(
        db,
        sql`select ${c.ownerId} as "ownerId", to_char(${c.month}, 'YYYY-MM') as "month", ${t.stageId} as "stageId", sum(${c.done})::int as "n"
              from ${c}
              join ${t} on ${t.orgId} = ${c.orgId} and ${t.key} = ${c.type} and ${t.stageId} is not null
             where ${c.orgId} = ${orgId} and ${oneOf(c.ownerId, ownerIds)} and ${c.month} >= ${fromMonth}::date and ${c.month} < ${toMonth}::date and ${c.done} <> 0
             group by 1, 2, 3`,
      );
    },
  };
}
