import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Robot, RobotCreate, RobotList, RobotUpdate } from '../../../core/schemas/robots.ts';
import type { DeliveryDetail } from '../../../core/schemas/webhooks.ts';
import { api } from '../../lib/api.ts';

const ROBOTS_KEY = ['robots'] as const;
/** The delivery log's queries (web/features/webhooks/api.ts): a test message shows there. */
const DELIVERIES_KEY = ['webhook-deliveries'] as const;

/** The organisation's group robots (one team's, when given), and the address their links use. */
export function useRobots(teamId: string | undefined) {
  return useQuery({
    queryKey: [...ROBOTS_KEY, teamId ?? null],
    queryFn: () => api.get<RobotList>('/api/robots', { teamId }),
    // While a message is retrying, its count moves on its own.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.recent.pending > 0) ? 5000 : false),
  });
}

function useRobotMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROBOTS_KEY });
      void qc.invalidateQueries({ queryKey: DELIVERIES_KEY });
    },
  });
}

export const useCreateRobot = () => useRobotMutation((body: RobotCreate) => api.post<Robot>('/api/robots', body));
export const useUpdateRobot = () =>
  useRobotMutation(({ id, ...body }: RobotUpdate & { id: string }) => api.patch<Robot>(`/api/robots/${id}`, body));
export const useDeleteRobot = () => useRobotMutation((id: string) => api.del(`/api/robots/${id}`));
export const useTestRobot = () => useRobotMutation((id: string) => api.post<DeliveryDetail>(`/api/robots/${id}/test`));
