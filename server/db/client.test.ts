// The statement rewrite and SQL helpers that let PostgreSQL keep generic plans for lists.
import { describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { equalsLiteral, inlineLimits, oneOf, unpeeked, uuidArrayLiteral } from './client.ts';
import { opportunities } from './schema.ts';
import { DEAL_STATUSES } from '../../core/enums.ts';

describe('inlineLimits', () => {
  it('writes integer LIMIT and OFFSET parameters into the text and renumbers the rest', () => {
    expect(
      inlineLimits('select * from t where a = $1 and b = $2 order by c limit $3 offset $4', ['x', 'y', 51, 100]),
    ).toEqual({
      text: 'select * from t where a = $1 and b = $2 order by c limit 51 offset 100',
      params: ['x', 'y'],
    });
    expect(
      inlineLimits('select * from (select * from t where a = $1 limit $2) p where p.b = $3 limit $4', [
        'x',
        10,
        'z',
        1,
      ]),
    ).toEqual({
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

describe('literal helpers', () => {
  const dialect = new PgDialect();
  const render = (q: SQL) => dialect.sqlToQuery(q);
  const col = sql.raw('"t"."c"');

  it('writes one id as an equality and several as = any()', () => {
    expect(render(oneOf(col, ['a']))).toMatchObject({ sql: '"t"."c" = $1::uuid', params: ['a'] });
    expect(render(oneOf(col, ['a', 'b']))).toMatchObject({ sql: '"t"."c" = any($1::uuid[])', params: [['a', 'b']] });
  });

  it('writes closed-set values and uuid lists into the text, refusing anything else', () => {
    expect(render(equalsLiteral(opportunities.status, 'open', DEAL_STATUSES)).sql).toBe(
      `"opportunities"."status" = 'open'`,
    );
    expect(() => equalsLiteral(opportunities.status, "open' or 1=1 --", DEAL_STATUSES)).toThrow();
    const id = '018c1339-bc00-70fd-8fa1-b2f3857d67d0';
    expect(render(uuidArrayLiteral([id, id])).sql).toBe(`'{${id},${id}}'::uuid[]`);
    expect(() => uuidArrayLiteral([`${id}'`])).toThrow();
  });

  it('hides a value from the planner behind an InitPlan, still as a parameter', () => {
    expect(render(unpeeked('2031-05-05', 'date'))).toMatchObject({ sql: '(select $1::date)', params: ['2031-05-05'] });
  });
});
