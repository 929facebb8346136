// The SQL of a handover: which records move (one condition per kind, shared by the preview's counts
// and the move itself, so the preview says exactly what the move does) and the bulk UPDATEs that move
// them. Each statement returns the ids it moved, for the history rows; the triggers carry the new
// account owner to deals, contacts and the kept totals row by row (docs/triggers.md).
import { and, eq, exists, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { accountMembers, accounts, activities, opportunities, tasks, users } from '../../db/schema.ts';
import { accountVisible, dealVisible, seesWholeOrganisation, type Actor } from '../../access/index.ts';

/** Who hands over to whom, and which of the from-user's accounts (null: all of them). */
export interface Move {
  from: string;
  to: string;
  accountIds: string[] | null;
}

const member2 = alias(accountMembers, 'm2');

/** The from-user's accounts that move (archived ones too: an archived account restored later needs an owner). */
const accountsWhere = (orgId: string, m: Move): SQL =>
  and(
    eq(accounts.orgId, orgId),
    eq(accounts.ownerId, m.from),
    m.accountIds ? inArray(accounts.id, m.accountIds) : undefined,
  )!;

/** The moved accounts' ids as a subquery (read before the accounts themselves move). */
const movedAccountIds = (orgId: string, m: Move) =>
  sql`(select ${accounts.id} from ${accounts} where ${accountsWhere(orgId, m)})`;

/**
 * Open deals (neither won nor lost) the from-user owns and the caller sees: on any account for a
 * whole handover (a deal on a colleague's account the from-user works is theirs to pass on), only
 * on the chosen accounts otherwise.
 */
const dealsWhere = (actor: Actor, m: Move): SQL =>
  and(
    dealVisible(actor),
    eq(opportunities.ownerId, m.from),
    eq(opportunities.status, 'open'),
    m.accountIds ? inArray(opportunities.accountId, m.accountIds) : undefined,
  )!;

/** Planned calls the from-user owns on accounts the caller sees (or on the chosen accounts). */
function activitiesWhere(actor: Actor, m: Move): SQL {
  const visible =
    m.accountIds || seesWholeOrganisation(actor)
      ? undefined
      : exists(
          sql`(select 1 from ${accounts} where ${accounts.orgId} = ${activities.orgId} and ${accounts.id} = ${activities.accountId} and ${accountVisible(actor)})`,
        );
  return and(
    eq(activities.orgId, actor.orgId),
    eq(activities.ownerId, m.from),
    eq(activities.status, 'planned'),
    m.accountIds ? inArray(activities.accountId, m.accountIds) : undefined,
    visible,
  )!;
}

/**
 * Open tasks assigned to the from-user. No further scope test: a task is visible to whoever has its
 * assignee in scope (access/visibility.ts's taskVisible), and the from-user is in the caller's.
 */
const tasksWhere = (orgId: string, m: Move): SQL =>
  and(
    eq(tasks.orgId, orgId),
    eq(tasks.assigneeId, m.from),
    eq(tasks.done, false),
    m.accountIds ? inArray(tasks.accountId, m.accountIds) : undefined,
  )!;

/** The from-user's places on the moved accounts' teams. */
const membersWhere = (orgId: string, m: Move): SQL =>
  and(
    eq(accountMembers.orgId, orgId),
    eq(accountMembers.userId, m.from),
    sql`${accountMembers.accountId} in ${movedAccountIds(orgId, m)}`,
  )!;

export function handoverRepository(db: Db) {
  return {
    /** The two users, as far as a handover needs them (any organisation's ids answer nothing). */
    users: (orgId: string, ids: string[]) =>
      db
        .select({ id: users.id, active: users.active })
        .from(users)
        .where(and(eq(users.orgId, orgId), inArray(users.id, ids))),

    /** Serialises handovers to and from these users, and their claims from the pool (pool's lockUser). */
    lockUsers: (orgId: string, ids: string[]) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, orgId), inArray(users.id, ids)))
        .orderBy(users.id)
        .for('update'),

    /** Which of these accounts the user owns. */
    async ownedAccountIds(orgId: string, ownerId: string, ids: string[]): Promise<Set<string>> {
      const rows = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.ownerId, ownerId), inArray(accounts.id, ids)));
      return new Set(rows.map((r) => r.id));
    },

    /** What the move would touch, counted with the move's own conditions. */
    async counts(actor: Actor, m: Move) {
      const orgId = actor.orgId;
      const [accountRow] = await db
        .select({
          n: sql<number>`count(*)::int`,
          claims: sql<number>`(count(*) filter (where ${isNotNull(accounts.claimedAt)}))::int`,
        })
        .from(accounts)
        .where(accountsWhere(orgId, m));
      const [dealRow] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(opportunities)
        .where(dealsWhere(actor, m));
      const [activityRow] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(activities)
        .where(activitiesWhere(actor, m));
      const [taskRow] = await db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(tasksWhere(orgId, m));
      const [memberRow] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(accountMembers)
        .where(membersWhere(orgId, m));
      return {
        accounts: accountRow?.n ?? 0,
        poolClaims: accountRow?.claims ?? 0,
        openDeals: dealRow?.n ?? 0,
        plannedActivities: activityRow?.n ?? 0,
        openTasks: taskRow?.n ?? 0,
        accountTeams: memberRow?.n ?? 0,
      };
    },

    /** Open deals to the to-user; their ids. */
    async moveDeals(actor: Actor, m: Move, at: Date) {
      const rows = await db
        .update(opportunities)
        .set({ ownerId: m.to, version: sql`${opportunities.version} + 1`, updatedAt: at })
        .where(dealsWhere(actor, m))
        .returning({ id: opportunities.id });
      return rows.map((r) => r.id);
    },

    async moveActivities(actor: Actor, m: Move, at: Date) {
      const rows = await db
        .update(activities)
        .set({ ownerId: m.to, version: sql`${activities.version} + 1`, updatedAt: at })
        .where(activitiesWhere(actor, m))
        .returning({ id: activities.id });
      return rows.map((r) => r.id);
    },

    async moveTasks(orgId: string, m: Move, at: Date) {
      const rows = await db
        .update(tasks)
        .set({ assigneeId: m.to, version: sql`${tasks.version} + 1`, updatedAt: at })
        .where(tasksWhere(orgId, m))
        .returning({ id: tasks.id });
      return rows.map((r) => r.id);
    },

    /** The accounts on whose team the from-user's place moves. */
    async memberAccountIds(orgId: string, m: Move) {
      const rows = await db
        .select({ accountId: accountMembers.accountId })
        .from(accountMembers)
        .where(membersWhere(orgId, m));
      return rows.map((r) => r.accountId);
    },

    /** Each moved account's team as "name:role", sorted (the account history's `members` field). */
    async teamsOf(orgId: string, accountIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (!accountIds.length) return out;
      const rows = await db
        .select({ accountId: accountMembers.accountId, name: users.name, role: accountMembers.role })
        .from(accountMembers)
        .innerJoin(users, and(eq(users.orgId, accountMembers.orgId), eq(users.id, accountMembers.userId)))
        .where(and(eq(accountMembers.orgId, orgId), inArray(accountMembers.accountId, accountIds)));
      for (const r of rows) out.set(r.accountId, [...(out.get(r.accountId) ?? []), `${r.name}:${r.role}`]);
      for (const list of out.values()) list.sort();
      return out;
    },

    /**
     * The from-user's places on the moved accounts' teams pass to the to-user: where the to-user is
     * on the team already the from-user's row goes (the key allows one row per person), elsewhere it
     * changes hands. Returns the accounts whose team changed.
     */
    async moveMembers(orgId: string, m: Move) {
      const alreadyThere = exists(
        db
          .select({ one: sql`1` })
          .from(member2)
          .where(
            and(
              eq(member2.orgId, accountMembers.orgId),
              eq(member2.accountId, accountMembers.accountId),
              eq(member2.userId, m.to),
            ),
          ),
      );
      const dropped = await db
        .delete(accountMembers)
        .where(and(membersWhere(orgId, m), alreadyThere))
        .returning({ accountId: accountMembers.accountId });
      const moved = await db
        .update(accountMembers)
        .set({ userId: m.to })
        .where(membersWhere(orgId, m))
        .returning({ accountId: accountMembers.accountId });
      return [...dropped, ...moved].map((r) => r.accountId);
    },

    /**
     * The accounts last (the other conditions read their owner as it was). A claim from the pool
     * (claimed_at) stays on the account, so it counts against the new owner's limit.
     */
    async moveAccounts(orgId: string, m: Move, at: Date) {
      const rows = await db
        .update(accounts)
        .set({ ownerId: m.to, version: sql`${accounts.version} + 1`, updatedAt: at })
        .where(accountsWhere(orgId, m))
        .returning({ id: accounts.id });
      return rows.map((r) => r.id);
    },
  };
}
