import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Stage, StageCreate, StageUpdate } from '../../../core/schemas/catalog.ts';
import { api } from '../../lib/api.ts';

export const STAGES_KEY = ['stages'] as const;

export function useStages() {
  return useQuery({
    queryKey: STAGES_KEY,
    queryFn: () => api.get<{ items: Stage[] }>('/api/stages'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

/** Stage names and probabilities show on every deal, board column and list row; refresh all of them. */
function useStageMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: STAGES_KEY });
      void qc.invalidateQueries({ queryKey: ['opportunities'] });
      void qc.invalidateQueries({ queryKey: ['pipeline'] });
    },
  });
}

export function useSaveStage() {
  return useStageMutation((v: { id?: string; body: StageCreate | StageUpdate }) =>
    v.id ? api.patch<Stage>(`/api/stages/${v.id}`, v.body) : api.post<Stage>('/api/stages', v.body),
  );
}

export function useDeleteStage() {
  return useStageMutation((id: string) => api.del(`/api/stages/${id}`));
}

export function useReorderStages() {
  return useStageMutation((ids: string[]) => api.put<unknown>('/api/stages/order', { ids }));
}
