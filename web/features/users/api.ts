import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountListItem } from '../../../core/schemas/accounts.ts';
import type { PageOf } from '../../../core/schemas/common.ts';
import type { HandoverInput, HandoverSummary } from '../../../core/schemas/handover.ts';
import type { User, UserCreate, UserUpdate } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';
import { TEAMS_KEY, USERS_KEY } from '../../lib/org.ts';

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: UserCreate | UserUpdate }) =>
      v.id ? api.patch<User>(`/api/users/${v.id}`, v.body) : api.post<User>('/api/users', v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });
}

/**
 * Whom the caller may hand over, from and to (the server's handover rule: an admin's organisation, a
 * manager's scope). Under the users key, so a saved user refreshes it too.
 */
export function useHandoverPeople() {
  return useQuery({
    queryKey: [...USERS_KEY, 'handover'],
    queryFn: () => api.get<{ items: User[] }>('/api/handovers/people'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

/** What a handover would move; asked again whenever the receiver or the chosen accounts change. */
export function useHandoverPreview(body: HandoverInput | null) {
  return useQuery({
    queryKey: ['handovers', 'preview', body],
    queryFn: () => api.post<HandoverSummary>('/api/handovers/preview', body),
    enabled: body !== null,
    staleTime: 0,
  });
}

export function useHandover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: HandoverInput) => api.post<HandoverSummary>('/api/handovers', body),
    // Accounts, deals, calls, tasks, boards, forecasts and the pool all changed hands: refetch everything.
    onSuccess: () => void qc.invalidateQueries(),
  });
}

/** The from-user's accounts, searched on the server (a rep may hold thousands). */
export function useOwnedAccounts(ownerId: string, q: string) {
  return useQuery({
    queryKey: ['accounts', 'picker', 'owner', ownerId, q],
    queryFn: () =>
      api.get<PageOf<AccountListItem>>('/api/accounts', { ownerId, q, limit: 50, sort: 'name', health: false }),
    staleTime: 30_000,
  });
}
