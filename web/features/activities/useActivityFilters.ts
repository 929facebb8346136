import dayjs from 'dayjs';
import { ACTIVITY_STATUSES } from '../../../core/enums.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import type { ActivityFilters } from './api.ts';

export const ACTIVITY_FILTER_KEYS = ['q', 'type', 'status', 'ownerId', 'teamId', 'accountId', 'from', 'to'] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * URL parameters → the list query. The period lives in the URL as two dates; the API takes the
 * half-open window [from 00:00, day after to 00:00) in the browser's time zone.
 */
export function useActivityFilters() {
  const p = useUrlParams(ACTIVITY_FILTER_KEYS);
  const v = p.values;
  const day = (s: string | undefined) =>
    s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid() ? dayjs(s) : undefined;
  const filters: ActivityFilters = {
    q: v.q,
    type: v.type,
    status: oneOf(ACTIVITY_STATUSES, v.status),
    ownerId: v.ownerId,
    teamId: v.teamId,
    accountId: v.accountId,
    from: day(v.from)?.startOf('day').format(),
    to: day(v.to)?.add(1, 'day').startOf('day').format(),
  };
  for (const k of Object.keys(filters) as (keyof ActivityFilters)[]) if (filters[k] === undefined) delete filters[k];
  return { ...p, filters };
}
