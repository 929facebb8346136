// The SQL of a spreadsheet import's deals (server/modules/opportunities/import.ts): the deals in the
// importer's scope on the accounts a batch names, to match rows against.
import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opportunities } from '../../db/schema.ts';
import { dealVisible, type Actor } from '../../access/index.ts';

export function dealsImportRepository(db: Db) {
  return {
    onAccounts: (actor: Actor, accountIds: string[]) =>
      accountIds.length
        ? db
            .select({
              id: opportunities.id,
              accountId: opportunities.accountId,
              name: opportunities.name,
              version: opportunities.version,
              status: opportunities.status,
            })
            .from(opportunities)
            .where(and(dealVisible(actor), inArray(opportunities.accountId, accountIds)))
        : Promise.resolve([]),
  };
}
