import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountMergeInput, ContactMergeInput, Merge } from '../../../core/schemas/merges.ts';
import { api } from '../../lib/api.ts';

/**
 * A merge or its undo moves contacts, deals, calls and tasks between accounts (attendances, links and
 * reporting lines between contacts): every view refreshes.
 */
function useMergeMutation<V>(fn: (v: V) => Promise<Merge>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries();
    },
  });
}

export function useMergeAccounts(targetId: string) {
  return useMergeMutation((body: AccountMergeInput) => api.post<Merge>(`/api/accounts/${targetId}/merge`, body));
}

export function useMergeContacts(targetId: string) {
  return useMergeMutation((body: ContactMergeInput) => api.post<Merge>(`/api/contacts/${targetId}/merge`, body));
}

export function useUndoMerge() {
  return useMergeMutation((id: string) => api.post<Merge>(`/api/merges/${id}/undo`));
}
