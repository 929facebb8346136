import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountCreate,
  AccountDetail,
  AccountListItem,
  AccountMembersPut,
  AccountUpdate,
} from '../../../core/schemas/accounts.ts';
import type { HistoryEntry, PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { accountKeys, type AccountFilters } from '../../lib/query-keys.ts';

const PAGE_SIZE = 30;

export function useAccountList(filters: AccountFilters) {
  return useInfiniteQuery({
    queryKey: accountKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<PageOf<AccountListItem>>('/api/accounts', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKeys.detail(id), queryFn: () => api.get<AccountDetail>(`/api/accounts/${id}`) });
}

export function useAccountHistory(id: string) {
  return useQuery({
    queryKey: accountKeys.history(id),
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/accounts/${id}/history`),
    select: (d) => d.items,
  });
}

/** Any account write can change lists, the detail, history and search; refresh them all. */
function useAccountMutation<V>(fn: (v: V) => Promise<AccountDetail | void>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data) qc.setQueryData(accountKeys.detail(data.id), data);
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      void qc.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

export function useCreateAccount() {
  return useAccountMutation((body: AccountCreate) => api.post<AccountDetail>('/api/accounts', body));
}

export function useUpdateAccount(id: string) {
  return useAccountMutation((body: AccountUpdate) => api.patch<AccountDetail>(`/api/accounts/${id}`, body));
}

export function useArchiveAccount(id: string) {
  return useAccountMutation((v: { version: number; restore: boolean }) =>
    api.post<AccountDetail>(`/api/accounts/${id}/${v.restore ? 'restore' : 'archive'}`, { version: v.version }),
  );
}

export function useDeleteAccount(id: string) {
  return useAccountMutation(() => api.del(`/api/accounts/${id}`));
}

export function usePutMembers(id: string) {
  return useAccountMutation((body: AccountMembersPut) => api.put<AccountDetail>(`/api/accounts/${id}/members`, body));
}
