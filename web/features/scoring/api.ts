import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountScore,
  ScorePage,
  ScoreQuery,
  ScoringModel,
  TierBulk,
  TierBulkResult,
} from '../../../core/schemas/key-accounts.ts';
import { api } from '../../lib/api.ts';

export type ScoreFilters = Omit<ScoreQuery, 'cursor' | 'limit'>;

const PAGE_SIZE = 50;

// Under 'accounts' so every account write (which re-scores) refreshes these too.
export const scoringKeys = {
  model: ['scoring', 'model'] as const,
  list: (f: ScoreFilters) => ['accounts', 'scores', f] as const,
  account: (id: string) => ['accounts', 'score', id] as const,
};

export function useScoringModel() {
  return useQuery({ queryKey: scoringKeys.model, queryFn: () => api.get<ScoringModel>('/api/settings/scoring') });
}

export function useScores(filters: ScoreFilters) {
  return useInfiniteQuery({
    queryKey: scoringKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<ScorePage>('/api/analysis/scores', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAccountScore(id: string) {
  return useQuery({
    queryKey: scoringKeys.account(id),
    queryFn: () => api.get<AccountScore>(`/api/accounts/${id}/score`),
  });
}

/** A new model re-scores every account, and new tiers change lists, details and history. */
function useScoringMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['scoring'] });
      void qc.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}

export const useSaveScoringModel = () =>
  useScoringMutation((m: ScoringModel) => api.put<ScoringModel>('/api/settings/scoring', m));
export const useSetTiers = () =>
  useScoringMutation((body: TierBulk) => api.post<TierBulkResult>('/api/accounts/tiers', body));
