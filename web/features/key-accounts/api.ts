import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Effort,
  EffortQuery,
  ParetoQuery,
  ParetoResult,
  ParetoSettings,
} from '../../../core/schemas/key-accounts.ts';
import { api } from '../../lib/api.ts';

export const paretoKeys = {
  pareto: (q: ParetoQuery) => ['analysis', 'pareto', q] as const,
  effort: (q: EffortQuery) => ['analysis', 'effort', q] as const,
  settings: ['settings', 'pareto'] as const,
};

/** The ranking with its charts and class totals; its ranked list a page at a time (by rank offset), loaded on with the lists' "load more". */
export function usePareto(q: Omit<ParetoQuery, 'limit' | 'offset'>, pageSize: number) {
  return useInfiniteQuery({
    queryKey: paretoKeys.pareto(q),
    queryFn: ({ pageParam }) =>
      api.get<ParetoResult>('/api/analysis/pareto', { ...q, limit: pageSize, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.itemsTotal ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

export function useEffort(q: EffortQuery) {
  return useQuery({
    queryKey: paretoKeys.effort(q),
    queryFn: () => api.get<Effort>('/api/analysis/effort', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function useParetoSettings() {
  return useQuery({ queryKey: paretoKeys.settings, queryFn: () => api.get<ParetoSettings>('/api/settings/pareto') });
}

/** New thresholds reclassify every ranking, new effort shares change the recommendation. */
export function usePutParetoSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ParetoSettings) => api.put<ParetoSettings>('/api/settings/pareto', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: paretoKeys.settings });
      void qc.invalidateQueries({ queryKey: ['analysis', 'pareto'] });
      void qc.invalidateQueries({ queryKey: ['analysis', 'effort'] });
    },
  });
}
