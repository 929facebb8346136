import { useQuery } from '@tanstack/react-query';
import type { AccountGroup, AccountHealth, Whitespace, WhitespaceQuery } from '../../../core/schemas/health.ts';
import { api } from '../../lib/api.ts';

// Under the accounts key, so any account write (which may change contacts, deals or calls) refreshes them too.
export const healthKeys = {
  health: (id: string) => ['accounts', 'health', id] as const,
  group: (id: string) => ['accounts', 'group', id] as const,
  whitespace: (q: WhitespaceQuery) => ['accounts', 'whitespace', q] as const,
};

export function useAccountHealth(id: string) {
  return useQuery({
    queryKey: healthKeys.health(id),
    queryFn: () => api.get<AccountHealth>(`/api/accounts/${id}/health`),
  });
}

export function useAccountGroup(id: string) {
  return useQuery({
    queryKey: healthKeys.group(id),
    queryFn: () => api.get<AccountGroup>(`/api/accounts/${id}/group`),
  });
}

export function useWhitespace(q: WhitespaceQuery, enabled = true) {
  return useQuery({
    queryKey: healthKeys.whitespace(q),
    queryFn: () => api.get<Whitespace>('/api/analysis/whitespace', { ...q }),
    placeholderData: (prev) => prev,
    enabled,
  });
}
