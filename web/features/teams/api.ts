import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Team, TeamCreate, TeamUpdate } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';
import { TEAMS_KEY } from '../../lib/org.ts';

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
