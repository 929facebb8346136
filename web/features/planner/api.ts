import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Plan, PlanActual, PlanActualQuery, PlannerInput } from '../../../core/schemas/forecast.ts';
import { api, ApiError } from '../../lib/api.ts';

export const plannerKeys = {
  all: ['planner'] as const,
  saved: (year: number, userId: string | undefined) => ['planner', 'saved', year, userId ?? 'me'] as const,
  actual: (q: PlanActualQuery) => ['planner', 'actual', q] as const,
};

/** Computes a plan without saving it: a what-if the rep can play with. */
export function useComputePlan() {
  return useMutation({ mutationFn: (body: PlannerInput) => api.post<Plan>('/api/planner', body) });
}

/** The person's saved plan for the year, or null when none is saved yet (the API answers 404). */
export function useSavedPlan(year: number, userId: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.saved(year, userId),
    queryFn: async (): Promise<Plan | null> => {
      try {
        return await api.get<Plan>(`/api/planner/plans/${year}`, { userId });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
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
