import type { Db } from '../../db/client.ts';
import { accountsRepository, sortValue, type AccountRow, type NewAccount } from './repository.ts';
import { presentAccount, presentListItem } from './present.ts';
import { historyWriter } from '../../kernel/history.ts';
import { historyOf } from '../history/service.ts';
import { moveToBin } from '../../db/trash.ts';
import { accountHealthService } from '../account-health/service.ts';
import { rescoreAccounts } from '../scoring/service.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, seesWholeOrganisation, userInScope, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { isValidCreditCode } from '../../../core/credit-code.ts';
import { INDUSTRY_BY_CODE, INDUSTRY_SECTIONS } from '../../../core/industries.ts';
import { byProvinceRows, regionColumns, regionPrefix, type RegionIndex } from '../../../core/regions.ts';
import { regionIndex } from '../../kernel/regions.ts';
import { accountSearchDocument, searchQuery } from '../../../core/search.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import type { DuplicateMatches, ListSummary, PageOf } from '../../../core/schemas/common.ts';
import type { MessageCode } from '../../../core/messages.ts';
import { accountNameKey, lockMatchingKeys } from '../../db/duplicate-keys.ts';
import { duplicateError, presentMatch } from '../../kernel/duplicates.ts';
import { findAccountDuplicates } from './duplicates.repository.ts';
import type {
  AccountCreate,
  AccountDuplicatesQuery,
  AccountListItem,
  AccountDetail,
  AccountListQuery,
  AccountMembersPut,
  AccountUpdate,
  AccountsByProvince,
} from '../../../core/schemas/accounts.ts';

const HISTORY_IGNORED = ['version', 'searchGrams', 'searchText', 'updatedAt', 'reviewedAt'] as const;

export function accountsService(db: Db) {
  const repo = accountsRepository(db);
  const accountHealth = accountHealthService(db);

  /** Checks the references and codes of a write; returns the normalised fields. */
  async function checkWrite(
    r: ReturnType<typeof accountsRepository>,
    actor: Actor,
    input: Partial<AccountCreate>,
    selfId?: string,
  ) {
    const out: Partial<NewAccount> = {};
    if (input.regionCode) {
      // The code is the truth; the text columns carry its names for search, exports and older readers.
      const columns = regionColumns(await regionIndex(), input.regionCode);
      if (!columns) throw fieldError('regionCode', 'unknown_region');
      Object.assign(out, columns);
    }
    if (input.industryCode) {
      const entry = INDUSTRY_BY_CODE.get(input.industryCode);
      if (!entry) throw fieldError('industryCode', 'unknown_industry');
      out.industry = entry.zh;
    }
    if (input.creditCode) {
      const code = input.creditCode.trim().toUpperCase();
      if (!isValidCreditCode(code)) throw fieldError('creditCode', 'invalid_credit_code');
      // Another account's credit code is refused by the duplicate check (409 duplicate_account).
      out.creditCode = code;
    }
    if (input.parentId) {
      if (!(await r.get(actor, input.parentId))) throw fieldError('parentId', 'unknown_account');
      if (selfId && (input.parentId === selfId || (await r.ancestors(actor.orgId, input.parentId)).includes(selfId))) {
        throw fieldError('parentId', 'cycle');
      }
    }
    // Without an owner the account would vanish from a scoped caller's view as well.
    if (input.ownerId === null && !seesWholeOrganisation(actor)) throw fieldError('ownerId', 'required');
    if (input.ownerId) {
      if (!(await r.activeUserIds(actor.orgId, [input.ownerId])).has(input.ownerId))
        throw fieldError('ownerId', 'unknown_user');
      // Hand an account only to someone inside your own scope, or it would vanish from your view.
      if (!userInScope(actor, input.ownerId)) throw fieldError('ownerId', 'unknown_user');
    }
    return out;
  }

  async function detail(actor: Actor, id: string): Promise<AccountDetail> {
    const row = await repo.get(actor, id);
    if (!row) throw notFound();
    const regions = await regionIndex();
    const [members, subsidiaries, contactCount, health] = await Promise.all([
      repo.members(actor.orgId, id),
      repo.subsidiaries(actor, id),
      repo.contactCount(actor.orgId, id),
      accountHealth.scores(actor.orgId, [id]),
    ]);
    return {
      ...presentAccount(row, regions),
      members: members.map((m) => ({ ...m, role: m.role as AccountDetail['members'][number]['role'] })),
      subsidiaries,
      contactCount,
      health: health.get(id) ?? null,
    };
  }

  /** Versioned lifecycle change (archive/restore) with its history entry. */
  async function setArchived(actor: Actor, id: string, version: number, archived: boolean) {
    assertCan(actor, 'update', 'account');
    await db.transaction(async (tx) => {
      const r = accountsRepository(tx);
      const current = await r.lockForWrite(actor, id);
      if (!current) throw notFound();
      if (current.version !== version) throw staleVersion();
      // A merged account comes back only by undoing its merge (merges/), which moves its work back too.
      if (!archived && current.mergedIntoId) throw new AppError(409, 'merge_merged');
      await writeArchived(tx, actor, current, archived);
    });
    return detail(actor, id);
  }

  return {
    detail,

    async list(actor: Actor, query: AccountListQuery): Promise<PageOf<AccountListItem>> {
      const now = new Date();
      const regions = await regionIndex();
      const codes = codeFilters(regions, query);
      // Health comes with the page's rows, in the same statement, unless not wanted (pickers).
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { query, ...args }, query.health !== false, codes),
        (r) => [sortValue(query, r), r.id],
      );
      return { items: rows.map((r) => presentListItem(r, now, regions)), nextCursor };
    },

    /** The list's totals for the same filter: every match in scope, not the page. */
    async summary(actor: Actor, query: AccountListQuery): Promise<ListSummary> {
      const codes = codeFilters(await regionIndex(), query);
      return repo.summary(actor, query, query.q ? searchQuery(query.q) : null, codes);
    },

    /** 按省份: live accounts in the caller's scope by province, those without a region code last. */
    async byProvince(actor: Actor): Promise<AccountsByProvince> {
      const [regions, rows] = await Promise.all([regionIndex(), repo.byProvince(actor)]);
      return { items: byProvinceRows(regions, rows, actor.lang) };
    },

    /** 查重 while a form is typed: what a write with this name or credit code would run into. */
    async duplicates(actor: Actor, query: AccountDuplicatesQuery): Promise<DuplicateMatches> {
      const found = await findAccountDuplicates(db, actor, {
        nameKey: query.name ? accountNameKey(query.name) : undefined,
        creditCode: query.creditCode?.trim().toUpperCase() || undefined,
        excludeId: query.excludeId,
      });
      return { matches: found.map((m) => presentMatch(actor, m)) };
    },

    async create(actor: Actor, body: AccountCreate): Promise<AccountDetail> {
      assertCan(actor, 'create', 'account');
      const { allowDuplicateName, ...input } = body;
      const id = newId();
      await db.transaction(async (tx) => {
        const r = accountsRepository(tx);
        const checked = await checkWrite(r, actor, input);
        await assertNoDuplicate(tx, actor, { name: input.name, creditCode: checked.creditCode }, allowDuplicateName);
        const now = new Date();
        const row: NewAccount = {
          ...input,
          ...checked,
          name: input.name.trim(),
          ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
          orgId: actor.orgId,
          id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          ...searchColumns({ name: input.name.trim(), shortName: input.shortName, creditCode: checked.creditCode }),
        };
        await r.insert(row);
        await rescoreAccounts(tx, actor.orgId, [id]);
        const { orgId: _o, id: _i, createdBy: _c, createdAt: _ca, ...fields } = row;
        await historyWriter(tx).record(
          actor.orgId,
          'account',
          id,
          'create',
          actor.userId,
          initialFields(fields, HISTORY_IGNORED),
        );
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, input: AccountUpdate): Promise<AccountDetail> {
      assertCan(actor, 'update', 'account');
      await db.transaction(async (tx) => {
        const r = accountsRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const { version, allowDuplicateName, ...fields } = input;
        const checked = await checkWrite(r, actor, fields, id);
        // Only what changes is checked: an account keeps a name it already shared before the check.
        const renamed = fields.name !== undefined && accountNameKey(fields.name) !== current.nameKey;
        const recoded = checked.creditCode !== undefined && checked.creditCode !== current.creditCode;
        if (renamed || recoded) {
          await assertNoDuplicate(
            tx,
            actor,
            {
              name: renamed ? fields.name : undefined,
              creditCode: recoded ? checked.creditCode : undefined,
              excludeId: id,
            },
            allowDuplicateName,
          );
        }
        const patch: Partial<NewAccount> = { ...fields, ...checked };
        if (fields.name !== undefined) patch.name = fields.name.trim();
        if (fields.name !== undefined || fields.shortName !== undefined || fields.creditCode !== undefined) {
          Object.assign(patch, searchColumns({ ...current, ...patch }));
        }
        const changes = diffFields(current, patch, HISTORY_IGNORED);
        if (!changes.length) return;
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
        await rescoreAccounts(tx, actor.orgId, [id]);
        await historyWriter(tx).record(actor.orgId, 'account', id, 'update', actor.userId, changes);
      });
      return detail(actor, id);
    },

    archive: (actor: Actor, id: string, version: number) => setArchived(actor, id, version, true),
    restore: (actor: Actor, id: string, version: number) => setArchived(actor, id, version, false),

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'account');
      await db.transaction(async (tx) => {
        const r = accountsRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if ((await r.childCount(actor.orgId, id)) > 0) throw new AppError(409, 'account_has_children');
        if ((await r.dealCount(actor.orgId, id)) > 0) throw new AppError(409, 'account_has_deals');
        await moveToBin(tx, actor.orgId, actor.userId, 'account', id, {
          name: current.name,
          accountId: id,
          ownerId: current.ownerId,
        });
        await historyWriter(tx).record(actor.orgId, 'account', id, 'delete', actor.userId, [
          { field: 'name', old: current.name, new: null },
        ]);
      });
    },

    async setMembers(actor: Actor, id: string, input: AccountMembersPut): Promise<AccountDetail> {
      assertCan(actor, 'update', 'account');
      await db.transaction(async (tx) => {
        const r = accountsRepository(tx);
        if (!(await r.lockForWrite(actor, id))) throw notFound();
        const ids = input.members.map((m) => m.userId);
        const known = await r.activeUserIds(actor.orgId, ids);
        const bad = ids.findIndex((u) => !known.has(u));
        if (bad >= 0) throw fieldError(`members.${bad}.userId`, 'unknown_user');
        const unique = [...new Map(input.members.map((m) => [m.userId, m])).values()];
        const before = (await r.members(actor.orgId, id)).map((m) => `${m.name}:${m.role}`).sort();
        await r.replaceMembers(actor.orgId, id, unique);
        const after = (await r.members(actor.orgId, id)).map((m) => `${m.name}:${m.role}`).sort();
        await historyWriter(tx).record(
          actor.orgId,
          'account',
          id,
          'update',
          actor.userId,
          diffFields({ members: before }, { members: after }),
        );
      });
      return detail(actor, id);
    },

    async history(actor: Actor, id: string) {
      if (!(await repo.get(actor, id))) throw notFound();
      return historyOf(db, actor.orgId, 'account', id);
    },
  };
}

/**
 * Archives or restores an account the caller has locked, in the caller's transaction, with its history
 * entry; `extra` rides in the same versioned update (the prospect review records its decision so).
 */
export async function writeArchived(
  tx: Db,
  actor: Actor,
  current: AccountRow,
  archived: boolean,
  extra: Partial<NewAccount> = {},
) {
  await accountsRepository(tx).update(actor.orgId, current.id, current.version, {
    ...extra,
    archivedAt: archived ? new Date() : null,
  });
  await historyWriter(tx).record(
    actor.orgId,
    'account',
    current.id,
    archived ? 'archive' : 'restore',
    actor.userId,
    diffFields(current, extra, HISTORY_IGNORED),
  );
}

// ---- For other modules: what they read and write of accounts (never through the repository) ----

/** The account with its owner's and parent's names, if the caller may see it. */
export const visibleAccount = (db: Db, actor: Actor, id: string) => accountsRepository(db).get(actor, id);

/** Which of these users are active in the organisation (owners, attendees and assignees must be). */
export const activeUserIds = (db: Db, orgId: string, ids: string[]) => accountsRepository(db).activeUserIds(orgId, ids);

/** Row lock for a write in the caller's transaction: the account as stored, if the caller may see it. */
export const lockAccount = (tx: Db, actor: Actor, id: string) => accountsRepository(tx).lockForWrite(actor, id);

/** A versioned update of an account the caller has locked; false when its version moved on. */
export const updateAccount = (tx: Db, orgId: string, id: string, version: number, patch: Partial<NewAccount>) =>
  accountsRepository(tx).update(orgId, id, version, patch);

/** Empties the account team; returns who was on it ("name:role", sorted) for the history entry. */
export async function clearAccountTeam(tx: Db, orgId: string, id: string): Promise<string[]> {
  const r = accountsRepository(tx);
  const members = (await r.members(orgId, id)).map((m) => `${m.name}:${m.role}`).sort();
  if (members.length) await r.replaceMembers(orgId, id, []);
  return members;
}

/**
 * 查重 before an account write: another account with the credit code refuses it (409, whatever the
 * flag); one with the same normalised name refuses it unless the caller confirmed (allowDuplicateName).
 * Archived accounts count; deleted ones (in the recycle bin) do not. The 409 names the matches as the
 * caller may see them: outside their scope only whose the account is.
 */
async function assertNoDuplicate(
  tx: Db,
  actor: Actor,
  probe: { name?: string; creditCode?: string | null; excludeId?: string },
  allowName: boolean | undefined,
): Promise<void> {
  const nameKey = probe.name === undefined ? undefined : accountNameKey(probe.name);
  const prefix = `account:${actor.orgId}:`;
  await lockMatchingKeys(tx, [
    ...(probe.creditCode ? [`${prefix}code:${probe.creditCode}`] : []),
    ...(nameKey ? [`${prefix}name:${nameKey}`] : []),
  ]);
  const found = await findAccountDuplicates(tx, actor, {
    nameKey,
    creditCode: probe.creditCode ?? undefined,
    excludeId: probe.excludeId,
  });
  const byCode = found.some((f) => f.field === 'creditCode');
  if (!byCode && (allowName || !found.length)) return;
  const fields: { path: string; code: MessageCode }[] = byCode
    ? [{ path: 'creditCode', code: 'credit_code_taken' }]
    : [{ path: 'name', code: 'name_taken' }];
  throw duplicateError(
    'duplicate_account',
    fields,
    found.map((f) => presentMatch(actor, f)),
  );
}

/** A restored account must not bring back a credit code another account has taken since. */
export async function assertCreditCodeFree(tx: Db, orgId: string, code: string | null): Promise<void> {
  if (code && (await accountsRepository(tx).creditCodeOwner(orgId, code))) throw new AppError(409, 'restore_conflict');
}

/** The list's region and industry filters as the repository applies them; an unknown code is a 400. */
function codeFilters(regions: RegionIndex, query: AccountListQuery) {
  const out: { regionPrefix?: string; industryCodes?: string[] } = {};
  if (query.region) {
    const prefix = regionPrefix(regions, query.region);
    if (!prefix) throw fieldError('region', 'unknown_region');
    out.regionPrefix = prefix;
  }
  if (query.industryCode) {
    const section = INDUSTRY_SECTIONS.find((s) => s.code === query.industryCode);
    if (section) out.industryCodes = [section.code, ...section.divisions.map((d) => d.code)];
    else if (INDUSTRY_BY_CODE.has(query.industryCode)) out.industryCodes = [query.industryCode];
    else throw fieldError('industryCode', 'unknown_industry');
  }
  return out;
}

export function searchColumns(a: { name: string; shortName?: string | null; creditCode?: string | null }) {
  const doc = accountSearchDocument(a);
  return { searchGrams: doc.grams, searchText: doc.text };
}
