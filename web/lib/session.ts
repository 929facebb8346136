import { createContext, useContext } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../core/schemas/org.ts';
import { api, ApiError } from './api.ts';

export const ME_KEY = ['me'] as const;
export const SETUP_KEY = ['setup'] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'),
    staleTime: Infinity,
  });
}

export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/auth/me');
      } catch (e) {
        // Not signed in is a normal state here, not an error.
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** After sign-out or a 401, forget everything cached for the previous session. */
export function resetSession(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== SETUP_KEY[0] });
  qc.setQueryData(ME_KEY, null);
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid under RequireAuth, which never renders its children without one. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

export function canWrite(me: Me): boolean {
  return me.role !== 'viewer';
}
