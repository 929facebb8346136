import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CriteriaPut,
  DealCompetitorsPut,
  DealNoteCreate,
  Influence,
  InfluenceCreate,
  InfluenceUpdate,
  OpportunityListItem,
  OpportunityCreate,
  OpportunityDetail,
  OpportunityListQuery,
  OpportunityUpdate,
} from '../../../core/schemas/deals.ts';
import type { HistoryEntry, PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';

export type OpportunityFilters = Omit<OpportunityListQuery, 'cursor' | 'limit'>;
export type NoteCreate = Static<typeof DealNoteCreate>;
export type CriteriaBody = Static<typeof CriteriaPut>;

export const dealKeys = {
  all: ['opportunities'] as const,
  list: (f: OpportunityFilters) => ['opportunities', 'list', f] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
  history: (id: string) => ['opportunities', 'history', id] as const,
};

const PAGE_SIZE = 30;

export function useOpportunityList(filters: OpportunityFilters, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<PageOf<OpportunityListItem>>('/api/opportunities', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: dealKeys.detail(id),
    queryFn: () => api.get<OpportunityDetail>(`/api/opportunities/${id}`),
  });
}

export function useOpportunityHistory(id: string) {
  return useQuery({
    queryKey: dealKeys.history(id),
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/opportunities/${id}/history`),
    select: (d) => d.items,
  });
}

/**
 * Every deal write can change the deal's red flags, health, weighted amount, list rows and board
 * columns; keep the detail we got back and refresh the rest.
 */
function useDealMutation<V, R>(fn: (v: V) => Promise<R>, id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'influences' in data && 'id' in data) {
        qc.setQueryData(dealKeys.detail(String(data.id)), data);
      }
      void qc.invalidateQueries({ queryKey: dealKeys.all });
      void qc.invalidateQueries({ queryKey: ['pipeline'] });
      if (id) void qc.invalidateQueries({ queryKey: dealKeys.detail(id) });
    },
  });
}

export function useCreateOpportunity() {
  return useDealMutation((body: OpportunityCreate) => api.post<OpportunityDetail>('/api/opportunities', body));
}

export function useUpdateOpportunity() {
  return useDealMutation((v: { id: string; body: OpportunityUpdate }) =>
    api.patch<OpportunityDetail>(`/api/opportunities/${v.id}`, v.body),
  );
}

export function useDeleteOpportunity() {
  return useDealMutation((id: string) => api.del(`/api/opportunities/${id}`));
}

export function usePutCriteria(id: string) {
  return useDealMutation(
    (body: CriteriaBody) => api.put<OpportunityDetail>(`/api/opportunities/${id}/criteria`, body),
    id,
  );
}

export function useSaveInfluence(id: string) {
  return useDealMutation(
    (v: { influenceId?: string; body: InfluenceCreate | InfluenceUpdate }) =>
      v.influenceId
        ? api.patch<Influence>(`/api/opportunities/${id}/influences/${v.influenceId}`, v.body)
        : api.post<Influence>(`/api/opportunities/${id}/influences`, v.body),
    id,
  );
}

export function useDeleteInfluence(id: string) {
  return useDealMutation((influenceId: string) => api.del(`/api/opportunities/${id}/influences/${influenceId}`), id);
}

export function useAddNote(id: string) {
  return useDealMutation((body: NoteCreate) => api.post<unknown>(`/api/opportunities/${id}/notes`, body), id);
}

export function useDeleteNote(id: string) {
  return useDealMutation((noteId: string) => api.del(`/api/opportunities/${id}/notes/${noteId}`), id);
}

export function usePutCompetitors(id: string) {
  return useDealMutation(
    (body: DealCompetitorsPut) => api.put<OpportunityDetail>(`/api/opportunities/${id}/competitors`, body),
    id,
  );
}
