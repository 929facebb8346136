import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TokenCreate, TokenCreated, TokenList } from '../../../core/schemas/tokens.ts';
import { api } from '../../lib/api.ts';

const TOKENS_KEY = ['tokens'] as const;

/** The caller's tokens; with `all`, an admin's view of every member's. */
export function useTokens(all: boolean) {
  return useQuery({
    queryKey: [...TOKENS_KEY, all],
    queryFn: () => api.get<TokenList>('/api/tokens', all ? { all: true } : undefined),
    select: (d) => d.items,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => api.post<TokenCreated>('/api/tokens', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/tokens/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
