import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Delivery,
  DeliveryDetail,
  DeliveryPage,
  OutboundSettings,
  WebhookCreate,
  WebhookList,
  WebhookUpdate,
  WebhookWithSecret,
  Webhook,
} from '../../../core/schemas/webhooks.ts';
import { api } from '../../lib/api.ts';

const WEBHOOKS_KEY = ['webhooks'] as const;
const DELIVERIES_KEY = ['webhook-deliveries'] as const;
const OUTBOUND_KEY = ['settings', 'outbound'] as const;

export function useWebhooks() {
  return useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: () => api.get<WebhookList>('/api/webhooks'),
    select: (d) => d.items,
  });
}

function useWebhookMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: WEBHOOKS_KEY });
      void qc.invalidateQueries({ queryKey: DELIVERIES_KEY });
    },
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: WebhookCreate) => api.post<WebhookWithSecret>('/api/webhooks', body));
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, ...body }: WebhookUpdate & { id: string }) =>
    api.patch<Webhook>(`/api/webhooks/${id}`, body),
  );
export const useDeleteWebhook = () => useWebhookMutation((id: string) => api.del(`/api/webhooks/${id}`));
export const useRotateSecret = () =>
  useWebhookMutation((id: string) => api.post<WebhookWithSecret>(`/api/webhooks/${id}/secret`));
export const useTestWebhook = () => useWebhookMutation((id: string) => api.post<Delivery>(`/api/webhooks/${id}/test`));
export const useResend = () =>
  useWebhookMutation((deliveryId: string) => api.post<Delivery>(`/api/webhook-deliveries/${deliveryId}/resend`));

/** A target's deliveries (a webhook's or a group robot's), newest first, refreshed while some are retrying. */
export function useDeliveries(targetId: string | null, status: Delivery['status'] | undefined) {
  return useInfiniteQuery({
    queryKey: [...DELIVERIES_KEY, targetId, status],
    enabled: !!targetId,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<DeliveryPage>(`/api/webhooks/${targetId}/deliveries`, { status, cursor: pageParam, limit: 50 }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 5000 : false,
  });
}

export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: [...DELIVERIES_KEY, 'one', id],
    enabled: !!id,
    queryFn: () => api.get<DeliveryDetail>(`/api/webhook-deliveries/${id}`),
  });
}

export function useOutbound() {
  return useQuery({ queryKey: OUTBOUND_KEY, queryFn: () => api.get<OutboundSettings>('/api/settings/outbound') });
}

export function usePutOutbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OutboundSettings) => api.put<OutboundSettings>('/api/settings/outbound', body),
    onSuccess: (data) => qc.setQueryData(OUTBOUND_KEY, data),
  });
}
