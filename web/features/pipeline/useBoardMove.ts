import { useQueryClient } from '@tanstack/react-query';
import type { Board, BoardItem, BoardQuery } from '../../../core/schemas/deals.ts';
import { useMoveStage } from '../opportunities/useMoveStage.tsx';
import { boardKey } from './api.ts';

/**
 * The board with one card moved to another column, at its top. Counts follow the card; the money
 * totals wait for the server's board (weighted amounts are rounded there, per deal).
 */
export function withCardMoved(board: Board, dealId: string, stageId: string): Board {
  const card = board.columns.flatMap((c) => c.items).find((d) => d.id === dealId);
  if (!card || card.stageId === stageId || !board.columns.some((c) => c.stage.id === stageId)) return board;
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stage.id === card.stageId)
        return { ...c, count: c.count - 1, items: c.items.filter((d) => d.id !== dealId) };
      if (c.stage.id === stageId) return { ...c, count: c.count + 1, items: [{ ...card, stageId }, ...c.items] };
      return c;
    }),
  };
}

/**
 * Moving a card on the board shows it in the new column at once; the save follows (with its
 * unmet-criteria question), and a refusal or a cancel puts the card back.
 */
export function useBoardMove(query: BoardQuery) {
  const qc = useQueryClient();
  const { move } = useMoveStage();
  const key = boardKey(query);

  return async (deal: BoardItem, stageId: string, stageName: string): Promise<void> => {
    await qc.cancelQueries({ queryKey: key });
    const before = qc.getQueryData<Board>(key);
    if (before) qc.setQueryData<Board>(key, withCardMoved(before, deal.id, stageId));
    const moved = await move(deal, stageId, stageName, {}, () => void qc.invalidateQueries({ queryKey: key }));
    if (!moved && before) qc.setQueryData<Board>(key, before);
  };
}
