import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  SavedView as SavedViewSchema,
  SavedViewCreate as SavedViewCreateSchema,
} from '../../../core/schemas/views.ts';
import { api } from '../../lib/api.ts';

export type SavedView = Static<typeof SavedViewSchema>;
export type SavedViewCreate = Static<typeof SavedViewCreateSchema>;

const VIEWS_KEY = ['views', 'opportunities'] as const;

export function useSavedViews() {
  return useQuery({
    queryKey: VIEWS_KEY,
    queryFn: () => api.get<{ items: SavedView[] }>('/api/views', { list: 'opportunities' }),
    select: (d) => d.items,
  });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedViewCreate) => api.post<SavedView>('/api/views', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/views/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}
