import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, activityPlans, activityTypes } from '../../db/schema.ts';

export function plannerRepository(db: Db) {
  return {
    async saved(orgId: string, userIds: string[], year: number) {
      if (!userIds.length) return [];
      return db
        .select()
        .from(activityPlans)
        .where(and(eq(activityPlans.orgId, orgId), inArray(activityPlans.userId, userIds), eq(activityPlans.year, year)));
    },

    save: (row: typeof activityPlans.$inferInsert) =>
      db
        .insert(activityPlans)
        .values(row)
        .onConflictDoUpdate({ target: [activityPlans.orgId, activityPlans.userId, activityPlans.year], set: { plan: row.plan, createdBy: row.createdBy, updatedAt: new Date() } }),

    /**
     * Done activities per owner, month (Asia/Shanghai) and funnel stage, through each activity
     * type's stage: one range of the (org, owner, planned start) index per person.
     */
    async done(orgId: string, ownerIds: string[], from: Date, to: Date) {
      if (!ownerIds.length) return [];
      // Shanghai is UTC+8 all year: the local month is the UTC instant shifted by eight hours.
      const month = sql<string>`to_char((${activities.plannedStart} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
      return db
        .select({ ownerId: activities.ownerId, month, stageId: sql<string>`${activityTypes.stageId}`, n: sql<number>`count(*)::int` })
        .from(activities)
        .innerJoin(activityTypes, and(eq(activityTypes.orgId, activities.orgId), eq(activityTypes.key, activities.type)))
        .where(
          and(
            eq(activities.orgId, orgId),
            inArray(activities.ownerId, ownerIds),
            gte(activities.plannedStart, from),
            lt(activities.plannedStart, to),
            eq(activities.status, 'done'),
            isNotNull(activityTypes.stageId),
          ),
        )
        .groupBy(activities.ownerId, month, activityTypes.stageId);
    },
  };
}
