import type { AccountListItem } from '../../../core/schemas/accounts.ts';

/** The region as shown: the code's names, else the province and city text typed before the picker. */
export const regionText = (a: Pick<AccountListItem, 'regionName' | 'province' | 'city'>): string =>
  a.regionName ?? ([a.province, a.city].filter(Boolean).join(' · ') || '—');
