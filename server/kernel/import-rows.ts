// Writing imported rows one by one through an entity's own service (deals, calls: too many rules to
// copy into a bulk insert), each in a savepoint of the import's transaction: a row the service refuses
// is reported with the service's own reasons and leaves nothing behind.
import { sql } from 'drizzle-orm';
import { uuidArrayLiteral, type Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
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

/** The history a service wrote for these records in this import, marked with the import's id. */
export async function markImported(tx: Db, actor: Actor, entityType: string, ids: string[], importId: string) {
  if (!ids.length) return;
  await tx.execute(
    sql`update history set import_id = ${importId}
        where org_id = ${actor.orgId} and entity_type = ${entityType} and actor_id = ${actor.userId}
          and import_id is null and entity_id = any(${uuidArrayLiteral(ids)})`,
  );
}
