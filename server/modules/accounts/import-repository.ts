// The SQL of a spreadsheet import's accounts (server/modules/accounts/import.ts): one read of the
// candidates a batch could match, a bulk insert, and bulk versioned updates of the matched.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, users } from '../../db/schema.ts';
import { insertRows, updateVersionedRows } from '../../db/bulk.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import type { AccountRow, NewAccount } from './repository.ts';

export interface AccountCandidate {
  id: string;
  creditCode: string | null;
  nameKey: string | null;
  ownerName: string | null;
  /** Inside the importer's data scope: a match outside it is reported by its owner's name only. */
  visible: boolean;
}

/** Accounts holding one of these credit codes or name keys; none when both lists are empty. */
function byCodeOrKey(codes: string[], keys: string[]) {
  const match = [];
  if (codes.length) match.push(inArray(accounts.creditCode, codes));
  if (keys.length) match.push(inArray(accounts.nameKey, keys));
  return match.length ? or(...match) : null;
}

export function accountsImportRepository(db: Db) {
  return {
    /** Accounts of the organisation (in scope or not) holding one of these credit codes or name keys. */
    candidates: (actor: Actor, codes: string[], keys: string[]): Promise<AccountCandidate[]> => {
      const match = byCodeOrKey(codes, keys);
      if (!match) return Promise.resolve([]);
      return db
        .select({
          id: accounts.id,
          creditCode: accounts.creditCode,
          nameKey: accounts.nameKey,
          ownerName: users.name,
          visible: sql<boolean>`coalesce(${accountVisible(actor)}, false)`,
        })
        .from(accounts)
        .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
        .where(and(eq(accounts.orgId, actor.orgId), match));
    },

    /** Live accounts in the importer's scope with one of these credit codes or name keys (a row's account column). */
    visibleByRef: (actor: Actor, codes: string[], keys: string[]) => {
      const match = byCodeOrKey(codes, keys);
      if (!match) return Promise.resolve([]);
      return db
        .select({ id: accounts.id, creditCode: accounts.creditCode, nameKey: accounts.nameKey })
        .from(accounts)
        .where(and(accountVisible(actor), match));
    },

    insertMany: (rows: NewAccount[]) => insertRows(db, accounts, rows),

    /** The matched accounts as stored, locked for this import's transaction. */
    lock: (orgId: string, ids: string[]): Promise<AccountRow[]> =>
      ids.length
        ? db
            .select()
            .from(accounts)
            .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, ids)))
            .for('update')
        : Promise.resolve([]),

    /** Answers the ids updated (a row whose version moved meanwhile is not). */
    updateMany: (orgId: string, updates: { id: string; version: number; patch: Partial<NewAccount> }[]) =>
      updateVersionedRows(db, accounts, orgId, updates),
  };
}
