import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityComplete,
  ActivityCompleted,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
} from '../../../core/schemas/activities.ts';
import type { PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { refreshActivityWorld } from '../../lib/query-keys.ts';

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;

export const activityKeys = {
  list: (f: ActivityFilters) => ['activities', 'list', f] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
};

export function useActivityList(filters: ActivityFilters, pageSize = 30, enabled = true) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    enabled,
    queryFn: ({ pageParam }) =>
      api.get<PageOf<Activity>>('/api/activities', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api.get<Activity>(`/api/activities/${id}`),
  });
}

function useActivityMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'plannedStart' in data)
        qc.setQueryData(activityKeys.detail((data as Activity).id), data);
      refreshActivityWorld(qc);
    },
  });
}

export function useCreateActivity() {
  return useActivityMutation((body: ActivityCreate) => api.post<Activity>('/api/activities', body));
}

export function useUpdateActivity() {
  return useActivityMutation((v: { id: string; body: ActivityUpdate }) =>
    api.patch<Activity>(`/api/activities/${v.id}`, v.body),
  );
}

export function useCompleteActivity() {
  return useActivityMutation((v: { id: string; body: ActivityComplete }) =>
    api.post<ActivityCompleted>(`/api/activities/${v.id}/complete`, v.body),
  );
}

export function useDeleteActivity() {
  return useActivityMutation((id: string) => api.del(`/api/activities/${id}`));
}
