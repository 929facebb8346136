import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Reminders } from '../../../core/schemas/activities.ts';
import { api } from '../../lib/api.ts';

export const REMINDERS_KEY = ['reminders'] as const;

/** Reminders follow the clock (due today, overdue, birthdays) as much as writes, so they poll. */
export function useReminders() {
  return useQuery({
    queryKey: REMINDERS_KEY,
    queryFn: () => api.get<Reminders>('/api/reminders'),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkRemindersRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { keys: string[] } | { all: true }) => api.post<unknown>('/api/reminders/read', body),
    // Shown as read at once; the refetch brings the server's count.
    onMutate: (body) => {
      qc.setQueryData<Reminders>(REMINDERS_KEY, (old) => {
        if (!old) return old;
        const hit = (key: string) => 'all' in body || body.keys.includes(key);
        const newlyRead = old.items.filter((r) => !r.read && hit(r.key)).length;
        return {
          ...old,
          items: old.items.map((r) => (hit(r.key) ? { ...r, read: true } : r)),
          unread: 'all' in body ? 0 : Math.max(0, old.unread - newlyRead),
        };
      });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: REMINDERS_KEY }),
  });
}
