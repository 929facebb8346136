// Writing the change history every module keeps (who changed what, when), in the caller's
// transaction. Reading a record's history is the history module's (server/modules/history).
import type { Db } from '../db/client.ts';
import { history } from '../db/schema.ts';
import { insertRows } from '../db/bulk.ts';
import { newId } from '../lib/ids.ts';
import type { FieldChange } from '../../core/diff.ts';

export type HistoryAction =
  | 'create'
  | 'update'
  | 'archive'
  | 'restore'
  | 'delete'
  | 'undelete'
  | 'purge'
  /** A list taken out as a file (entity 'export', one id per download): the list, format, rows and filter. */
  | 'export'
  /** A spreadsheet import finished (entity 'import', the job's id): the entity, file, status and counts. */
  | 'import'
  | 'merge'
  | 'unmerge';
/**
 * Events for the audit log, never in a record's history list: on a user (entity 'user') a sign-in or a
 * wrong password, the address as the change; on a token (entity 'token') its use, at most once a minute.
 */
export type UserEvent = 'login_failed' | 'login' | 'token_used';

export function historyWriter(db: Db) {
  return {
    record: (
      orgId: string,
      entityType: string,
      entityId: string,
      action: HistoryAction | UserEvent,
      actorId: string | null,
      changes: FieldChange[] = [],
    ) => db.insert(history).values({ orgId, id: newId(), entityType, entityId, action, actorId, changes }),

    /** One row per entity in one statement, for bulk edits (a re-tiering of a thousand accounts). */
    recordMany: (
      orgId: string,
      entityType: string,
      action: HistoryAction,
      actorId: string,
      entries: { entityId: string; changes: FieldChange[] }[],
      /** The spreadsheet import that made these changes (issue 22), shown with them in the history. */
      importId: string | null = null,
    ) =>
      insertRows(
        db,
        history,
        entries.map((e) => ({
          orgId,
          id: newId(),
          entityType,
          entityId: e.entityId,
          action,
          actorId,
          changes: e.changes,
          importId,
        })),
      ),
  };
}
