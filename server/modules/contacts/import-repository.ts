// The SQL of a spreadsheet import's contacts (server/modules/contacts/import.ts): the contacts of the
// accounts a batch names, to match against, a multi-row insert and versioned updates.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';
import type { ContactRow, NewContact } from './repository.ts';

export function contactsImportRepository(db: Db) {
  return {
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
