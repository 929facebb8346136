import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PoolClaim,
  PoolPage,
  ProspectList,
  ProspectQuery,
  ProspectReview,
  ProspectReviewResult,
  ProspectSettings,
} from '../../../core/schemas/pool.ts';
import { api } from '../../lib/api.ts';
import { accountKeys } from '../../lib/query-keys.ts';

export const poolKeys = {
  pool: (q: string) => ['pool', 'list', q] as const,
  prospects: (q: ProspectQuery) => ['pool', 'prospects', q] as const,
  settings: ['settings', 'prospects'] as const,
};

const PAGE_SIZE = 30;

export function usePool(q: string) {
  return useInfiniteQuery({
    queryKey: poolKeys.pool(q),
    queryFn: ({ pageParam }) => api.get<PoolPage>('/api/pool', { q, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The ranked prospects a page at a time (by rank offset), loaded on with the lists' "load more". */
export function useProspects(q: Omit<ProspectQuery, 'limit' | 'offset'>, pageSize: number) {
  return useInfiniteQuery({
    queryKey: poolKeys.prospects(q),
    queryFn: ({ pageParam }) =>
      api.get<ProspectList>('/api/analysis/prospects', { ...q, limit: pageSize, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

export function useProspectSettings() {
  return useQuery({ queryKey: poolKeys.settings, queryFn: () => api.get<ProspectSettings>('/api/settings/prospects') });
}

/** Claims, reviews and settings change who owns what: the pool, the prospects and the account lists. */
function usePoolMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pool'] });
      void qc.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export function useClaim() {
  return usePoolMutation((id: string) => api.post<PoolClaim>(`/api/pool/${id}/claim`));
}

export function useReview() {
  return usePoolMutation((v: { id: string } & ProspectReview) =>
    api.post<ProspectReviewResult>(`/api/accounts/${v.id}/review`, { decision: v.decision, version: v.version }),
  );
}

export function usePutProspectSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProspectSettings) => api.put<ProspectSettings>('/api/settings/prospects', body),
    onSuccess: (data) => {
      qc.setQueryData(poolKeys.settings, data);
      void qc.invalidateQueries({ queryKey: ['pool'] });
    },
  });
}
