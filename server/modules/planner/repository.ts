import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activityMonthCounts, activityPlans } from '../../db/schema.ts';

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
     * Done activities per owner, month (Asia/Shanghai) and type over [fromMonth, toMonth), from the
     * trigger-kept monthly counts (migration 0014): a few rows per person, not a year of calls.
     */
    async done(orgId: string, ownerIds: string[], fromMonth: string, toMonth: string) {
      if (!ownerIds.length) return [];
      const c = activityMonthCounts;
      return db
        .select({ ownerId: c.ownerId, month: sql<string>`to_char(${c.month}, 'YYYY-MM')`, type: c.type, n: c.done })
        .from(c)
        .where(and(eq(c.orgId, orgId), inArray(c.ownerId, ownerIds), gte(c.month, fromMonth), lt(c.month, toMonth), ne(c.done, 0)));
    },
  };
}
