import { useQuery } from '@tanstack/react-query';
import type { Team, User } from '../../core/schemas/org.ts';
import { api } from './api.ts';

// The organisation's people and teams: every user and team picker, history's author names and the
// planner read these lists, so they live below the features that edit them.
export const USERS_KEY = ['users'] as const;
export const TEAMS_KEY = ['teams'] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: () => api.get<{ items: User[] }>('/api/users'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: () => api.get<{ items: Team[] }>('/api/teams'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export interface TeamNode {
  team: Team;
  children: TeamNode[];
}

/** The API returns teams flat with parentId; orphans (parent outside the list) become roots. */
export function buildTeamTree(teams: Team[]): TeamNode[] {
  const nodes = new Map(teams.map((t) => [t.id, { team: t, children: [] as TeamNode[] }]));
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parentId ? nodes.get(node.team.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TeamNode[]) => {
    list.sort((a, b) => a.team.name.localeCompare(b.team.name, 'zh-CN'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
