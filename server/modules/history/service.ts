// A record's change history as the API returns it (the latest 500 entries). The caller has checked
// that the record is the actor's to see; writing history is the kernel's (server/kernel/history.ts).
import type { Db } from '../../db/client.ts';
import { historyRepository, type HistoryRow } from './repository.ts';
import type { HistoryAction } from '../../kernel/history.ts';
import type { FieldChange } from '../../../core/diff.ts';

const presentHistory = (r: HistoryRow) => ({
  ...r,
  action: r.action as HistoryAction,
  at: r.at.toISOString(),
  changes: r.changes as FieldChange[],
});

export async function historyOf(db: Db, orgId: string, entityType: string, entityId: string) {
  return { items: (await historyRepository(db).list(orgId, entityType, entityId)).map(presentHistory) };
}
