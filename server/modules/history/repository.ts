import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { history, users } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { FieldChange } from '../../../core/diff.ts';

export type HistoryAction = 'create' | 'update' | 'archive' | 'restore' | 'delete' | 'undelete' | 'purge';
/** Events on a user (entity 'user'), never in a record's history list: a wrong password, the address as the change. */
export type UserEvent = 'login_failed';

export function historyRepository(db: Db) {
  return {
    record: (orgId: string, entityType: string, entityId: string, action: HistoryAction | UserEvent, actorId: string | null, changes: FieldChange[] = []) =>
      db.insert(history).values({ orgId, id: newId(), entityType, entityId, action, actorId, changes }),

    /** One row per entity in one statement, for bulk edits (a re-tiering of a thousand accounts). */
    recordMany: (orgId: string, entityType: string, action: HistoryAction, actorId: string, entries: { entityId: string; changes: FieldChange[] }[]) =>
      entries.length ? db.insert(history).values(entries.map((e) => ({ orgId, id: newId(), entityType, entityId: e.entityId, action, actorId, changes: e.changes }))) : Promise.resolve(),

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

type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyRepository>['list']>>[number];

export const presentHistory = (r: HistoryRow) => ({
  ...r,
  action: r.action as HistoryAction,
  at: r.at.toISOString(),
  changes: r.changes as FieldChange[],
});
