import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Board,
  BoardQuery,
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
  SavedView as SavedViewSchema,
  SavedViewCreate as SavedViewCreateSchema,
  SwotItem,
  SwotItemCreate as SwotItemCreateSchema,
  SwotItemUpdate as SwotItemUpdateSchema,
} from '../../../core/schemas/deals.ts';
import type { HistoryEntry, PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';

export type OpportunityFilters = Omit<OpportunityListQuery, 'cursor' | 'limit'>;
export type SavedView = Static<typeof SavedViewSchema>;
export type SavedViewCreate = Static<typeof SavedViewCreateSchema>;
export type SwotItemCreate = Static<typeof SwotItemCreateSchema>;
export type SwotItemUpdate = Static<typeof SwotItemUpdateSchema>;
export type NoteCreate = Static<typeof DealNoteCreate>;
export type CriteriaBody = Static<typeof CriteriaPut>;

export const dealKeys = {
  all: ['opportunities'] as const,
  list: (f: OpportunityFilters) => ['opportunities', 'list', f] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
  history: (id: string) => ['opportunities', 'history', id] as const,
  board: (q: BoardQuery) => ['pipeline', 'board', q] as const,
  swot: (base: string) => ['swot', base] as const,
  views: ['views', 'opportunities'] as const,
};

const PAGE_SIZE = 30;

export function useOpportunityList(filters: OpportunityFilters, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<PageOf<OpportunityListItem>>('/api/opportunities', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: dealKeys.detail(id), queryFn: () => api.get<OpportunityDetail>(`/api/opportunities/${id}`) });
}

export function useOpportunityHistory(id: string) {
  return useQuery({ queryKey: dealKeys.history(id), queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/opportunities/${id}/history`), select: (d) => d.items });
}

export function useBoard(q: BoardQuery) {
  return useQuery({ queryKey: dealKeys.board(q), queryFn: () => api.get<Board>('/api/pipeline/board', { ...q }) });
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
  return useDealMutation((v: { id: string; body: OpportunityUpdate }) => api.patch<OpportunityDetail>(`/api/opportunities/${v.id}`, v.body));
}

export function useDeleteOpportunity() {
  return useDealMutation((id: string) => api.del(`/api/opportunities/${id}`));
}

export function usePutCriteria(id: string) {
  return useDealMutation((body: CriteriaBody) => api.put<OpportunityDetail>(`/api/opportunities/${id}/criteria`, body), id);
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
  return useDealMutation((body: DealCompetitorsPut) => api.put<OpportunityDetail>(`/api/opportunities/${id}/competitors`, body), id);
}

/** base: "/api/accounts/:id" or "/api/opportunities/:id". */
export function useSwot(base: string) {
  return useQuery({ queryKey: dealKeys.swot(base), queryFn: () => api.get<{ items: SwotItem[] }>(`${base}/swot`), select: (d) => d.items });
}

export function useSwotMutations(base: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: dealKeys.swot(base) });
  return {
    add: useMutation({ mutationFn: (body: SwotItemCreate) => api.post<SwotItem>(`${base}/swot`, body), onSuccess: refresh }),
    update: useMutation({ mutationFn: (v: { id: string; body: SwotItemUpdate }) => api.patch<SwotItem>(`/api/swot/${v.id}`, v.body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (itemId: string) => api.del(`/api/swot/${itemId}`), onSuccess: refresh }),
  };
}

export function useSavedViews() {
  return useQuery({ queryKey: dealKeys.views, queryFn: () => api.get<{ items: SavedView[] }>('/api/views', { list: 'opportunities' }), select: (d) => d.items });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedViewCreate) => api.post<SavedView>('/api/views', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dealKeys.views }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/views/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dealKeys.views }),
  });
}
