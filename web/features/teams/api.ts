import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Team, TeamCreate, TeamUpdate, User, UserCreate, UserUpdate } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';

export const USERS_KEY = ['users'] as const;
export const TEAMS_KEY = ['teams'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => api.get<{ items: User[] }>('/api/users'), select: (d) => d.items, staleTime: 60_000 });
}

export function useTeams() {
  return useQuery({ queryKey: TEAMS_KEY, queryFn: () => api.get<{ items: Team[] }>('/api/teams'), select: (d) => d.items, staleTime: 60_000 });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: UserCreate | UserUpdate }) =>
      v.id ? api.patch<User>(`/api/users/${v.id}`, v.body) : api.post<User>('/api/users', v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });
}

export function useSaveTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: TeamCreate | TeamUpdate }) =>
      v.id ? api.patch<Team>(`/api/teams/${v.id}`, v.body) : api.post<Team>('/api/teams', v.body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}

export function useDeleteTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/teams/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TEAMS_KEY }),
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
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** A team and everything under it: a team cannot move beneath its own descendants. */
export function descendantIds(teams: Team[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of teams) {
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}
