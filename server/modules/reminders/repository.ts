import { and, asc, eq, gte, inArray, isNull, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountMembers, accounts, activities, contacts, reminderReads, tasks } from '../../db/schema.ts';

/** Each source is bounded: the notification centre shows what needs doing now, not an archive. */
const MAX_ROWS = 500;

export function remindersRepository(db: Db) {
  return {
    /** The caller's open tasks due by `until` (overdue ones included): the assignee index. */
    openTasks: (orgId: string, userId: string, until: string) =>
      db
        .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate })
        .from(tasks)
        .where(
          and(eq(tasks.orgId, orgId), eq(tasks.assigneeId, userId), eq(tasks.done, false), lte(tasks.dueDate, until)),
        )
        .orderBy(asc(tasks.dueDate))
        .limit(MAX_ROWS),

    async overdueCount(orgId: string, userId: string, today: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(tasks)
        .where(
          and(eq(tasks.orgId, orgId), eq(tasks.assigneeId, userId), eq(tasks.done, false), lt(tasks.dueDate, today)),
        );
      return row?.n ?? 0;
    },

    /** The caller's planned calls starting in [from, to): the owner index over a short window. */
    plannedActivities: (orgId: string, userId: string, from: Date, to: Date) =>
      db
        .select({
          id: activities.id,
          type: activities.type,
          subject: activities.subject,
          subjectKey: activities.subjectKey,
          subjectParams: activities.subjectParams,
          plannedStart: activities.plannedStart,
          plannedEnd: activities.plannedEnd,
          autoScheduled: activities.autoScheduled,
          accountName: accounts.name,
        })
        .from(activities)
        .innerJoin(accounts, and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)))
        .where(
          and(
            eq(activities.orgId, orgId),
            eq(activities.ownerId, userId),
            gte(activities.plannedStart, from),
            lt(activities.plannedStart, to),
            eq(activities.status, 'planned'),
          ),
        )
        .orderBy(asc(activities.plannedStart))
        .limit(MAX_ROWS),

    /** Contacts of the accounts the caller owns or is on the team of, born on one of `monthDays` (MM-DD). */
    birthdays: (orgId: string, userId: string, monthDays: string[]) =>
      db
        .select({ id: contacts.id, name: contacts.name, birthday: contacts.birthday, accountName: accounts.name })
        .from(contacts)
        .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
        .where(
          and(
            eq(contacts.orgId, orgId),
            or(
              eq(accounts.ownerId, userId),
              sql`${accounts.id} = any(array(select m.account_id from ${accountMembers} m where m.org_id = ${orgId} and m.user_id = ${userId}))`,
            ),
            isNull(accounts.archivedAt),
            isNull(contacts.archivedAt),
            isNotNull(contacts.birthday),
            inArray(sql`to_char(${contacts.birthday}, 'MM-DD')`, monthDays),
          ),
        )
        .limit(MAX_ROWS),

    async readKeys(orgId: string, userId: string, keys: string[]) {
      if (!keys.length) return new Set<string>();
      const rows = await db
        .select({ key: reminderReads.key })
        .from(reminderReads)
        .where(and(eq(reminderReads.orgId, orgId), eq(reminderReads.userId, userId), inArray(reminderReads.key, keys)));
      return new Set(rows.map((r) => r.key));
    },

    async markRead(orgId: string, userId: string, keys: string[]) {
      if (!keys.length) return;
      await db
        .insert(reminderReads)
        .values(keys.map((key) => ({ orgId, userId, key })))
        .onConflictDoNothing();
    },

    /** Reads of reminders long gone (all organisations: the scheduled purge). */
    purgeReadsBefore: (cutoff: Date) => db.delete(reminderReads).where(lt(reminderReads.readAt, cutoff)),
  };
}
