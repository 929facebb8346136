import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../../../core/schemas/common.ts';
import type {
  BinEntity,
  RecycleBinItem,
  RecycleBinRestored,
  RecycleBinSettings,
} from '../../../core/schemas/recycle-bin.ts';
import { api } from '../../lib/api.ts';

export interface BinFilters {
  entity?: BinEntity;
  q?: string;
}

const keys = {
  list: (f: BinFilters) => ['recycle-bin', 'list', f] as const,
  settings: ['recycle-bin', 'settings'] as const,
};

export function useRecycleBin(filters: BinFilters, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: keys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<PageOf<RecycleBinItem>>('/api/recycle-bin', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A restored record reappears in lists, totals and analyses everywhere: every cached read is stale. */
export function useRestoreFromBin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<RecycleBinRestored>(`/api/recycle-bin/${id}/restore`),
    onSuccess: () => void qc.invalidateQueries(),
  });
}

export function usePurgeFromBin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/recycle-bin/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['recycle-bin'] }),
  });
}

export function useBinSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.get<RecycleBinSettings>('/api/settings/recycle-bin') });
}

export function usePutBinSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecycleBinSettings) => api.put<RecycleBinSettings>('/api/settings/recycle-bin', body),
    onSuccess: (data) => {
      qc.setQueryData(keys.settings, data);
      void qc.invalidateQueries({ queryKey: ['recycle-bin', 'list'] });
    },
  });
}
