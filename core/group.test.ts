import { describe, expect, it } from 'vitest';
import { groupBy } from './group.ts';

describe('groupBy', () => {
  it('keeps keys in first-seen order and values in input order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'a2', 'c1'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('leaves out items without a key and keeps what valueOf picks', () => {
    const teams = [
      { id: 't1', parentId: null },
      { id: 't2', parentId: 't1' },
      { id: 't3', parentId: 't1' },
    ];
    expect(
      groupBy(
        teams,
        (t) => t.parentId,
        (t) => t.id,
      ),
    ).toEqual(new Map([['t1', ['t2', 't3']]]));
  });
});
