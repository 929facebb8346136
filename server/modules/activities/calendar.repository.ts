import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { isoTime, oneOf, prerendered, rowsOf, unpeeked, type Db } from '../../db/client.ts';
import type { Calendar } from '../../../core/schemas/activities.ts';
import { DAY_MS } from '../../../core/time.ts';
import type { Lang } from '../../../core/messages.ts';
import { subjectSql } from '../../db/generated-subject.ts';
import { accounts, activities, activityUsers, tasks, users } from '../../db/schema.ts';
import { activityVisible, ownCalendar, seesWholeOrganisation, taskVisible, type Actor } from '../../access/index.ts';

const owner = alias(users, 'owner');
const assignee = alias(users, 'assignee');

/**
 * A calendar entry's columns as the API sends them; ISO times in UTC sort as the times do. The
 * account's name is the call's kept copy: reading it from accounts was a primary-key probe per call,
 * half of the week's query.
 */
const columnsIn = (lang: Lang) =>
  prerendered(sql`${activities.id}, ${activities.type}, ${subjectSql('"activities"', lang)} as "subject", ${activities.accountId} as "accountId",
  ${activities.accountName} as "accountName", ${activities.ownerId} as "ownerId", ${owner.name} as "ownerName",
  ${isoTime(activities.plannedStart)} as "plannedStart", ${isoTime(activities.plannedEnd)} as "plannedEnd",
  ${activities.status}, ${activities.place}, ${activities.version}`);
/** Per language: a generated subject (an after-sales call's) is rendered in the caller's. */
const calendarColumns: Record<Lang, SQL> = { zh: columnsIn('zh'), en: columnsIn('en') };

/**
 * Bounds on a call's start for a window [from, to): it starts before `to`, and (since a call lasts at
 * most `maxDays`) at most that long before `from`, so the (user, planned start) indexes walk a bounded
 * range.
 */
function startsWithin(start: PgColumn | SQL, from: Date, to: Date, maxDays: number): SQL {
  return sql`${start} >= ${new Date(from.getTime() - maxDays * DAY_MS)} and ${start} < ${to}`;
}

/**
 * Bounds on a call's end for a window [from, to): it ends after `from`, and (since a call lasts at
 * most `maxDays` and starts before `to`) before `to` + `maxDays`. The upper bound removes no row; it
 * is for the planner. Alone, `planned_end > $n` is costed as a third of the rows in the generic plan,
 * which then looked dearer than the custom plans and PostgreSQL planned the week again on every
 * request (~1 ms, as long as running it); as a range pair it is costed like the start's range.
 */
function endsWithin(end: PgColumn | SQL, from: Date, to: Date, maxDays: number): SQL {
  return sql`${end} > ${from} and ${end} < ${new Date(to.getTime() + maxDays * DAY_MS)}`;
}

/** What a calendar entry reads from: the call and its owner (static, rendered once). */
const calendarFrom = prerendered(sql`from ${activities}
  join ${users} as "owner" on ${owner.orgId} = ${activities.orgId} and ${owner.id} = ${activities.ownerId}`);
/** The same, with the call's account, which a data scope's visibility test reads (its owner). */
const scopedCalendarFrom = prerendered(sql`${calendarFrom}
  join ${accounts} on ${accounts.orgId} = ${activities.orgId} and ${accounts.id} = ${activities.accountId}`);

/**
 * A calendar task's columns as the API sends them, and what they are read from. Building this with
 * the query builder took ~100 µs a request, more than the database spends on it.
 */
const taskSelect =
  prerendered(sql`${tasks.id}, ${tasks.title}, ${tasks.dueDate}::text as "dueDate", ${tasks.assigneeId} as "assigneeId",
  ${assignee.name} as "assigneeName", ${accounts.name} as "accountName", ${tasks.done}, ${tasks.version}
  from ${tasks}
  join ${users} as "assignee" on ${assignee.orgId} = ${tasks.orgId} and ${assignee.id} = ${tasks.assigneeId}
  left join ${accounts} on ${accounts.orgId} = ${tasks.orgId} and ${accounts.id} = ${tasks.accountId}`);

export function calendarRepository(db: Db) {
  /**
   * Ids of the activities that the users own or attend overlapping [from, to). Both halves walk an
   * index by (user, planned_start) over a bounded range: an activity lasts at most `maxDays`, so
   * one that overlaps the window started at most that long before it.
   */
  function ofUsers(orgId: string, userIds: string[], from: Date, to: Date, maxDays: number): SQL {
    return sql`${activities.id} in (
      select x.id from ${activities} x
       where x.org_id = ${orgId} and ${oneOf(sql`x.owner_id`, userIds)}
         and ${startsWithin(sql`x.planned_start`, from, to, maxDays)} and ${endsWithin(sql`x.planned_end`, from, to, maxDays)}
      union
      select au.activity_id from ${activityUsers} au
        join ${activities} y on y.org_id = au.org_id and y.id = au.activity_id
       where au.org_id = ${orgId} and ${oneOf(sql`au.user_id`, userIds)}
         and ${startsWithin(sql`au.planned_start`, from, to, maxDays)} and ${endsWithin(sql`y.planned_end`, from, to, maxDays)})`;
  }

  return {
    /**
     * The calendar's rows exactly as the API sends them, in the caller's visibility. A week holds
     * ~150 calls, so the rows come straight from the driver (times formatted as ISO 8601 by the
     * database): mapping them through the query builder and Date objects cost more than the query.
     * The users' own calls are read along their (owner, planned start) index, row by row; the calls
     * they only attend (owned by someone else) are found through activity_users and then read by id.
     */
    activities: (actor: Actor, userIds: string[], from: Date, to: Date, maxDays: number, limit: number) => {
      const own = ownCalendar(actor, userIds);
      const visible = own ? sql`` : sql`and ${activityVisible(actor)}`;
      // The whole organisation's scope (an admin's) is the org test alone: no account to read.
      const tables = own || seesWholeOrganisation(actor) ? calendarFrom : scopedCalendarFrom;
      const rows = (where: SQL) =>
        sql`select ${calendarColumns[actor.lang]} ${tables} where ${activities.orgId} = ${actor.orgId} and ${where} ${visible}`;
      return rowsOf<Calendar['activities'][number]>(
        db,
        sql`select * from (
              ${rows(sql`${oneOf(activities.ownerId, userIds)} and ${startsWithin(activities.plannedStart, from, to, maxDays)} and ${endsWithin(activities.plannedEnd, from, to, maxDays)}`)}
              union all
              ${rows(sql`${activities.id} in (select au.activity_id from ${activityUsers} au
                           where au.org_id = ${actor.orgId} and ${oneOf(sql`au.user_id`, userIds)} and ${startsWithin(sql`au.planned_start`, from, to, maxDays)})
                         and ${endsWithin(activities.plannedEnd, from, to, maxDays)} and not ${oneOf(activities.ownerId, userIds)}`)}
            ) c
            order by c."plannedStart", c.id
            limit ${limit}`,
      );
    },

    /** Tasks assigned to the users due on [fromDate, toDate], as the tasks list would show them to the caller, the first `limit`. */
    tasks: (actor: Actor, userIds: string[], fromDate: string, toDate: string, limit: number) =>
      // Both values of `done` spelled out so the (assignee, done, due_date) index serves the range.
      rowsOf<Calendar['tasks'][number]>(
        db,
        sql`select ${taskSelect}
             where ${tasks.orgId} = ${actor.orgId} and ${oneOf(tasks.assigneeId, userIds)}
               and ${tasks.done} in (false, true)
               and ${tasks.dueDate} >= ${unpeeked(fromDate, 'date')} and ${tasks.dueDate} <= ${unpeeked(toDate, 'date')}
               ${ownCalendar(actor, userIds) ? sql`` : sql`and ${taskVisible(actor)}`}
             order by ${tasks.dueDate}, ${tasks.id}
             limit ${limit}`,
      ),

    /** The user's own calendar for iCalendar: what they own or attend, the first `limit`, no scope needed. */
    own: (orgId: string, userId: string, from: Date, to: Date, maxDays: number, limit: number) =>
      db
        .select()
        .from(activities)
        .where(and(eq(activities.orgId, orgId), ofUsers(orgId, [userId], from, to, maxDays)))
        .orderBy(asc(activities.plannedStart), asc(activities.id))
        .limit(limit),

    async userExists(orgId: string, userId: string) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
      return !!row;
    },
  };
}
