import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Quota, QuotaCreate, QuotaList, QuotaListQuery, QuotaUpdate } from '../../../core/schemas/forecast.ts';
import { api } from '../../lib/api.ts';
import { forecastKeys } from '../forecast/api.ts';

const quotasKey = (q: QuotaListQuery) => [...forecastKeys.all, 'quotas', q] as const;

export function useQuotas(q: QuotaListQuery) {
  return useQuery({
    queryKey: quotasKey(q),
    queryFn: () => api.get<QuotaList>('/api/quotas', { ...q }),
    select: (d) => d.items,
  });
}

/** A quota changes attainment, coverage and the planner's default; refresh every forecast view. */
function useQuotaMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: forecastKeys.all });
      void qc.invalidateQueries({ queryKey: ['planner'] });
    },
  });
}

export function useSaveQuota() {
  return useQuotaMutation((v: { id?: string; body: QuotaCreate | QuotaUpdate }) =>
    v.id ? api.patch<Quota>(`/api/quotas/${v.id}`, v.body) : api.post<Quota>('/api/quotas', v.body),
  );
}

export function useDeleteQuota() {
  return useQuotaMutation((id: string) => api.del(`/api/quotas/${id}`));
}
