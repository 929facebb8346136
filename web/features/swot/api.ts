import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  SwotItemCreate as SwotItemCreateSchema,
  SwotItemUpdate as SwotItemUpdateSchema,
} from '../../../core/schemas/swot.ts';
import type { SwotItem } from '../../../core/schemas/swot.ts';
import { api } from '../../lib/api.ts';

export type SwotItemCreate = Static<typeof SwotItemCreateSchema>;
export type SwotItemUpdate = Static<typeof SwotItemUpdateSchema>;

const swotKey = (base: string) => ['swot', base] as const;

/** base: "/api/accounts/:id" or "/api/opportunities/:id". */
export function useSwot(base: string) {
  return useQuery({
    queryKey: swotKey(base),
    queryFn: () => api.get<{ items: SwotItem[] }>(`${base}/swot`),
    select: (d) => d.items,
  });
}

export function useSwotMutations(base: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: swotKey(base) });
  return {
    add: useMutation({
      mutationFn: (body: SwotItemCreate) => api.post<SwotItem>(`${base}/swot`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (v: { id: string; body: SwotItemUpdate }) => api.patch<SwotItem>(`/api/swot/${v.id}`, v.body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (itemId: string) => api.del(`/api/swot/${itemId}`), onSuccess: refresh }),
  };
}
