import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isoTime, rowsOf, type Db } from '../../db/client.ts';
import type { Calendar } from '../../../core/schemas/activities.ts';
import { accounts, activities, activityUsers, tasks, users } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { taskVisible } from '../tasks/repository.ts';
import { activityVisible } from './repository.ts';

const owner = alias(users, 'owner');

const assignee = alias(users, 'assignee');
const DAY_MS = 86_400_000;

/**
 * The caller's own calendar holds only what they own, attend or are assigned, which the visibility
 * rules always let them see: the scope test (an OR with a subquery, per row) is left out.
 */
const ownCalendar = (actor: Actor, userIds: string[]) => userIds.length === 1 && userIds[0] === actor.userId;

export function calendarRepository(db: Db) {
  /**
   * Ids of the activities that the users own or attend overlapping [from, to). Both halves walk an
   * index by (user, planned_start) over a bounded range: an activity lasts at most `maxDays`, so
   * one that overlaps the window started at most that long before it.
   */
  function ofUsers(orgId: string, userIds: string[], from: Date, to: Date, maxDays: number): SQL {
    const ids = sql`${sql.param(userIds)}::uuid[]`;
    const earliest = new Date(from.getTime() - maxDays * DAY_MS);
    return sql`${activities.id} in (
      select x.id from ${activities} x
       where x.org_id = ${orgId} and x.owner_id = any(${ids})
         and x.planned_start >= ${earliest} and x.planned_start < ${to} and x.planned_end > ${from}
      union
      select au.activity_id from ${activityUsers} au
        join ${activities} y on y.org_id = au.org_id and y.id = au.activity_id
       where au.org_id = ${orgId} and au.user_id = any(${ids})
         and au.planned_start >= ${earliest} and au.planned_start < ${to} and y.planned_end > ${from})`;
  }

  return {
    /**
     * The calendar's rows exactly as the API sends them, in the caller's visibility. A week holds
     * ~150 calls, so the rows come straight from the driver (times formatted as ISO 8601 by the
     * database): mapping them through the query builder and Date objects cost more than the query.
     */
    activities: (actor: Actor, userIds: string[], from: Date, to: Date, maxDays: number) =>
      rowsOf<Calendar['activities'][number]>(
        db,
        sql`select ${activities.id}, ${activities.type}, ${activities.subject}, ${activities.accountId} as "accountId",
                   ${accounts.name} as "accountName", ${activities.ownerId} as "ownerId", ${owner.name} as "ownerName",
                   ${isoTime(activities.plannedStart)} as "plannedStart", ${isoTime(activities.plannedEnd)} as "plannedEnd",
                   ${activities.status}, ${activities.place}, ${activities.version}
              from ${activities}
              join ${accounts} on ${accounts.orgId} = ${activities.orgId} and ${accounts.id} = ${activities.accountId}
              join ${users} as "owner" on ${owner.orgId} = ${activities.orgId} and ${owner.id} = ${activities.ownerId}
             where ${and(eq(activities.orgId, actor.orgId), ofUsers(actor.orgId, userIds, from, to, maxDays), ownCalendar(actor, userIds) ? undefined : activityVisible(actor))}
             order by ${activities.plannedStart}, ${activities.id}`,
      ),

    /** Tasks assigned to the users due on [fromDate, toDate], as the tasks list would show them to the caller. */
    tasks: (actor: Actor, userIds: string[], fromDate: string, toDate: string) =>
      db
        .select({
          id: tasks.id,
          title: tasks.title,
          dueDate: tasks.dueDate,
          assigneeId: tasks.assigneeId,
          assigneeName: assignee.name,
          accountName: accounts.name,
          done: tasks.done,
          version: tasks.version,
        })
        .from(tasks)
        .innerJoin(assignee, and(eq(assignee.orgId, tasks.orgId), eq(assignee.id, tasks.assigneeId)))
        .leftJoin(accounts, and(eq(accounts.orgId, tasks.orgId), eq(accounts.id, tasks.accountId)))
        .where(
          and(
            eq(tasks.orgId, actor.orgId),
            sql`${tasks.assigneeId} = any(${sql.param(userIds)}::uuid[])`,
            // Both values spelled out so the (assignee, done, due_date) index serves the range.
            inArray(tasks.done, [false, true]),
            gte(tasks.dueDate, fromDate),
            lte(tasks.dueDate, toDate),
            ownCalendar(actor, userIds) ? undefined : taskVisible(actor),
          ),
        )
        .orderBy(asc(tasks.dueDate), asc(tasks.id)),

    /** The user's own calendar for iCalendar: everything they own or attend, no scope needed. */
    own: (orgId: string, userId: string, from: Date, to: Date, maxDays: number) =>
      db
        .select({ a: activities, accountName: accounts.name })
        .from(activities)
        .innerJoin(accounts, and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)))
        .where(and(eq(activities.orgId, orgId), ofUsers(orgId, [userId], from, to, maxDays)))
        .orderBy(asc(activities.plannedStart), asc(activities.id)),

    async userExists(orgId: string, userId: string) {
      const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.id, userId)));
      return !!row;
    },

  };
}
