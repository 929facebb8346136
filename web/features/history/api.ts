import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '../../../core/schemas/audit.ts';
import { api } from '../../lib/api.ts';

export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit' | 'format'>;

/** The audit log page by page (newest first), for the filters on screen. */
export function useAuditLog(filters: AuditFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get<AuditPage>('/api/audit', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
