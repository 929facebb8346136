// The caller and their data scope: who they are, whose records they see, and the role rules that
// need nothing but the caller. Every other file asks these questions here instead of reading the
// scope's fields itself, so changing what a scope means is a change to server/access alone.
import type { DataScope, Role } from '../../core/enums.ts';
import type { Lang } from '../../core/messages.ts';

/** Who is calling, resolved once per request by the auth plugin. */
export interface Actor {
  orgId: string;
  userId: string;
  role: Role;
  dataScope: DataScope;
  teamId: string | null;
  lang: Lang;
  /** Users whose records fall inside the caller's data scope; null means the whole organisation. */
  scopeUserIds: string[] | null;
  /** Accounts whose account team the caller is on (visible whatever the scope). */
  teamAccountIds: string[];
}

/** Everyone but a viewer writes records (in their scope). */
export const canWrite = (actor: Actor) => actor.role !== 'viewer';
export const isAdmin = (actor: Actor) => actor.role === 'admin';
/** Managers and admins keep what the organisation shares among its teams (the competitor catalogue). */
export const isManagerOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/** Does the caller's scope cover the whole organisation (no user list to test)? */
export const seesWholeOrganisation = (actor: Actor) => actor.scopeUserIds === null;

/** Is this user among those whose records the caller may see? */
export const userInScope = (actor: Actor, userId: string) =>
  actor.scopeUserIds === null || actor.scopeUserIds.includes(userId);

/** The users whose records the caller sees; null for the whole organisation. */
export const scopeUsers = (actor: Actor): string[] | null => actor.scopeUserIds;

/**
 * The same caller reading across the whole organisation. Only for figures that reveal no record
 * (the planner's average deal sizes) and for loading the demo through the services.
 */
export const acrossOrganisation = (actor: Actor): Actor => ({ ...actor, scopeUserIds: null });

/** An actor who sees the whole organisation: the demo's records are created through the services as these people. */
export const organisationActor = (orgId: string, userId: string, role: Role): Actor => ({
  orgId,
  userId,
  role,
  dataScope: 'all',
  teamId: null,
  lang: 'zh',
  scopeUserIds: null,
  teamAccountIds: [],
});

/** No user has this id: the reader behind a system actor. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The organisation itself as a reader, for reads no person makes (a scheduled job's, an event's record):
 * the whole organisation in sight, as an admin.
 */
export const systemActor = (orgId: string, userId: string | null = null): Actor =>
  organisationActor(orgId, userId ?? NOBODY, 'admin');

/**
 * What decides which rows a caller reads: the whole organisation, or the users in scope and the
 * accounts whose team the caller is on. Two callers with the same scope may share a cached result
 * (lib/analysis-cache.ts); a rep never reads one computed for another scope.
 */
export function scopeKey(actor: Actor): { users: string[]; teamAccounts: string[] } | 'all' {
  if (actor.scopeUserIds === null) return 'all';
  return { users: [...actor.scopeUserIds].sort(), teamAccounts: [...actor.teamAccountIds].sort() };
}

/**
 * Whether a scoped list can walk one ordered index (whole organisation, or (owner, sort)): then a
 * common search term is best tested row by row along it, rather than ANDing a bitmap of all its
 * matches with the scope's (searchCondition's `walk`).
 */
export function scopeWalks(actor: Actor): boolean {
  return actor.scopeUserIds === null || (actor.scopeUserIds.length === 1 && !actor.teamAccountIds.length);
}
