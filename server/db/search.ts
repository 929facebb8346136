import { and, arrayContains, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

interface Searchable {
  id: PgColumn;
  orgId: PgColumn;
  searchGrams: PgColumn;
  searchText: PgColumn;
}

/** Above this many matches a term is common: walking the sort index finds a page of them quickly. */
const RARE_LIMIT = 2000;

/**
 * The search condition of a list, chosen by how common the term is. Left to itself, the planner
 * guesses: for a rare term it may walk the whole sort index looking for matches; for a common one,
 * collecting every match through the GIN index and sorting them is slow. So the matches are
 * collected first, up to a cap: a rare term becomes `id in (…)`; a common one stays a row filter
 * (GIN-indexed grams, then the exact substring on the normalised text).
 */
export async function searchCondition(db: Db, table: PgTable & Searchable, orgId: string, search: { grams: string[]; needle: string }): Promise<SQL> {
  const matches = and(eq(table.orgId, orgId), arrayContains(table.searchGrams, search.grams), sql`strpos(${table.searchText}, ${search.needle}) > 0`)!;
  const ids = await db.select({ id: table.id }).from(table).where(matches).limit(RARE_LIMIT + 1);
  if (ids.length > RARE_LIMIT) return matches;
  if (!ids.length) return sql`false`;
  return inArray(
    table.id,
    ids.map((r) => r.id as string),
  );
}
