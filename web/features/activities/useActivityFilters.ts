import dayjs from 'dayjs';
import { ACTIVITY_STATUSES } from '../../../core/enums.ts';
import type { Me } from '../../../core/schemas/org.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import type { ActivityFilters } from './api.ts';

export const ACTIVITY_FILTER_KEYS = [
  'q',
  'type',
  'status',
  'ownerId',
  'teamId',
  'accountId',
  'opportunityId',
  'from',
  'to',
  'sort',
  'view',
] as const;

/** Scheduled follow-ups further out than this many days are counted per deal, not listed. */
export const AUTO_LATER_DAYS = 30;
/** The default view's window: what is due in the next two weeks, and what is overdue. */
const UPCOMING_DAYS = 14;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * Where the list opens: the calls still to log up to two weeks ahead (overdue ones included), soonest
 * first — a rep's own, a manager's team's; admins and viewers see everyone's in their scope.
 */
export function defaultActivityView(me: Me): Record<string, string> {
  const who: Record<string, string> =
    me.role === 'rep' ? { ownerId: me.id } : me.role === 'manager' && me.teamId ? { teamId: me.teamId } : {};
  return {
    status: 'planned',
    to: dayjs().add(UPCOMING_DAYS, 'day').format('YYYY-MM-DD'),
    sort: 'soonest',
    ...who,
  };
}

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
    opportunityId: v.opportunityId,
    from: day(v.from)?.startOf('day').format(),
    to: day(v.to)?.add(1, 'day').startOf('day').format(),
    sort: oneOf(['newest', 'soonest'] as const, v.sort),
    // One deal's calls are shown whole; otherwise a year of follow-ups is counted, not listed.
    autoWithinDays: v.opportunityId ? undefined : AUTO_LATER_DAYS,
  };
  for (const k of Object.keys(filters) as (keyof ActivityFilters)[]) if (filters[k] === undefined) delete filters[k];
  // Nothing in the URL: the page puts the default view there (ActivitiesListPage).
  const empty = ACTIVITY_FILTER_KEYS.every((k) => !v[k]);
  return { ...p, filters, empty };
}
