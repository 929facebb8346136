import { describe, expect, it } from 'vitest';
import type { Board, BoardItem } from '../../../core/schemas/deals.ts';
import { withCardMoved } from './useBoardMove.ts';

const card = (id: string, stageId: string): BoardItem =>
  ({ id, stageId, name: id, version: 1, redFlagCodes: [] }) as unknown as BoardItem;
const column = (id: string, items: BoardItem[]): Board['columns'][number] => ({
  stage: { id, name: id, nameEn: null, probability: 10 },
  count: items.length + 5,
  amount: '100.00',
  weightedAmount: '10.00',
  items,
});

describe('withCardMoved', () => {
  const board: Board = { columns: [column('s1', [card('a', 's1'), card('b', 's1')]), column('s2', [card('c', 's2')])] };

  it('takes the card out of its column and puts it first in the target, with both counts', () => {
    const next = withCardMoved(board, 'a', 's2');
    expect(next.columns[0].items.map((d) => d.id)).toEqual(['b']);
    expect(next.columns[1].items.map((d) => [d.id, d.stageId])).toEqual([
      ['a', 's2'],
      ['c', 's2'],
    ]);
    expect(next.columns.map((c) => c.count)).toEqual([6, 7]);
    // The money totals are the server's to compute.
    expect(next.columns[1].amount).toBe('100.00');
  });

  it('leaves the board alone for its own column, an unknown card or a column not on the board', () => {
    expect(withCardMoved(board, 'a', 's1')).toBe(board);
    expect(withCardMoved(board, 'zz', 's2')).toBe(board);
    expect(withCardMoved(board, 'a', 'won')).toBe(board);
  });
});
