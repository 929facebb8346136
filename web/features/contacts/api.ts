import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Contact,
  ContactCreate,
  ContactLink,
  ContactLinkCreate,
  ContactListItem,
  ContactListQuery,
  ContactUpdate,
  OrgChart,
} from '../../../core/schemas/contacts.ts';
import type { HistoryEntry, PageOf } from '../../../core/schemas/common.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import { api } from '../../lib/api.ts';
import { accountKeys } from '../../lib/query-keys.ts';

export type ContactFilters = Omit<ContactListQuery, 'cursor' | 'limit'>;

export const contactKeys = {
  all: ['contacts'] as const,
  list: (f: ContactFilters) => ['contacts', 'list', f] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
  history: (id: string) => ['contacts', 'history', id] as const,
  links: (id: string) => ['contacts', 'links', id] as const,
};

export function useContactList(filters: ContactFilters, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<PageOf<ContactListItem>>('/api/contacts', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Its account's ownership type: whether a contact form asks for government intelligence (core/enums hasGovIntel). */
export function useAccountOwnership(accountId: string | undefined) {
  return useQuery({
    queryKey: ['accounts', 'detail', accountId],
    enabled: !!accountId,
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${accountId}`),
    select: (a) => a.ownershipType,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.detail(id), queryFn: () => api.get<Contact>(`/api/contacts/${id}`) });
}

export function useOrgChart(id: string) {
  return useQuery({
    queryKey: accountKeys.orgChart(id),
    queryFn: () => api.get<OrgChart>(`/api/accounts/${id}/org-chart`),
  });
}

export function useContactHistory(id: string) {
  return useQuery({
    queryKey: contactKeys.history(id),
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/contacts/${id}/history`),
    select: (d) => d.items,
  });
}

export function useContactLinks(id: string) {
  return useQuery({
    queryKey: contactKeys.links(id),
    queryFn: () => api.get<{ items: ContactLink[] }>(`/api/contacts/${id}/links`),
    select: (d) => d.items,
  });
}

/** Contacts feed account pages (count, org chart) and search too. */
function useContactMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'accountId' in data)
        qc.setQueryData(contactKeys.detail((data as Contact).id), data);
      void qc.invalidateQueries({ queryKey: contactKeys.all });
      void qc.invalidateQueries({ queryKey: ['accounts', 'org-chart'] });
      void qc.invalidateQueries({ queryKey: ['accounts', 'detail'] });
      void qc.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

export function useCreateContact() {
  return useContactMutation((body: ContactCreate) => api.post<Contact>('/api/contacts', body));
}

export function useUpdateContact(id: string) {
  return useContactMutation((body: ContactUpdate) => api.patch<Contact>(`/api/contacts/${id}`, body));
}

export function useArchiveContact(id: string) {
  return useContactMutation((v: { version: number; restore: boolean }) =>
    api.post<Contact>(`/api/contacts/${id}/${v.restore ? 'restore' : 'archive'}`, { version: v.version }),
  );
}

export function useDeleteContact(id: string) {
  return useContactMutation(() => api.del(`/api/contacts/${id}`));
}

export function useCreateLink() {
  return useContactMutation((body: ContactLinkCreate) => api.post<ContactLink>('/api/contact-links', body));
}

export function useDeleteLink() {
  return useContactMutation((id: string) => api.del(`/api/contact-links/${id}`));
}
