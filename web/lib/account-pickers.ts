import { useQuery } from '@tanstack/react-query';
import type { PageOf } from '../../core/schemas/common.ts';
import type { ContactListItem } from '../../core/schemas/contacts.ts';
import type { Opportunity } from '../../core/schemas/deals.ts';
import { api } from './api.ts';

// One account's contacts and deals, for the pickers in contact, deal, call and task forms.

/** Every contact of one account (for reportsTo pickers); accounts rarely have more than a few hundred. */
export function useAccountContacts(accountId: string | undefined) {
  return useQuery({
    queryKey: ['contacts', 'of-account', accountId],
    enabled: !!accountId,
    queryFn: async () => {
      const out: ContactListItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<PageOf<ContactListItem>>('/api/contacts', {
          accountId,
          cursor,
          limit: 200,
          sort: 'name',
        });
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && out.length < 2000);
      return out;
    },
  });
}

/** Deals of one account for the plan's deal picker; an account rarely has more than a page of them. */
export function useAccountDeals(accountId: string | undefined) {
  return useQuery({
    queryKey: ['opportunities', 'of-account', accountId],
    enabled: !!accountId,
    queryFn: () => api.get<PageOf<Opportunity>>('/api/opportunities', { accountId, limit: 200, sort: '-updatedAt' }),
    select: (d) => d.items,
  });
}
