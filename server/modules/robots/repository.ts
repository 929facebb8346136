// The robots' own reads: an account's tier (a slipped deal is posted for key accounts only) and a
// team's overdue follow-ups for the morning digest. The robots themselves are rows of the webhooks
// module's table, stored through its service.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, activities, tasks, users } from '../../db/schema.ts';

export function robotsRepository(db: Db) {
  return {
    async accountTier(orgId: string, accountId: string): Promise<string | null> {
      const [row] = await db
        .select({ tier: accounts.tier })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId)));
      return row?.tier ?? null;
    },

    /** Open tasks of these people due before `today`, the longest overdue first, and how many in all. */
    async overdueTasks(orgId: string, userIds: string[], today: string, limit: number) {
      const where = and(
        eq(tasks.orgId, orgId),
        inArray(tasks.assigneeId, userIds),
        eq(tasks.done, false),
        lt(tasks.dueDate, today),
      );
      const [items, [count]] = await Promise.all([
        db
          .select({
            id: tasks.id,
            title: tasks.title,
            dueDate: tasks.dueDate,
            accountId: tasks.accountId,
            accountName: accounts.name,
            assigneeName: users.name,
          })
          .from(tasks)
          .innerJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, tasks.assigneeId)))
          .leftJoin(accounts, and(eq(accounts.orgId, tasks.orgId), eq(accounts.id, tasks.accountId)))
          .where(where)
          .orderBy(asc(tasks.dueDate), asc(tasks.id))
          .limit(limit),
        db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where),
      ]);
      return { total: count?.n ?? 0, items };
    },

    /** Calls of these people still planned though their start is in [since, before): unlogged, oldest first. */
    async overdueCalls(orgId: string, userIds: string[], since: Date, before: Date, limit: number) {
      const where = and(
        eq(activities.orgId, orgId),
        inArray(activities.ownerId, userIds),
        eq(activities.status, 'planned'),
        gte(activities.plannedStart, since),
        lt(activities.plannedStart, before),
      );
      const [items, [count]] = await Promise.all([
        db
          .select({
            id: activities.id,
            subject: activities.subject,
            subjectKey: activities.subjectKey,
            subjectParams: activities.subjectParams,
            plannedStart: activities.plannedStart,
            accountName: accounts.name,
            ownerName: users.name,
          })
          .from(activities)
          .innerJoin(users, and(eq(users.orgId, activities.orgId), eq(users.id, activities.ownerId)))
          .innerJoin(accounts, and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)))
          .where(where)
          .orderBy(asc(activities.plannedStart), asc(activities.id))
          .limit(limit),
        db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
      ]);
      return { total: count?.n ?? 0, items };
    },
  };
}
