// Writing imported rows one by one through an entity's own service (deals, calls: too many rules to
// copy into a bulk insert), each in a savepoint of the import's transaction: a row the service refuses
// is reported with the service's own reasons and leaves nothing behind.
import { sql } from 'drizzle-orm';
import { uuidArrayLiteral, type Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import { historyWriter } from './history.ts';
import { initialFields } from '../../core/diff.ts';
import type { Actor } from '../access/index.ts';
import type { ImportIssue, ImportOutcome } from './imports.ts';

/** Runs one row's write; a refusal (AppError) becomes the row's issues, anything else stops the import. */
export async function writeRow(
  tx: Db,
  row: number,
  outcome: 'created' | 'updated',
  write: (savepoint: Db) => Promise<string>,
): Promise<ImportOutcome> {
  try {
    const id = await tx.transaction(write);
    return { row, outcome, id };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const issues: ImportIssue[] = e.fields.length
      ? e.fields.map((f) => ({ field: f.path, code: f.code, params: f.params }))
      : [{ field: '(row)', code: e.code, params: e.params }];
    return { row, outcome: 'rejected', issues };
  }
}

/**
 * The history of records an import inserted in bulk (accounts, contacts): one 'create' entry each, by the
 * importer, with the import's id, listing the fields given — as the form's create records them.
 */
export function recordCreates(
  tx: Db,
  actor: Actor,
  entityType: string,
  created: { orgId: string; id: string; createdBy?: string | null; createdAt?: Date }[],
  ignored: readonly string[],
  importId: string,
) {
  return historyWriter(tx).recordMany(
    actor.orgId,
    entityType,
    'create',
    actor.userId,
    created.map(({ orgId: _o, id, createdBy: _c, createdAt: _ca, ...fields }) => ({
      entityId: id,
      changes: initialFields(fields, ignored),
    })),
    importId,
  );
}

/** The history a service wrote for these records in this import, marked with the import's id. */
export async function markImported(tx: Db, actor: Actor, entityType: string, ids: string[], importId: string) {
  if (!ids.length) return;
  await tx.execute(
    sql`update history set import_id = ${importId}
        where org_id = ${actor.orgId} and entity_type = ${entityType} and actor_id = ${actor.userId}
          and import_id is null and entity_id = any(${uuidArrayLiteral(ids)})`,
  );
}
