import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListSummary } from '../../core/schemas/common.ts';
import { api } from './api.ts';

/**
 * The lists with a summary endpoint: where it is, and the key its queries sit under — the list's own
 * resource, so every write that refreshes the list refreshes its totals. Scores live under 'accounts'
 * with their list (every account write re-scores).
 */
const SUMMARIES = {
  accounts: { path: '/api/accounts/summary', key: ['accounts'] },
  opportunities: { path: '/api/opportunities/summary', key: ['opportunities'] },
  contacts: { path: '/api/contacts/summary', key: ['contacts'] },
  activities: { path: '/api/activities/summary', key: ['activities'] },
  tasks: { path: '/api/tasks/summary', key: ['tasks'] },
  pool: { path: '/api/pool/summary', key: ['pool'] },
  'recycle-bin': { path: '/api/recycle-bin/summary', key: ['recycle-bin'] },
  scores: { path: '/api/analysis/scores/summary', key: ['accounts', 'scores'] },
} as const;

export type SummarisedList = keyof typeof SUMMARIES;

/**
 * 共 N 条 (and the amount sum) of a list for the filters it shows, from the list's summary endpoint with
 * the list's own query; asked once per filter, not once per page.
 */
export function useListSummary(list: SummarisedList, filters: Parameters<typeof api.get>[1], enabled = true) {
  const { path, key } = SUMMARIES[list];
  return useQuery({
    queryKey: [...key, 'summary', filters],
    queryFn: () => api.get<ListSummary>(path, { ...filters }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
