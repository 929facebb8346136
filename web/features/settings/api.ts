import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgTimeZone } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';

const TIME_ZONE = ['settings', 'time-zone'] as const;

/** The zone the organisation names its days in. */
export const useOrgTimeZone = () =>
  useQuery({ queryKey: TIME_ZONE, queryFn: () => api.get<OrgTimeZone>('/api/settings/time-zone') });

export function usePutOrgTimeZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgTimeZone) => api.put<OrgTimeZone>('/api/settings/time-zone', body),
    // Every period, "today" and overdue mark is named in the zone: read them all again.
    onSuccess: () => qc.invalidateQueries(),
  });
}
