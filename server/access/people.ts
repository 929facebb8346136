// Rules over people and teams rather than records: whose quota and plan a caller reads and keeps,
// and which teams they may look at. They need the team tree (quotas/book.ts loads it per request).
import { isAdmin, userInScope, type Actor } from './actor.ts';

/** The team tree a person's or a team's place is read from; quotas/book.ts's QuotaBook is one. */
export interface TeamStructure {
  people: Map<string, { teamId: string | null }>;
  /** The team and every team above it. */
  ancestry(teamId: string): string[];
  /** The team and every team below it. */
  subtree(teamId: string): string[];
}

/** A quota's subject: one person or one team. */
export interface QuotaSubject {
  userId: string | null;
  teamId: string | null;
}

/** Teams the caller may look at (their quotas, their forecast): every team with someone in their scope, their own and those above it; null for all. */
export function teamsInScope(actor: Actor, tree: Pick<TeamStructure, 'people' | 'ancestry'>): Set<string> | null {
  if (actor.scopeUserIds === null) return null;
  const ids = new Set<string>(actor.teamId ? tree.ancestry(actor.teamId) : []);
  for (const u of actor.scopeUserIds) {
    const teamId = tree.people.get(u)?.teamId;
    if (teamId) ids.add(teamId);
  }
  return ids;
}

/** A person's quota is read by whoever has them in scope; a team's by whoever may look at the team. */
export function quotaReadable(actor: Actor, tree: TeamStructure, q: QuotaSubject): boolean {
  if (q.userId) return userInScope(actor, q.userId);
  const teams = teamsInScope(actor, tree);
  return teams === null || teams.has(q.teamId!);
}

/** Quotas are set from above: a manager keeps those of the people and teams they manage, not their own; an admin everyone's. */
export function quotaWritable(actor: Actor, tree: TeamStructure, q: QuotaSubject): boolean {
  if (isAdmin(actor)) return true;
  if (actor.role !== 'manager') return false;
  if (q.userId) return q.userId !== actor.userId && userInScope(actor, q.userId);
  return !!actor.teamId && tree.subtree(actor.teamId).includes(q.teamId!);
}

/** May the caller keep this person's plan? Their own, or anyone's they manage. */
export function planKeepable(actor: Actor, userId: string): boolean {
  return (
    isAdmin(actor) ||
    (actor.role === 'rep' ? userId === actor.userId : actor.role === 'manager' && userInScope(actor, userId))
  );
}
