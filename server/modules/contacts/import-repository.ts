// The SQL of a spreadsheet import's contacts (server/modules/contacts/import.ts): the contacts of the
// accounts a batch names, to match against, a bulk insert and bulk versioned updates.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema.ts';
import { insertRows, updateVersionedRows } from '../../db/bulk.ts';
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

    insertMany: (rows: NewContact[]) => insertRows(db, contacts, rows),

    /** Answers the ids updated (a row whose version moved meanwhile is not). */
    updateMany: (orgId: string, updates: { id: string; version: number; patch: Partial<NewContact> }[]) =>
      updateVersionedRows(db, contacts, orgId, updates),
  };
}
