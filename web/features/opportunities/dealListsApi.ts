import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealLists } from '../../../core/deal-lists.ts';
import { api } from '../../lib/api.ts';

const KEY = ['settings', 'deal-lists'] as const;

/** The organisation's lost reasons and deal sources (everyone reads them; admins edit them). */
export const useDealLists = () =>
  useQuery({ queryKey: KEY, queryFn: () => api.get<DealLists>('/api/settings/deal-lists') });

export function usePutDealLists() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DealLists) => api.put<DealLists>('/api/settings/deal-lists', body),
    onSuccess: (saved) => qc.setQueryData(KEY, saved),
  });
}
