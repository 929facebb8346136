import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Competitor, CompetitorCreate, CompetitorUpdate } from '../../../core/schemas/catalog.ts';
import { api } from '../../lib/api.ts';

export const COMPETITORS_KEY = ['competitors'] as const;

export function useCompetitors() {
  return useQuery({
    queryKey: COMPETITORS_KEY,
    queryFn: () => api.get<{ items: Competitor[] }>('/api/competitors'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

function useCompetitorMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: COMPETITORS_KEY }) });
}

export function useSaveCompetitor() {
  return useCompetitorMutation((v: { id?: string; body: CompetitorCreate | CompetitorUpdate }) =>
    v.id ? api.patch<Competitor>(`/api/competitors/${v.id}`, v.body) : api.post<Competitor>('/api/competitors', v.body),
  );
}

export function useDeleteCompetitor() {
  return useCompetitorMutation((id: string) => api.del(`/api/competitors/${id}`));
}
