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

export const canWrite = (a: Actor) => a.role !== 'viewer';
/** Is this user among those whose records the caller may see? */
export const userInScope = (actor: Actor, userId: string) => actor.scopeUserIds === null || actor.scopeUserIds.includes(userId);
export const isAdmin = (a: Actor) => a.role === 'admin';
