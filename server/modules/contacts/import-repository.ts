// The SQL of a spreadsheet import's contacts (server/modules/contacts/import.ts): the accounts a batch
// names (in the importer's scope), those accounts' contacts to match against, a multi-row insert and
// versioned updates.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, contacts } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import type { ContactRow, NewContact } from './repository.ts';

export function contactsImportRepository(db: Db) {
  return {
    /** Live accounts in the importer's scope with one of these credit codes or name keys. */
    accounts: (actor: Actor, codes: string[], keys: string[]) => {
      const match = [];
      if (codes.length) match.push(inArray(accounts.creditCode, codes));
      if (keys.length) match.push(inArray(accounts.nameKey, keys));
      if (!match.length) return Promise.resolve([]);
      return db
        .select({ id: accounts.id, creditCode: accounts.creditCode, nameKey: accounts.nameKey })
        .from(accounts)
        .where(and(accountVisible(actor), or(...match)));
    },

    /** The contacts of these accounts, locked: a matched one is updated in this transaction. */
    contactsOf: (orgId: string, accountIds: string[]): Promise<ContactRow[]> =>
      accountIds.length
        ? db
            .select()
            .from(contacts)
            .where(and(eq(contacts.orgId, orgId), inArray(contacts.accountId, accountIds)))
            .for('update')
        : Promise.resolve([]),

    insertMany: (rows: NewContact[]) => (rows.length ? db.insert(contacts).values(rows) : Promise.resolve()),

    update: (orgId: string, id: string, version: number, patch: Partial<NewContact>) =>
      updateVersioned(db, contacts, orgId, id, version, patch),
  };
}
