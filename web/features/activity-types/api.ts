import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ActivitySettings,
  ActivitySettingsPut,
  ActivityType,
  ActivityTypeCreate,
  ActivityTypeUpdate,
} from '../../../core/schemas/activities.ts';
import { api } from '../../lib/api.ts';

export type ActivitySettingsBody = Static<typeof ActivitySettingsPut>;

const TYPES_KEY = ['activity-types'] as const;
// The after-sales cadence is an activities setting, edited beside the types on this feature's page.
const SETTINGS_KEY = ['settings', 'activities'] as const;

export function useActivityTypes() {
  return useQuery({
    queryKey: TYPES_KEY,
    queryFn: () => api.get<{ items: ActivityType[] }>('/api/activity-types'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

function useTypesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: TYPES_KEY }) });
}

export function useCreateActivityType() {
  return useTypesMutation((body: ActivityTypeCreate) => api.post<ActivityType>('/api/activity-types', body));
}

export function useUpdateActivityType() {
  return useTypesMutation((v: { key: string; body: ActivityTypeUpdate }) =>
    api.patch<ActivityType>(`/api/activity-types/${v.key}`, v.body),
  );
}

export function useActivitySettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<ActivitySettings>('/api/settings/activities') });
}

export function usePutActivitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivitySettingsBody) => api.put<ActivitySettings>('/api/settings/activities', body),
    onSuccess: (data) => qc.setQueryData(SETTINGS_KEY, data),
  });
}
