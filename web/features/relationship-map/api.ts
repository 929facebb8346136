import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelationshipMap, Stakeholders } from '../../../core/schemas/relationship-map.ts';
import type { Contact, ContactLink, ContactLinkCreate, ContactUpdate } from '../../../core/schemas/contacts.ts';
import type { Influence, InfluenceUpdate } from '../../../core/schemas/deals.ts';
import { api } from '../../lib/api.ts';

/** A map belongs to an account or to a deal; both read the same shape. */
export type MapSource = { kind: 'account' | 'deal'; id: string };

export const relmapKeys = {
  all: ['relmap'] as const,
  map: (s: MapSource) => ['relmap', s.kind, s.id] as const,
  stakeholders: (accountId: string) => ['relmap', 'stakeholders', accountId] as const,
};

export function useRelationshipMap(s: MapSource) {
  return useQuery({
    queryKey: relmapKeys.map(s),
    queryFn: () =>
      api.get<RelationshipMap>(`/api/${s.kind === 'account' ? 'accounts' : 'opportunities'}/${s.id}/relationship-map`),
  });
}

export function useStakeholders(accountId: string) {
  return useQuery({
    queryKey: relmapKeys.stakeholders(accountId),
    queryFn: () => api.get<Stakeholders>(`/api/accounts/${accountId}/stakeholders`),
  });
}

/** Map edits are contact, link and influence writes: refresh the maps and every view those feed. */
function useMapWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const key of [relmapKeys.all, ['contacts'], ['accounts', 'org-chart'], ['opportunities', 'detail']])
        void qc.invalidateQueries({ queryKey: key });
    },
  });
}

export const useAddLink = () =>
  useMapWrite((body: ContactLinkCreate) => api.post<ContactLink>('/api/contact-links', body));
export const useRemoveLink = () => useMapWrite((id: string) => api.del(`/api/contact-links/${id}`));
export const usePatchContact = () =>
  useMapWrite(({ id, body }: { id: string; body: ContactUpdate }) => api.patch<Contact>(`/api/contacts/${id}`, body));
export const usePatchInfluence = () =>
  useMapWrite(({ dealId, influenceId, body }: { dealId: string; influenceId: string; body: InfluenceUpdate }) =>
    api.patch<Influence>(`/api/opportunities/${dealId}/influences/${influenceId}`, body),
  );
