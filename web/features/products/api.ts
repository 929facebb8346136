import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductCreate, ProductUpdate } from '../../../core/schemas/catalog.ts';
import { api } from '../../lib/api.ts';

export const PRODUCTS_KEY = ['products'] as const;

export function useProducts() {
  return useQuery({
    queryKey: PRODUCTS_KEY,
    queryFn: () => api.get<{ items: Product[] }>('/api/products'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

function useProductMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: PRODUCTS_KEY }) });
}

export function useSaveProduct() {
  return useProductMutation((v: { id?: string; body: ProductCreate | ProductUpdate }) =>
    v.id ? api.patch<Product>(`/api/products/${v.id}`, v.body) : api.post<Product>('/api/products', v.body),
  );
}

export function useDeleteProduct() {
  return useProductMutation((id: string) => api.del(`/api/products/${id}`));
}
