// Who sits where and what they must sell: the team tree, its people and their quotas, loaded once
// per request (people, not records: small) and resolved for any period in core/forecast.
import { bothReads, type Db } from '../../db/client.ts';
import { quotasRepository } from './repository.ts';
import { resolveQuota, teamQuota, type Figures, type QuotaLevels, type TeamTree } from '../../../core/forecast.ts';
import type { Period } from '../../../core/period.ts';
import { groupBy } from '../../../core/group.ts';

export interface Person {
  id: string;
  name: string;
  teamId: string | null;
  role: string;
  active: boolean;
}

export interface QuotaBook {
  people: Map<string, Person>;
  teamNames: Map<string, string>;
  tree: TeamTree;
  /** The team and every team below it. */
  subtree(teamId: string): string[];
  /** The team and every team above it. */
  ancestry(teamId: string): string[];
  /** Members of the team and its sub-teams. */
  membersOf(teamId: string): string[];
  userQuota(userId: string, period: Period): Figures | null;
  /** The team's own quota, without the roll-up. */
  ownTeamQuota(teamId: string, period: Period): Figures | null;
  teamQuota(teamId: string, period: Period): Figures | null;
}

/** Loads the tree and every quota of the given years (none: the tree alone, for scope and filters). */
export async function loadQuotaBook(db: Db, orgId: string, years: number[]): Promise<QuotaBook> {
  const repo = quotasRepository(db);
  const range = years.length ? { from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years) + 1}-01-01` } : null;
  const [{ teams, users }, rows] = await bothReads(
    db,
    () => repo.structure(orgId),
    async () => (range ? repo.list(orgId, range) : []),
  );
  const children = groupBy(
    teams,
    (t) => t.parentId,
    (t) => t.id,
  );
  const members = groupBy(
    users,
    (u) => u.teamId,
    (u) => u.id,
  );
  const bySubject = groupBy(
    rows,
    ({ q }) => (q.userId ? `user:${q.userId}` : `team:${q.teamId}`),
    ({ q }): QuotaLevels => ({ period: q.period, target: q.target, stretch: q.stretch, challenge: q.challenge }),
  );
  const tree = { children, members };
  const subtree = (teamId: string): string[] => [teamId, ...(children.get(teamId) ?? []).flatMap(subtree)];
  const parents = new Map(teams.map((t) => [t.id, t.parentId]));
  const ancestry = (teamId: string): string[] => {
    const up: string[] = [];
    // Bounded by the number of teams, in case a cycle ever slipped in.
    for (let t: string | null | undefined = teamId; t && up.length <= teams.length; t = parents.get(t)) up.push(t);
    return up;
  };
  const own = (period: Period) => (subject: string) => {
    const qs = bySubject.get(subject);
    return qs ? resolveQuota(qs, period) : null;
  };
  return {
    people: new Map(users.map((u) => [u.id, u])),
    teamNames: new Map(teams.map((t) => [t.id, t.name])),
    tree,
    subtree,
    ancestry,
    membersOf: (teamId) => subtree(teamId).flatMap((t) => members.get(t) ?? []),
    userQuota: (userId, period) => own(period)(`user:${userId}`),
    ownTeamQuota: (teamId, period) => own(period)(`team:${teamId}`),
    teamQuota: (teamId, period) => teamQuota(teamId, tree, own(period)),
  };
}
