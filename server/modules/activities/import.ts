// A spreadsheet import's batch of calls (issue 22): a visit log kept in Excel. The kind of call is named
// as the organisation names it (zh or en, or its key); a row with an outcome whose time has passed is a
// logged call, the rest are planned. A row is the same call as one already kept when the account, the
// kind, the start and the subject agree, so importing the same log twice updates instead of doubling it.
// Each row goes through the calls service in a savepoint of the import's transaction.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import type { ImportBatchContext, ImportOutcome, ImportRow } from '../../kernel/imports.ts';
import { markImported, writeRow } from '../../kernel/import-rows.ts';
import { personNameKey } from '../../../core/import/names.ts';
import type { ActivityCreate, ActivityUpdate } from '../../../core/schemas/activities.ts';
import { accountsByRef } from '../accounts/import.ts';
import { activitiesImportRepository } from './import-repository.ts';
import { activitiesService } from './service.ts';

const HOUR_MS = 3_600_000;
const typeKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_·]/g, '');

export async function importActivities(
  tx: Db,
  actor: Actor,
  rows: ImportRow[],
  ctx: ImportBatchContext,
): Promise<ImportOutcome[]> {
  const repo = activitiesImportRepository(tx);
  const byRef = await accountsByRef(
    tx,
    actor,
    rows.map((r) => r.refs.account ?? ''),
  );
  const accountIds = [...new Set([...byRef.values()].flatMap((v) => ('id' in v ? [v.id] : [])))];
  // One after the other: a transaction's one connection takes one query at a time.
  const types = await repo.types(actor.orgId);
  const existing = await repo.onAccounts(actor, accountIds);
  const typeOf = new Map<string, string>();
  for (const t of types) for (const n of [t.key, t.name, t.nameEn]) if (n) typeOf.set(typeKey(n), t.key);
  const now = Date.now();
  const outcomes: ImportOutcome[] = [];
  for (const r of rows) {
    const account = byRef.get(r.refs.account ?? '');
    if (!account || 'issue' in account) {
      outcomes.push({
        row: r.row,
        outcome: 'rejected',
        issues: [{ field: 'account', code: account?.issue ?? 'import_unknown_account' }],
      });
      continue;
    }
    const type = typeOf.get(typeKey(r.refs.type ?? ''));
    if (!type) {
      outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'type', code: 'import_enum' }] });
      continue;
    }
    const start = String(r.data.plannedStart);
    const startMs = Date.parse(start);
    const subject = String(r.data.subject).trim();
    const key = `${account.id}:${type}:${startMs}:${personNameKey(subject)}`;
    const seenAt = ctx.seen.get(key);
    if (seenAt) {
      outcomes.push({
        row: r.row,
        outcome: 'rejected',
        issues: [{ field: 'subject', code: 'import_repeated', params: { row: seenAt } }],
      });
      continue;
    }
    ctx.seen.set(key, r.row);
    const fields: Record<string, unknown> = {
      ...r.data,
      subject,
      plannedEnd: r.data.plannedEnd ?? new Date(startMs + HOUR_MS).toISOString(),
    };
    if (r.data.outcome && startMs <= now) fields.status = 'done';
    const match = existing.find(
      (a) =>
        a.accountId === account.id &&
        a.type === type &&
        a.plannedStart.getTime() === startMs &&
        personNameKey(a.subject) === personNameKey(subject),
    );
    if (match) {
      if (ctx.match === 'create') {
        outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'subject', code: 'import_exists' }] });
        continue;
      }
      if (!ctx.ownerOnUpdate) delete fields.ownerId;
      outcomes.push(
        await writeRow(tx, r.row, 'updated', async (sp) => {
          const a = await activitiesService(sp).update(actor, match.id, {
            ...fields,
            version: match.version,
          } as ActivityUpdate);
          return a.id;
        }),
      );
      continue;
    }
    if (ctx.match === 'update') {
      outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'subject', code: 'import_no_match' }] });
      continue;
    }
    outcomes.push(
      await writeRow(tx, r.row, 'created', async (sp) => {
        const a = await activitiesService(sp).create(actor, {
          ...fields,
          type,
          accountId: account.id,
        } as ActivityCreate);
        return a.id;
      }),
    );
  }
  await markImported(
    tx,
    actor,
    'activity',
    outcomes.flatMap((o) => (o.outcome === 'rejected' ? [] : [o.id])),
    ctx.importId,
  );
  return outcomes;
}
