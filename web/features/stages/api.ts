import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Competitor,
  CompetitorCreate,
  CompetitorUpdate,
  Product,
  ProductCreate,
  ProductUpdate,
  Stage,
  StageCreate,
  StageUpdate,
} from '../../../core/schemas/deals.ts';
import { api } from '../../lib/api.ts';

export const STAGES_KEY = ['stages'] as const;
export const PRODUCTS_KEY = ['products'] as const;
export const COMPETITORS_KEY = ['competitors'] as const;

export function useStages() {
  return useQuery({ queryKey: STAGES_KEY, queryFn: () => api.get<{ items: Stage[] }>('/api/stages'), select: (d) => d.items, staleTime: 60_000 });
}

export function useProducts() {
  return useQuery({ queryKey: PRODUCTS_KEY, queryFn: () => api.get<{ items: Product[] }>('/api/products'), select: (d) => d.items, staleTime: 60_000 });
}

export function useCompetitors() {
  return useQuery({ queryKey: COMPETITORS_KEY, queryFn: () => api.get<{ items: Competitor[] }>('/api/competitors'), select: (d) => d.items, staleTime: 60_000 });
}

/** Stage names and probabilities show on every deal, board column and list row; refresh all of them. */
function useCatalogMutation<V, R>(key: readonly string[], fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      if (key === STAGES_KEY) {
        void qc.invalidateQueries({ queryKey: ['opportunities'] });
        void qc.invalidateQueries({ queryKey: ['pipeline'] });
      }
    },
  });
}

export function useSaveStage() {
  return useCatalogMutation(STAGES_KEY, (v: { id?: string; body: StageCreate | StageUpdate }) =>
    v.id ? api.patch<Stage>(`/api/stages/${v.id}`, v.body) : api.post<Stage>('/api/stages', v.body),
  );
}

export function useDeleteStage() {
  return useCatalogMutation(STAGES_KEY, (id: string) => api.del(`/api/stages/${id}`));
}

export function useReorderStages() {
  return useCatalogMutation(STAGES_KEY, (ids: string[]) => api.put<unknown>('/api/stages/order', { ids }));
}

export function useSaveProduct() {
  return useCatalogMutation(PRODUCTS_KEY, (v: { id?: string; body: ProductCreate | ProductUpdate }) =>
    v.id ? api.patch<Product>(`/api/products/${v.id}`, v.body) : api.post<Product>('/api/products', v.body),
  );
}

export function useDeleteProduct() {
  return useCatalogMutation(PRODUCTS_KEY, (id: string) => api.del(`/api/products/${id}`));
}

export function useSaveCompetitor() {
  return useCatalogMutation(COMPETITORS_KEY, (v: { id?: string; body: CompetitorCreate | CompetitorUpdate }) =>
    v.id ? api.patch<Competitor>(`/api/competitors/${v.id}`, v.body) : api.post<Competitor>('/api/competitors', v.body),
  );
}

export function useDeleteCompetitor() {
  return useCatalogMutation(COMPETITORS_KEY, (id: string) => api.del(`/api/competitors/${id}`));
}
