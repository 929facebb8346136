import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

interface Searchable {
  id: PgColumn;
  orgId: PgColumn;
  searchGrams: PgColumn;
  searchText: PgColumn;
}

/**
 * `id = any(array(<matches>))`: the matches are collected first through the GIN index (an InitPlan),
 * then sorted and paged. Written inline with ORDER BY … LIMIT, the planner may instead walk the
 * sort index and filter, which reads every row when a term matches few or none.
 */
export function searchMatches(table: PgTable & Searchable, orgId: string, search: { grams: string[]; needle: string }): SQL {
  const grams = sql`array[${sql.join(
    search.grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;
  return sql`${table.id} = any(array(select s.id from ${table} s where s.org_id = ${orgId} and s.search_grams @> ${grams} and strpos(s.search_text, ${search.needle}) > 0))`;
}
