import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { history, users } from '../../db/schema.ts';

export function historyRepository(db: Db) {
  return {
    list: (orgId: string, entityType: string, entityId: string) =>
      db
        .select({
          id: history.id,
          entityType: history.entityType,
          entityId: history.entityId,
          action: history.action,
          actorId: history.actorId,
          actorName: users.name,
          at: history.at,
          changes: history.changes,
        })
        .from(history)
        .leftJoin(users, and(eq(users.orgId, history.orgId), eq(users.id, history.actorId)))
        .where(and(eq(history.orgId, orgId), eq(history.entityType, entityType), eq(history.entityId, entityId)))
        .orderBy(desc(history.at), desc(history.id))
        .limit(500),
  };
}

export type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyRepository>['list']>>[number];
