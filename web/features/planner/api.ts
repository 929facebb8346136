import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Plan, PlanActual, PlanActualQuery, PlanDraft, PlannerInput } from '../../../core/schemas/forecast.ts';
import { api } from '../../lib/api.ts';

export const plannerKeys = {
  all: ['planner'] as const,
  draft: (year: number, userId: string | undefined) => ['planner', 'draft', year, userId ?? 'me'] as const,
  actual: (q: PlanActualQuery) => ['planner', 'actual', q] as const,
};

/** Computes a plan without saving it: a what-if the rep can play with. */
export function useComputePlan() {
  return useMutation({ mutationFn: (body: PlannerInput) => api.post<Plan>('/api/planner', body) });
}

/**
 * Where the planner opens for a person and year: their saved plan, else the plan their quota gives,
 * else what is missing for one (no quota yet, …). One answer, never an error for a normal visit.
 */
export function useDraftPlan(year: number, userId: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.draft(year, userId),
    queryFn: () => api.get<PlanDraft>('/api/planner/draft', { year, userId }),
  });
}

export function useSavePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number; body: Omit<PlannerInput, 'year'> }) =>
      api.put<Plan>(`/api/planner/plans/${v.year}`, v.body),
    // Plan vs actual reads the saved plan too.
    onSuccess: () => void qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}

export function usePlanActual(q: PlanActualQuery) {
  return useQuery({
    queryKey: plannerKeys.actual(q),
    queryFn: () => api.get<PlanActual>('/api/planner/actual', { ...q }),
    placeholderData: (prev) => prev,
  });
}
