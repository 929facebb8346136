import { useSearchParams } from 'react-router';
import { ACCOUNT_SORTS, type AccountSort } from '../../../core/schemas/accounts.ts';
import type { AccountFilters } from '../../lib/query-keys.ts';

const KEYS = [
  'q',
  'ownershipType',
  'scope',
  'financialStatus',
  'relationshipStage',
  'tier',
  'ownerId',
  'teamId',
  'tag',
  'province',
  'region',
  'industryCode',
  'parentId',
] as const;
type FilterKey = (typeof KEYS)[number];

/** Filters live in the URL so a filtered list can be bookmarked, shared and survives reload. */
export function useAccountFilters() {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | boolean> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const sortParam = params.get('sort');
  const sort: AccountSort = ACCOUNT_SORTS.includes(sortParam as AccountSort)
    ? (sortParam as AccountSort)
    : '-updatedAt';
  filters.sort = sort;
  if (params.get('archived') === 'true') filters.archived = true;

  const set = (key: FilterKey | 'sort' | 'archived', value: string | boolean | null | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === undefined || value === '' || value === false) next.delete(key);
        else next.set(key, String(value));
        return next;
      },
      { replace: true },
    );
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const get = (key: FilterKey): string | undefined => params.get(key) ?? undefined;

  // The values came from validated keys; the server validates enum values again.
  return { filters: filters as AccountFilters, sort, archived: filters.archived === true, get, set, clear };
}
