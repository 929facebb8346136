import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface SortKey {
  expr: SQL;
  /** SQL type of the cursor value, which travels as JSON. */
  cast: string;
}

/** Keyset paging on (sort key, id): the ORDER BY and the "after the cursor" condition, matching an index on both. */
export function keyset(
  key: SortKey,
  id: PgColumn,
  descending: boolean,
  after: [string | number | null, string] | null,
) {
  const dir = descending ? desc : asc;
  const cmp = sql.raw(descending ? '<' : '>');
  return {
    where: after ? sql`(${key.expr}, ${id}) ${cmp} (${after[0]}::${sql.raw(key.cast)}, ${after[1]}::uuid)` : undefined,
    orderBy: [dir(key.expr), dir(id)],
  };
}
