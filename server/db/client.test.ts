// The statement rewrite that lets PostgreSQL keep generic plans for paged lists.
import { describe, expect, it } from 'vitest';
import { inlineLimits } from './client.ts';

describe('inlineLimits', () => {
  it('writes integer LIMIT and OFFSET parameters into the text and renumbers the rest', () => {
    expect(inlineLimits('select * from t where a = $1 and b = $2 order by c limit $3 offset $4', ['x', 'y', 51, 100])).toEqual({
      text: 'select * from t where a = $1 and b = $2 order by c limit 51 offset 100',
      params: ['x', 'y'],
    });
    expect(inlineLimits('select * from (select * from t where a = $1 limit $2) p where p.b = $3 limit $4', ['x', 10, 'z', 1])).toEqual({
      text: 'select * from (select * from t where a = $1 limit 10) p where p.b = $2 limit 1',
      params: ['x', 'z'],
    });
  });

  it('leaves anything but a non-negative integer as a parameter', () => {
    const text = 'select * from t where a = $1 limit $2';
    expect(inlineLimits(text, ['x', '5'])).toEqual({ text, params: ['x', '5'] });
    expect(inlineLimits(text, ['x', -1])).toEqual({ text, params: ['x', -1] });
    expect(inlineLimits(text, ['x', 1.5])).toEqual({ text, params: ['x', 1.5] });
  });

  it('leaves the statement alone when the limit parameter is used elsewhere too', () => {
    const text = 'select $2::int as n from t where a = $1 limit $2';
    expect(inlineLimits(text, ['x', 5])).toEqual({ text, params: ['x', 5] });
  });
});
