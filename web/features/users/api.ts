import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserUpdate } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';
import { TEAMS_KEY, USERS_KEY } from '../../lib/org.ts';

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: UserCreate | UserUpdate }) =>
      v.id ? api.patch<User>(`/api/users/${v.id}`, v.body) : api.post<User>('/api/users', v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });
}
