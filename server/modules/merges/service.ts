// Merges 合并 (issue 22): two accounts (or two contacts) that are one customer made one. The record in
// the path survives (the target) and takes, field by field, the values the caller chose from the other
// (the source); the source's work moves to it by bulk UPDATEs, and the source stays archived with a
// pointer to it (merged_into_id), out of lists and 查重. The merge row keeps which rows moved and what
// the target held before, so an undo within 30 days moves exactly those rows back and puts the values
// back. Admins merge anything, managers records in their scope; all in one transaction, or nothing.
import type { Db } from '../../db/client.ts';
import { mergesRepository, type AccountRow, type ContactRow, type MergeEntity, type MergeRow } from './repository.ts';
import { historyWriter } from '../../kernel/history.ts';
import { accountNameKey, emailKeyOf, mobileKeyOf } from '../../db/duplicate-keys.ts';
import { searchColumns as accountSearch } from '../accounts/service.ts';
import { searchColumns as contactSearch } from '../contacts/service.ts';
import { rescoreAccounts } from '../scoring/service.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, seesWholeOrganisation, userInScope, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { FieldChange } from '../../../core/diff.ts';
import {
  ACCOUNT_MERGE_FIELDS,
  CONTACT_MERGE_FIELDS,
  MERGE_FIELD_COMPANIONS,
  MERGE_UNDO_DAYS,
  type AccountMergeInput,
  type ContactMergeInput,
  type Merge,
} from '../../../core/schemas/merges.ts';

type Values = Record<string, unknown>;
type Choices = Partial<Record<string, 'target' | 'source'>>;

const DAY_MS = 86_400_000;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The target's columns the chosen source values change: the patch and what the target held before.
 * A field's companions (the region code's province and city) go with it.
 */
function chosenValues(fields: readonly string[], choices: Choices, target: Values, source: Values) {
  const patch: Values = {};
  const before: Values = {};
  for (const f of fields) {
    if (choices[f] !== 'source') continue;
    const columns = [f, ...(MERGE_FIELD_COMPANIONS[f as keyof typeof MERGE_FIELD_COMPANIONS] ?? [])];
    if (columns.every((c) => same(target[c], source[c]))) continue;
    for (const c of columns) {
      patch[c] = source[c] ?? null;
      before[c] = target[c] ?? null;
    }
  }
  return { patch, before };
}

const changesOf = (before: Values, after: Values): FieldChange[] =>
  Object.keys(before).map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));

/** The derived columns (查重 keys, search document) of an account whose name, short name or code may have changed. */
function accountDerived(row: AccountRow, patch: Values): Values {
  if (!('name' in patch || 'shortName' in patch || 'creditCode' in patch)) return {};
  const next = { ...row, ...patch } as AccountRow;
  return { nameKey: accountNameKey(next.name), ...accountSearch(next) };
}

function contactDerived(row: ContactRow, patch: Values): Values {
  const next = { ...row, ...patch } as ContactRow;
  const out: Values = {};
  if ('mobile' in patch) out.mobileKey = mobileKeyOf(next.mobile);
  if ('email' in patch) out.emailKey = emailKeyOf(next.email);
  if ('name' in patch || 'phone' in patch || 'mobile' in patch) Object.assign(out, contactSearch(next));
  return out;
}

function present(m: MergeRow, moved: Record<string, string[]>): Merge {
  return {
    id: m.id,
    entity: m.entity as Merge['entity'],
    targetId: m.targetId,
    sourceId: m.sourceId,
    mergedAt: m.mergedAt.toISOString(),
    undoUntil: new Date(m.mergedAt.getTime() + MERGE_UNDO_DAYS * DAY_MS).toISOString(),
    undoneAt: m.undoneAt ? m.undoneAt.toISOString() : null,
    moved: Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length])),
  };
}

/** Both records, locked, in the caller's scope (404 otherwise), live as merges go, at the versions read. */
function checkPair<R extends { id: string; version: number; mergedIntoId: string | null }>(
  rows: R[],
  targetId: string,
  sourceId: string,
  version?: number,
  sourceVersion?: number,
) {
  const target = rows.find((r) => r.id === targetId);
  const source = rows.find((r) => r.id === sourceId);
  if (!target || !source) throw notFound();
  if (version !== undefined && target.version !== version) throw staleVersion();
  if (sourceVersion !== undefined && source.version !== sourceVersion) throw staleVersion();
  return { target, source };
}

/** Two column values alike as stored (dates by instant, arrays and JSON by content). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A user the survivor would take from the source (owner, counterpart) must be someone the caller may give it to. */
async function checkUser(
  r: ReturnType<typeof mergesRepository>,
  actor: Actor,
  path: string,
  userId: string | null | undefined,
) {
  if (!userId) return;
  if (!(await r.activeUser(actor.orgId, userId))) throw fieldError(path, 'inactive_user');
  if (!userInScope(actor, userId)) throw fieldError(path, 'unknown_user');
}

export function mergesService(db: Db) {
  /** The merge row written and both histories told (the target's with the values it took). */
  async function record(
    tx: Db,
    actor: Actor,
    entity: MergeEntity,
    ids: { target: string; source: string },
    moved: Record<string, string[]>,
    before: Values,
    after: Values,
    sourceArchivedAt: Date | null,
  ): Promise<Merge> {
    const row: MergeRow = {
      orgId: actor.orgId,
      id: newId(),
      entity,
      targetId: ids.target,
      sourceId: ids.source,
      mergedBy: actor.userId,
      mergedAt: new Date(),
      moved,
      targetBefore: before,
      sourceArchivedAt,
      undoneAt: null,
      undoneBy: null,
    };
    await mergesRepository(tx).insertMerge(row);
    const history = historyWriter(tx);
    await history.record(actor.orgId, entity, ids.target, 'merge', actor.userId, [
      { field: 'mergedFrom', old: null, new: ids.source },
      ...changesOf(before, after),
    ]);
    await history.record(actor.orgId, entity, ids.source, 'merge', actor.userId, [
      { field: 'mergedIntoId', old: null, new: ids.target },
    ]);
    return present(row, moved);
  }

  return {
    async mergeAccounts(actor: Actor, targetId: string, input: AccountMergeInput): Promise<Merge> {
      assertCan(actor, 'merge', 'account');
      if (input.sourceId === targetId) throw fieldError('sourceId', 'merge_same_record');
      return db.transaction(async (tx) => {
        const r = mergesRepository(tx);
        const rows = await r.lockAccounts(actor, [targetId, input.sourceId]);
        const { target, source } = checkPair(rows, targetId, input.sourceId);
        if (target.mergedIntoId || source.mergedIntoId) throw new AppError(409, 'merge_merged');
        checkPair(rows, targetId, input.sourceId, input.version, input.sourceVersion);

        const choices: Choices = input.fields ?? {};
        const { patch, before } = chosenValues(ACCOUNT_MERGE_FIELDS, choices, target, source);
        if ('ownerId' in patch) {
          // Without an owner the account would leave a scoped caller's view.
          if (patch.ownerId === null && !seesWholeOrganisation(actor)) throw fieldError('fields.ownerId', 'required');
          await checkUser(r, actor, 'fields.ownerId', source.ownerId);
        }
        if (patch.parentId && (await r.isAncestorOrSelf(actor.orgId, targetId, patch.parentId as string)))
          throw fieldError('fields.parentId', 'cycle');
        // A target that was the source's subsidiary takes the source's place under its parent.
        const parentAfter = 'parentId' in patch ? patch.parentId : target.parentId;
        if (parentAfter === source.id) {
          before.parentId = target.parentId;
          patch.parentId = source.parentId === targetId ? null : source.parentId;
        }

        const moved = await r.moveAll('account', actor.orgId, source.id, targetId);
        const now = new Date();
        await r.updateAccount(actor.orgId, source.id, { mergedIntoId: targetId, archivedAt: source.archivedAt ?? now });
        await r.updateAccount(actor.orgId, targetId, { ...patch, ...accountDerived(target, patch) });
        await rescoreAccounts(tx, actor.orgId, [targetId]);
        return record(
          tx,
          actor,
          'account',
          { target: targetId, source: source.id },
          moved,
          before,
          patch,
          source.archivedAt,
        );
      });
    },

    async mergeContacts(actor: Actor, targetId: string, input: ContactMergeInput): Promise<Merge> {
      assertCan(actor, 'merge', 'contact');
      if (input.sourceId === targetId) throw fieldError('sourceId', 'merge_same_record');
      return db.transaction(async (tx) => {
        const r = mergesRepository(tx);
        const rows = await r.lockContacts(actor, [targetId, input.sourceId]);
        const { target, source } = checkPair(rows, targetId, input.sourceId);
        if (target.mergedIntoId || source.mergedIntoId) throw new AppError(409, 'merge_merged');
        checkPair(rows, targetId, input.sourceId, input.version, input.sourceVersion);

        const { patch, before } = chosenValues(CONTACT_MERGE_FIELDS, input.fields ?? {}, target, source);
        if ('counterpartId' in patch) await checkUser(r, actor, 'fields.counterpartId', source.counterpartId);
        if (patch.reportsToId === targetId) throw fieldError('fields.reportsToId', 'cycle');
        // A target that reported to the source reports to whom the source did.
        const reportsAfter = 'reportsToId' in patch ? patch.reportsToId : target.reportsToId;
        if (reportsAfter === source.id) {
          before.reportsToId = target.reportsToId;
          patch.reportsToId = source.reportsToId === targetId ? null : source.reportsToId;
        }

        const moved = await r.moveAll('contact', actor.orgId, source.id, targetId);
        await r.updateContact(actor.orgId, source.id, {
          mergedIntoId: targetId,
          archivedAt: source.archivedAt ?? new Date(),
        });
        await r.updateContact(actor.orgId, targetId, { ...patch, ...contactDerived(target, patch) });
        return record(
          tx,
          actor,
          'contact',
          { target: targetId, source: source.id },
          moved,
          before,
          patch,
          source.archivedAt,
        );
      });
    },

    /**
     * Undoes a merge within 30 days: the rows it moved go back to the source (those deleted since stay
     * deleted), the target's overwritten values come back unless edited since, the source is live again as it was. Refused
     * (409) once undone, after 30 days, or when a moved row has been moved elsewhere since.
     */
    async undo(actor: Actor, id: string): Promise<Merge> {
      return db.transaction(async (tx) => {
        const r = mergesRepository(tx);
        const m = await r.lockMerge(actor.orgId, id);
        if (!m) throw notFound();
        const entity = m.entity as MergeEntity;
        assertCan(actor, 'merge', entity);
        const { target, source } =
          entity === 'account'
            ? checkPair(await r.lockAccounts(actor, [m.targetId, m.sourceId]), m.targetId, m.sourceId)
            : checkPair(await r.lockContacts(actor, [m.targetId, m.sourceId]), m.targetId, m.sourceId);
        if (m.undoneAt) throw new AppError(409, 'merge_undone');
        const now = new Date();
        if (now.getTime() - m.mergedAt.getTime() > MERGE_UNDO_DAYS * DAY_MS)
          throw new AppError(409, 'merge_undo_expired');
        if (source.mergedIntoId !== m.targetId) throw new AppError(409, 'merge_undo_conflict');
        if ((await r.movedAway(entity, actor.orgId, m.targetId, m.moved)) > 0)
          throw new AppError(409, 'merge_undo_conflict');

        await r.moveBack(entity, actor.orgId, m.sourceId, m.targetId, m.moved);
        // A value someone changed since the merge stays as they left it: only what still holds the value
        // the merge took from the source (unchanged on the source, which a merge archives) goes back.
        const restored = Object.fromEntries(
          Object.entries(m.targetBefore).filter(([k]) => sameValue((target as Values)[k], (source as Values)[k])),
        );
        const current: Values = Object.fromEntries(Object.keys(restored).map((k) => [k, (target as Values)[k]]));
        const back = { mergedIntoId: null, archivedAt: m.sourceArchivedAt };
        if (entity === 'account') {
          await r.updateAccount(actor.orgId, m.sourceId, back);
          await r.updateAccount(actor.orgId, m.targetId, {
            ...restored,
            ...accountDerived(target as AccountRow, restored),
          });
          await rescoreAccounts(tx, actor.orgId, [m.targetId, m.sourceId]);
        } else {
          await r.updateContact(actor.orgId, m.sourceId, back);
          await r.updateContact(actor.orgId, m.targetId, {
            ...restored,
            ...contactDerived(target as ContactRow, restored),
          });
        }
        await r.markUndone(actor.orgId, id, actor.userId, now);
        const history = historyWriter(tx);
        await history.record(actor.orgId, entity, m.targetId, 'unmerge', actor.userId, [
          { field: 'mergedFrom', old: m.sourceId, new: null },
          ...changesOf(current, restored),
        ]);
        await history.record(actor.orgId, entity, source.id, 'unmerge', actor.userId, [
          { field: 'mergedIntoId', old: m.targetId, new: null },
        ]);
        return present({ ...m, undoneAt: now }, m.moved);
      });
    },
  };
}
