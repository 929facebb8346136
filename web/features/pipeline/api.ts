import { useQuery } from '@tanstack/react-query';
import type { Board, BoardQuery } from '../../../core/schemas/deals.ts';
import { api } from '../../lib/api.ts';

// Under the pipeline root, which every deal write refreshes.
export const boardKey = (q: BoardQuery) => ['pipeline', 'board', q] as const;

export function useBoard(q: BoardQuery) {
  return useQuery({ queryKey: boardKey(q), queryFn: () => api.get<Board>('/api/pipeline/board', { ...q }) });
}
