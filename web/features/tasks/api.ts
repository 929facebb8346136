import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskAssignees, TaskCreate, TaskListQuery, TaskUpdate } from '../../../core/schemas/tasks.ts';
import type { PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { refreshActivityWorld } from '../../lib/query-keys.ts';

export type TaskFilters = Omit<TaskListQuery, 'cursor' | 'limit'>;

export const taskKeys = {
  list: (f: TaskFilters) => ['tasks', 'list', f] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  assignees: (accountId: string | null) => ['tasks', 'assignees', accountId] as const,
};

export function useTaskList(filters: TaskFilters, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<PageOf<Task>>('/api/tasks', { ...filters, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api.get<Task>(`/api/tasks/${id}`),
  });
}

function useTaskMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'dueDate' in data)
        qc.setQueryData(taskKeys.detail((data as Task).id), data);
      refreshActivityWorld(qc);
    },
  });
}

export function useCreateTask() {
  return useTaskMutation((body: TaskCreate) => api.post<Task>('/api/tasks', body));
}

export function useUpdateTask() {
  return useTaskMutation((v: { id: string; body: TaskUpdate }) => api.patch<Task>(`/api/tasks/${v.id}`, v.body));
}

type TaskPages = InfiniteData<PageOf<Task>>;

/**
 * Ticking a task off shows at once in every loaded task list; the server's answer follows, and a
 * refusal puts each list back as it was (the caller says why).
 */
export function useToggleTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (k: Pick<Task, 'id' | 'version' | 'done'>) =>
      api.patch<Task>(`/api/tasks/${k.id}`, { version: k.version, done: !k.done } satisfies TaskUpdate),
    onMutate: async (k) => {
      await qc.cancelQueries({ queryKey: ['tasks', 'list'] });
      const before = qc.getQueriesData<TaskPages>({ queryKey: ['tasks', 'list'] });
      qc.setQueriesData<TaskPages>({ queryKey: ['tasks', 'list'] }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((p) => ({
                ...p,
                items: p.items.map((row) => (row.id === k.id ? { ...row, done: !k.done } : row)),
              })),
            }
          : old,
      );
      return { before };
    },
    onError: (_e, _k, ctx) => {
      for (const [key, data] of ctx?.before ?? []) qc.setQueryData(key, data);
    },
    onSuccess: (data) => qc.setQueryData(taskKeys.detail(data.id), data),
    onSettled: () => refreshActivityWorld(qc),
  });
}

export function useDeleteTask() {
  return useTaskMutation((id: string) => api.del(`/api/tasks/${id}`));
}

/** Whom a task on the account (or on none) may go to: the caller's data scope and the account's team. */
export function useTaskAssignees(accountId: string | null | undefined) {
  const id = accountId ?? null;
  return useQuery({
    queryKey: taskKeys.assignees(id),
    queryFn: () => api.get<TaskAssignees>('/api/tasks/assignees', id ? { accountId: id } : {}),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}
