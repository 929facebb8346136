// Who sees which record, one predicate per entity, as SQL conditions the repositories put in their
// WHERE clauses. They are SQL (Drizzle fragments) and live here, not in each repository, because this
// is the one place a reader looks for who may see what: a list, a detail, a lock for a write and a
// picker all test the same rule, and a record outside it is simply not found (404, nothing leaked).
// Scope is a literal list (the Actor's): one owner is an equality and an empty account-team list is
// left out, so a rep's ordered list walks the (owner, sort) index instead of filtering the organisation.
import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import {
  accountMembers,
  accounts,
  activities,
  activityUsers,
  contacts,
  opportunities,
  recycleBin,
  savedViews,
  tasks,
  users,
} from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The data-scope rule: a record is visible when its account's owner is in the caller's scope or
 * the caller is on its account team.
 */
function ownedOrOnTeam(scope: string[], actor: Actor, ownerColumn: PgColumn, accountIdColumn: PgColumn): SQL {
  const owned = scope.length === 1 ? eq(ownerColumn, scope[0]) : inArray(ownerColumn, scope);
  return actor.teamAccountIds.length ? or(owned, inArray(accountIdColumn, actor.teamAccountIds))! : owned;
}

/** The organisation's rows, narrowed to the data-scope rule over an owner copy unless the scope is everyone. */
function inScope(actor: Actor, orgColumn: PgColumn, ownerColumn: PgColumn, accountIdColumn: PgColumn): SQL {
  const org = eq(orgColumn, actor.orgId);
  return actor.scopeUserIds === null
    ? org
    : and(org, ownedOrOnTeam(actor.scopeUserIds, actor, ownerColumn, accountIdColumn))!;
}

/**
 * Accounts: the caller sees accounts owned by anyone in their scope, plus any account whose team
 * they are on. Unowned accounts (the shared pool) are in no one's scope. Contacts, deals, calls and
 * tasks follow their account; reads that join a record's account may test it with this rule
 * (`table` is the accounts table or an alias of it).
 */
export function accountVisible(
  actor: Actor,
  table: { orgId: PgColumn; ownerId: PgColumn; id: PgColumn } = accounts,
): SQL {
  return inScope(actor, table.orgId, table.ownerId, table.id);
}

/** An account's parent (集团), joined as "parent". */
export const parent = alias(accounts, 'parent');

/**
 * The join to an account's parent, which matches only when the caller may see the parent: out of
 * scope it is invisible everywhere, so its id and name come back null (a test on the one joined row,
 * not a query per row).
 */
export function visibleParent(actor: Actor): SQL {
  return and(eq(parent.id, accounts.parentId), accountVisible(actor, parent))!;
}

/**
 * Contacts are visible when their account is: the account rule over the contact's trigger-kept copy
 * of its account's owner (migration 0013), so a scoped list walks the contacts' own index.
 */
export function contactVisible(actor: Actor): SQL {
  return inScope(actor, contacts.orgId, contacts.accountOwnerId, contacts.accountId);
}

/**
 * Deals are visible when their account is: the account rule over the deal's trigger-kept copy of
 * its account's owner (migration 0009), so scoped lists, boards and sums need no accounts join.
 */
export function dealVisible(actor: Actor): SQL {
  return inScope(actor, opportunities.orgId, opportunities.accountOwnerId, opportunities.accountId);
}

/**
 * Calls: whoever sees their account, plus their owner and our attendees (a colleague invited to a
 * call on someone else's account). Needs `accounts` joined on the call's account.
 */
export function activityVisible(actor: Actor): SQL {
  const org = eq(activities.orgId, actor.orgId);
  if (actor.scopeUserIds === null) return org;
  const attends = sql`exists (select 1 from ${activityUsers} au where au.org_id = ${actor.orgId} and au.activity_id = ${activities.id} and au.user_id = ${actor.userId})`;
  return and(org, or(accountVisible(actor), eq(activities.ownerId, actor.userId), attends))!;
}

/**
 * Tasks: their assignee and their creator, anyone whose scope covers the assignee, and anyone who
 * sees their account. The query must left-join `accounts` on the task's account.
 */
export function taskVisible(actor: Actor): SQL {
  const org = eq(tasks.orgId, actor.orgId);
  if (actor.scopeUserIds === null) return org;
  return and(
    org,
    or(
      eq(tasks.assigneeId, actor.userId),
      eq(tasks.createdBy, actor.userId),
      actor.scopeUserIds.length ? inArray(tasks.assigneeId, actor.scopeUserIds) : undefined,
      and(isNotNull(tasks.accountId), accountVisible(actor)),
    ),
  )!;
}

/**
 * Whether a calendar of these users is the caller's own: it holds only calls they own or attend and
 * tasks they are assigned, which the rules above always show them, so the scope test (an OR with a
 * subquery, per row) can be left out.
 */
export const ownCalendar = (actor: Actor, userIds: string[]) => userIds.length === 1 && userIds[0] === actor.userId;

/**
 * Users the caller may hand a task (or a call's follow-up) on this account, or on none: those in
 * their data scope, and the owner and members of the account (an account team works across teams).
 */
export function taskAssignable(actor: Actor, accountId: string | null): SQL {
  const org = eq(users.orgId, actor.orgId);
  if (actor.scopeUserIds === null) return org;
  const team = accountId
    ? or(
        sql`${users.id} in (select ${accountMembers.userId} from ${accountMembers} where ${accountMembers.orgId} = ${actor.orgId} and ${accountMembers.accountId} = ${accountId})`,
        sql`${users.id} = (select ${accounts.ownerId} from ${accounts} where ${accounts.orgId} = ${actor.orgId} and ${accounts.id} = ${accountId})`,
      )
    : undefined;
  return and(org, or(inArray(users.id, actor.scopeUserIds), team))!;
}

/**
 * Recycle-bin entries: the caller's when they deleted it or when its record's owner or its account's
 * owner is in their data scope; the whole organisation's for a scope of `all`.
 */
export function binVisible(actor: Actor): SQL {
  const org = eq(recycleBin.orgId, actor.orgId);
  if (actor.scopeUserIds === null) return org;
  const scope = `{${actor.scopeUserIds.join(',')}}`;
  return and(org, or(eq(recycleBin.deletedBy, actor.userId), sql`${recycleBin.ownerIds} && ${scope}::uuid[]`))!;
}

/** Saved views are private to the user who saved them (they hold only list filters, which scope anyway). */
export function viewVisible(actor: Actor): SQL {
  return and(eq(savedViews.orgId, actor.orgId), eq(savedViews.userId, actor.userId))!;
}
