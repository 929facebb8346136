import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Activity,
  ActivityComplete,
  ActivityCompleted,
  ActivityCreate,
  ActivityListQuery,
  ActivitySettings,
  ActivitySettingsPut,
  ActivityType,
  ActivityTypeCreate,
  ActivityTypeUpdate,
  ActivityUpdate,
} from '../../../core/schemas/activities.ts';
import type { PageOf } from '../../../core/schemas/common.ts';
import type { Opportunity } from '../../../core/schemas/deals.ts';
import { api } from '../../lib/api.ts';

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;
export type ActivitySettingsBody = Static<typeof ActivitySettingsPut>;

export const activityKeys = {
  list: (f: ActivityFilters) => ['activities', 'list', f] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  types: ['activity-types'] as const,
  settings: ['settings', 'activities'] as const,
};

/**
 * An activity or task write moves calendars, timelines, reminders, time spent, task lists and a
 * deal's last-activity date (the stale red flag) all at once.
 */
export function refreshActivityWorld(qc: QueryClient): void {
  for (const key of ['activities', 'tasks', 'calendar', 'timeline', 'reminders', 'analysis', 'opportunities', 'pipeline']) {
    void qc.invalidateQueries({ queryKey: [key] });
  }
}

export function useActivityTypes() {
  return useQuery({ queryKey: activityKeys.types, queryFn: () => api.get<{ items: ActivityType[] }>('/api/activity-types'), select: (d) => d.items, staleTime: 60_000 });
}

export function useActivityList(filters: ActivityFilters, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<PageOf<Activity>>('/api/activities', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: activityKeys.detail(id ?? ''), enabled: !!id, queryFn: () => api.get<Activity>(`/api/activities/${id}`) });
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

function useActivityMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'plannedStart' in data) qc.setQueryData(activityKeys.detail((data as Activity).id), data);
      refreshActivityWorld(qc);
    },
  });
}

export function useCreateActivity() {
  return useActivityMutation((body: ActivityCreate) => api.post<Activity>('/api/activities', body));
}

export function useUpdateActivity() {
  return useActivityMutation((v: { id: string; body: ActivityUpdate }) => api.patch<Activity>(`/api/activities/${v.id}`, v.body));
}

export function useCompleteActivity() {
  return useActivityMutation((v: { id: string; body: ActivityComplete }) => api.post<ActivityCompleted>(`/api/activities/${v.id}/complete`, v.body));
}

export function useDeleteActivity() {
  return useActivityMutation((id: string) => api.del(`/api/activities/${id}`));
}

function useTypesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: activityKeys.types }) });
}

export function useCreateActivityType() {
  return useTypesMutation((body: ActivityTypeCreate) => api.post<ActivityType>('/api/activity-types', body));
}

export function useUpdateActivityType() {
  return useTypesMutation((v: { key: string; body: ActivityTypeUpdate }) => api.patch<ActivityType>(`/api/activity-types/${v.key}`, v.body));
}

export function useActivitySettings() {
  return useQuery({ queryKey: activityKeys.settings, queryFn: () => api.get<ActivitySettings>('/api/settings/activities') });
}

export function usePutActivitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivitySettingsBody) => api.put<ActivitySettings>('/api/settings/activities', body),
    onSuccess: (data) => qc.setQueryData(activityKeys.settings, data),
  });
}
