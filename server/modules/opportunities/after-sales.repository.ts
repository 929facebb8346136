// The SQL of a won deal's after-sales follow-ups (after-sales.ts): the deal, and its planned calls,
// which are rows of activities like any planned call (the activities' triggers keep their copies).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, opportunities } from '../../db/schema.ts';

export type NewCall = typeof activities.$inferInsert;

export function afterSalesRepository(db: Db) {
  return {
    async dealForAfterSales(orgId: string, id: string) {
      const [row] = await db
        .select({
          id: opportunities.id,
          name: opportunities.name,
          accountId: opportunities.accountId,
          ownerId: opportunities.ownerId,
          createdBy: opportunities.createdBy,
          closedAt: opportunities.closedAt,
        })
        .from(opportunities)
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)));
      return row;
    },

    async hasAutoScheduled(orgId: string, opportunityId: string) {
      const [row] = await db
        .select({ id: activities.id })
        .from(activities)
        .where(
          and(
            eq(activities.orgId, orgId),
            eq(activities.opportunityId, opportunityId),
            eq(activities.autoScheduled, true),
          ),
        )
        .limit(1);
      return !!row;
    },

    insertCalls: (rows: NewCall[]) => db.insert(activities).values(rows),
  };
}
