import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListSummary } from '../../core/schemas/common.ts';
import { api } from './api.ts';

/** The lists with a summary endpoint; each is also the first part of its queries' keys. */
export type SummarisedList = 'accounts' | 'opportunities' | 'contacts' | 'activities' | 'tasks' | 'pool';

/**
 * 共 N 条 (and the amount sum) of a list for the filters it shows, from GET /api/<list>/summary with
 * the list's own query. Keyed under the list's resource, so every write that refreshes the list
 * refreshes its totals; asked once per filter, not once per page.
 */
export function useListSummary(list: SummarisedList, filters: Parameters<typeof api.get>[1], enabled = true) {
  return useQuery({
    queryKey: [list, 'summary', filters],
    queryFn: () => api.get<ListSummary>(`/api/${list}/summary`, { ...filters }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
