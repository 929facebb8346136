import { and, asc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import { keyset } from '../../db/keyset.ts';
import { updateVersioned } from '../../db/versioned.ts';
import {
  accounts,
  activities,
  activityContacts,
  activityUsers,
  contacts,
  opportunities,
  tasks,
  users,
} from '../../db/schema.ts';
import { accountVisible, activityVisible, type Actor } from '../../access/index.ts';
import { ownedByTeam } from '../../db/team-filter.ts';
import type { ActivityListQuery } from '../../../core/schemas/activities.ts';

/** The list's arguments: `autoFrom` leaves out scheduled calls still planned from that instant on. */
export type ActivityListOptions = ActivityListQuery & { autoFrom?: Date };

const owner = alias(users, 'owner');

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ListedActivity = { a: ActivityRow; accountName: string; opportunityName: string | null; ownerName: string };
export type ActivityListArgs = PageArgs & { query: ActivityListOptions };

const accountJoin = and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId));

/** Overlaps [from, to). */
export function overlaps(from: Date | undefined, to: Date | undefined): SQL[] {
  const where: SQL[] = [];
  if (to) where.push(lt(activities.plannedStart, to));
  if (from) where.push(gt(activities.plannedEnd, from));
  return where;
}

type Filters = Omit<ActivityListQuery, 'cursor' | 'limit' | 'q' | 'sort' | 'autoWithinDays'>;

/** Calls the system scheduled that are still planned, from `from` on. */
const autoPlannedFrom = (from: Date): SQL =>
  sql`(${activities.autoScheduled} and ${activities.status} = 'planned' and ${activities.plannedStart} >= ${from})`;

function filters(actor: Actor, q: Filters): SQL[] {
  const where: SQL[] = [
    activityVisible(actor),
    ...overlaps(q.from ? new Date(q.from) : undefined, q.to ? new Date(q.to) : undefined),
  ];
  if (q.accountId) where.push(eq(activities.accountId, q.accountId));
  if (q.opportunityId) where.push(eq(activities.opportunityId, q.opportunityId));
  if (q.ownerId) where.push(eq(activities.ownerId, q.ownerId));
  if (q.type) where.push(eq(activities.type, q.type));
  if (q.status) where.push(eq(activities.status, q.status));
  if (q.teamId) where.push(ownedByTeam(activities.ownerId, actor.orgId, q.teamId));
  if (q.contactId) {
    where.push(
      sql`exists (select 1 from ${activityContacts} ac where ac.org_id = ${actor.orgId} and ac.activity_id = ${activities.id} and ac.contact_id = ${q.contactId})`,
    );
  }
  return where;
}

/** The list's filter with its search and the scheduled calls it leaves out: shared by the page and its totals. */
function listFilters(actor: Actor, query: ActivityListOptions, search: PageArgs['search']): SQL[] {
  const where = filters(actor, query);
  // Subjects are few words; a substring match on the normalised subject is enough here.
  if (search)
    where.push(
      sql`strpos(regexp_replace(lower(${activities.subject}), '[\\s\\-_·.()（）]+', '', 'g'), ${search.needle}) > 0`,
    );
  if (query.autoFrom) where.push(sql`not ${autoPlannedFrom(query.autoFrom)}`);
  return where;
}

export function activitiesRepository(db: Db) {
  const select = () =>
    db
      .select({ a: activities, accountName: accounts.name, opportunityName: opportunities.name, ownerName: owner.name })
      .from(activities)
      .innerJoin(accounts, accountJoin)
      .innerJoin(owner, and(eq(owner.orgId, activities.orgId), eq(owner.id, activities.ownerId)))
      .leftJoin(
        opportunities,
        and(eq(opportunities.orgId, activities.orgId), eq(opportunities.id, activities.opportunityId)),
      );

  return {
    /** Newest first by planned start: an account's or a deal's record of calls. */
    list(actor: Actor, { query, search, after, limit }: ActivityListArgs): Promise<ListedActivity[]> {
      const where = listFilters(actor, query, search);
      const newest = query.sort !== 'soonest';
      const page = keyset({ expr: sql`${activities.plannedStart}`, cast: 'timestamptz' }, activities.id, newest, after);
      if (page.where) where.push(page.where);
      return select()
        .where(and(...where))
        .orderBy(...page.orderBy)
        .limit(limit);
    },

    /** 共 N 条 over every call the list's filter matches (the account joined for the scope rule). */
    /**
     * How many calls match, counted up to `cap` + 1: an organisation's years of calls can match in the
     * hundreds of thousands (2 s to count 700k on PostgreSQL), and past a page-reader's scale the exact
     * number says nothing the "+" does not.
     */
    async summary(actor: Actor, query: ActivityListOptions, search: PageArgs['search'], cap: number) {
      const matching = db
        .select({ one: sql`1` })
        .from(activities)
        .innerJoin(accounts, accountJoin)
        .where(and(...listFilters(actor, query, search)))
        .limit(cap + 1)
        .as('matching');
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
      const count = row?.count ?? 0;
      return count > cap ? { count: cap, capped: true } : { count };
    },

    /** The scheduled calls still planned from `from` on, per deal (the list leaves them out). */
    autoLater(actor: Actor, query: Filters, from: Date) {
      return db
        .select({
          opportunityId: activities.opportunityId,
          opportunityName: opportunities.name,
          accountId: activities.accountId,
          accountName: accounts.name,
          count: sql<number>`count(*)::int`,
          first: sql<Date>`min(${activities.plannedStart})`.mapWith(activities.plannedStart),
          last: sql<Date>`max(${activities.plannedStart})`.mapWith(activities.plannedStart),
        })
        .from(activities)
        .innerJoin(accounts, accountJoin)
        .leftJoin(
          opportunities,
          and(eq(opportunities.orgId, activities.orgId), eq(opportunities.id, activities.opportunityId)),
        )
        .where(and(...filters(actor, query), autoPlannedFrom(from)))
        .groupBy(activities.opportunityId, opportunities.name, activities.accountId, accounts.name)
        .orderBy(sql`min(${activities.plannedStart})`, activities.accountId);
    },

    async get(actor: Actor, id: string): Promise<ListedActivity | undefined> {
      const [row] = await select().where(and(eq(activities.id, id), activityVisible(actor)));
      return row;
    },

    async lockForWrite(actor: Actor, id: string) {
      const [row] = await db
        .select({ a: activities })
        .from(activities)
        .innerJoin(accounts, accountJoin)
        .where(and(eq(activities.id, id), activityVisible(actor)))
        .for('update', { of: activities });
      return row?.a;
    },

    insert: (rows: NewActivity[]) => db.insert(activities).values(rows),

    update: (orgId: string, id: string, version: number, patch: Partial<NewActivity>) =>
      updateVersioned(db, activities, orgId, id, version, patch),

    contactsOf: (orgId: string, ids: string[]) =>
      ids.length
        ? db
            .select({
              activityId: activityContacts.activityId,
              id: contacts.id,
              name: contacts.name,
              title: contacts.title,
            })
            .from(activityContacts)
            .innerJoin(
              contacts,
              and(eq(contacts.orgId, activityContacts.orgId), eq(contacts.id, activityContacts.contactId)),
            )
            .where(and(eq(activityContacts.orgId, orgId), inArray(activityContacts.activityId, ids)))
            .orderBy(asc(contacts.name), asc(contacts.id))
        : Promise.resolve([]),

    usersOf: (orgId: string, ids: string[]) =>
      ids.length
        ? db
            .select({ activityId: activityUsers.activityId, id: users.id, name: users.name })
            .from(activityUsers)
            .innerJoin(users, and(eq(users.orgId, activityUsers.orgId), eq(users.id, activityUsers.userId)))
            .where(and(eq(activityUsers.orgId, orgId), inArray(activityUsers.activityId, ids)))
            .orderBy(asc(users.name), asc(users.id))
        : Promise.resolve([]),

    async replaceContacts(orgId: string, activityId: string, contactIds: string[]) {
      await db
        .delete(activityContacts)
        .where(and(eq(activityContacts.orgId, orgId), eq(activityContacts.activityId, activityId)));
      if (contactIds.length)
        await db.insert(activityContacts).values(contactIds.map((contactId) => ({ orgId, activityId, contactId })));
    },

    async replaceUsers(orgId: string, activityId: string, userIds: string[], plannedStart: Date) {
      await db
        .delete(activityUsers)
        .where(and(eq(activityUsers.orgId, orgId), eq(activityUsers.activityId, activityId)));
      if (userIds.length)
        await db.insert(activityUsers).values(userIds.map((userId) => ({ orgId, activityId, userId, plannedStart })));
    },

    /** Keeps the attendees' copy of the planned start in step when a call is moved. */
    moveUsers: (orgId: string, activityId: string, plannedStart: Date) =>
      db
        .update(activityUsers)
        .set({ plannedStart })
        .where(and(eq(activityUsers.orgId, orgId), eq(activityUsers.activityId, activityId))),

    /** contact id → its account, for the attendee check. */
    async contactAccounts(orgId: string, ids: string[]) {
      if (!ids.length) return new Map<string, string>();
      const rows = await db
        .select({ id: contacts.id, accountId: contacts.accountId })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
      return new Map(rows.map((r) => [r.id, r.accountId]));
    },

    /** A deal the caller can see, with its account. */
    async visibleOpportunity(actor: Actor, id: string) {
      const [row] = await db
        .select({ id: opportunities.id, accountId: opportunities.accountId })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(and(eq(opportunities.orgId, actor.orgId), eq(opportunities.id, id), accountVisible(actor)));
      return row;
    },

    insertTask: (row: typeof tasks.$inferInsert) => db.insert(tasks).values(row),

    /**
     * A deal's last activity is when its latest done call took place: its planned end, or when it was
     * logged if that came earlier (a call marked done ahead of its planned end). Planned and
     * cancelled calls do not count, and a deal without done calls has none (never stale).
     */
    refreshLastActivity: (orgId: string, opportunityId: string) =>
      db
        .update(opportunities)
        .set({
          lastActivityAt: sql`(select max(least(x.planned_end, x.completed_at)) from ${activities} x
            where x.org_id = ${orgId} and x.opportunity_id = ${opportunityId} and x.status = 'done')`,
        })
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, opportunityId))),
  };
}
