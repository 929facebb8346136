// A spreadsheet import's batch of contacts (issue 22). The account column names an account in the
// importer's scope by credit code or normalised name; a contact is the same person when the account and
// the normalised name agree and, where both sides have them, the mobile or the e-mail does too — so a
// second sheet of the same people updates them instead of adding them again.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { historyWriter } from '../../kernel/history.ts';
import type { ImportBatchContext, ImportOutcome, ImportRow } from '../../kernel/imports.ts';
import { recordCreates } from '../../kernel/import-rows.ts';
import { newId } from '../../lib/ids.ts';
import { emailKey, personNameKey, phoneKey } from '../../../core/import/names.ts';
import { accountsByRef } from '../accounts/import.ts';
import { contactKeys } from '../../db/duplicate-keys.ts';
import { diffFields } from '../../../core/diff.ts';
import { contactsImportRepository } from './import-repository.ts';
import { searchColumns } from './service.ts';
import type { ContactRow, NewContact } from './repository.ts';

const HISTORY_IGNORED = ['version', 'searchGrams', 'searchText', 'updatedAt', 'mobileKey', 'emailKey'] as const;

/** Same person: same name, and no mobile or e-mail that both sides have and that differ. */
function samePerson(c: ContactRow, name: string, mobile: string | null, email: string | null): boolean {
  if (personNameKey(c.name) !== name) return false;
  const theirMobile = phoneKey(c.mobile);
  const theirEmail = emailKey(c.email);
  if (mobile && theirMobile && mobile === theirMobile) return true;
  if (email && theirEmail && email === theirEmail) return true;
  const comparable = (mobile && theirMobile) || (email && theirEmail);
  return !comparable;
}

export async function importContacts(
  tx: Db,
  actor: Actor,
  rows: ImportRow[],
  ctx: ImportBatchContext,
): Promise<ImportOutcome[]> {
  const repo = contactsImportRepository(tx);
  const byRef = await accountsByRef(
    tx,
    actor,
    rows.map((r) => r.refs.account ?? ''),
  );
  const accountIds = [...new Set([...byRef.values()].flatMap((v) => ('id' in v ? [v.id] : [])))];
  const existing = await repo.contactsOf(actor.orgId, accountIds);
  const outcomes: ImportOutcome[] = [];
  const creates: NewContact[] = [];
  const updates: { row: number; current: ContactRow; patch: Partial<NewContact> }[] = [];
  const now = new Date();
  for (const r of rows) {
    const account = byRef.get(r.refs.account ?? '');
    if (!account || 'issue' in account) {
      const code = account?.issue ?? 'import_unknown_account';
      outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'account', code }] });
      continue;
    }
    const accountId = account.id;
    const name = String(r.data.name).trim();
    const mobile = phoneKey(r.data.mobile as string | undefined);
    const email = emailKey(r.data.email as string | undefined);
    const personKey = `${accountId}:${personNameKey(name)}:${mobile ?? email ?? ''}`;
    const seenAt = ctx.seen.get(personKey);
    if (seenAt) {
      outcomes.push({
        row: r.row,
        outcome: 'rejected',
        issues: [{ field: 'name', code: 'import_repeated', params: { row: seenAt } }],
      });
      continue;
    }
    ctx.seen.set(personKey, r.row);
    const match = existing.find((c) => c.accountId === accountId && samePerson(c, personNameKey(name), mobile, email));
    if (match) {
      if (ctx.match === 'create') {
        outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'name', code: 'import_exists' }] });
      } else {
        // Matched by the name: the sheet's spelling (spaces, width) does not rename them.
        const { name: _n, ...patch } = r.data as Partial<NewContact>;
        updates.push({ row: r.row, current: match, patch });
      }
      continue;
    }
    if (ctx.match === 'update') {
      outcomes.push({ row: r.row, outcome: 'rejected', issues: [{ field: 'name', code: 'import_no_match' }] });
      continue;
    }
    const id = newId();
    const data = r.data as Partial<NewContact>;
    creates.push({
      ...data,
      name,
      accountId,
      orgId: actor.orgId,
      id,
      ...contactKeys({ mobile: data.mobile ?? null, email: data.email ?? null }),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      ...searchColumns({ name, phone: data.phone, mobile: data.mobile }),
    });
    outcomes.push({ row: r.row, outcome: 'created', id });
  }

  await repo.insertMany(creates);
  await recordCreates(tx, actor, 'contact', creates, HISTORY_IGNORED, ctx.importId);
  const changed: { entityId: string; changes: ReturnType<typeof diffFields> }[] = [];
  const writes: { id: string; version: number; patch: Partial<NewContact> }[] = [];
  for (const u of updates) {
    const patch = { ...u.patch };
    Object.assign(patch, contactKeys(patch));
    Object.assign(patch, searchColumns({ ...u.current, ...patch, name: patch.name ?? u.current.name }));
    const changes = diffFields(u.current, patch, HISTORY_IGNORED);
    if (changes.length) {
      writes.push({ id: u.current.id, version: u.current.version, patch: { ...patch, updatedAt: now } });
      changed.push({ entityId: u.current.id, changes });
    }
    outcomes.push({ row: u.row, outcome: 'updated', id: u.current.id });
  }
  // The contacts were read locked in this transaction, so every version still holds.
  await repo.updateMany(actor.orgId, writes);
  await historyWriter(tx).recordMany(actor.orgId, 'contact', 'update', actor.userId, changed, ctx.importId);
  return outcomes.sort((a, b) => a.row - b.row);
}
