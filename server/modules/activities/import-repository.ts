// The SQL of a spreadsheet import's calls (server/modules/activities/import.ts): the organisation's
// kinds of call by name, and the calls on the batch's accounts that a row could be a second copy of.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, activities, activityTypes } from '../../db/schema.ts';
import { activityVisible, type Actor } from '../../access/index.ts';

export function activitiesImportRepository(db: Db) {
  return {
    types: (orgId: string) =>
      db
        .select({ key: activityTypes.key, name: activityTypes.name, nameEn: activityTypes.nameEn })
        .from(activityTypes)
        .where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.active, true))),

    onAccounts: (actor: Actor, accountIds: string[]) =>
      accountIds.length
        ? db
            .select({
              id: activities.id,
              accountId: activities.accountId,
              type: activities.type,
              subject: activities.subject,
              plannedStart: activities.plannedStart,
              version: activities.version,
            })
            .from(activities)
            .innerJoin(accounts, and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)))
            .where(and(activityVisible(actor), inArray(activities.accountId, accountIds)))
        : Promise.resolve([]),
  };
}
