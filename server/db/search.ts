import { and, arrayContains, eq, getTableName, inArray, sql, type SQL } from 'drizzle-orm';
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
 * Terms recently found common, per table and org. Collecting a common term's matches through the GIN
 * index costs tens of milliseconds (the bitmap holds every match), and the answer changes slowly, so
 * it is remembered for a while. Only speed depends on it: both conditions return exactly the matches.
 */
const commonTerms = new Map<string, number>();
const COMMON_TTL_MS = 10 * 60_000;
const MAX_COMMON_TERMS = 1000;

/**
 * The search condition of a list, chosen by how common the term is. Left to itself, the planner
 * guesses: for a rare term it may walk the whole sort index looking for matches; for a common one,
 * collecting every match through the GIN index and sorting them is slow. So the matches are
 * collected first, up to a cap: a rare term becomes `id in (…)`. A common one becomes, with `walk`,
 * the exact substring test alone, so the list walks its sort (or scope) index and stops after a
 * page; without it, the grams stay in the condition and the planner ANDs a bitmap of every match
 * with the scope's — cheaper when the scope is a few thousand rows, far dearer when the term's
 * bitmap is tens of thousands (callers choose; measured in bench/RESULTS.md).
 */
export async function searchCondition(
  db: Db,
  table: PgTable & Searchable,
  orgId: string,
  search: { grams: string[]; needle: string },
  walk: boolean,
): Promise<SQL> {
  const substring = and(eq(table.orgId, orgId), sql`strpos(${table.searchText}, ${search.needle}) > 0`)!;
  const withGrams = () => and(substring, arrayContains(table.searchGrams, search.grams))!;
  const key = `${getTableName(table)}:${orgId}:${search.needle}`;
  const known = commonTerms.get(key);
  if (known !== undefined && known > Date.now()) return walk ? substring : withGrams();
  const matches = withGrams();
  const ids = await db
    .select({ id: table.id })
    .from(table)
    .where(matches)
    .limit(RARE_LIMIT + 1);
  if (ids.length > RARE_LIMIT) {
    if (commonTerms.size >= MAX_COMMON_TERMS) commonTerms.clear();
    commonTerms.set(key, Date.now() + COMMON_TTL_MS);
    return walk ? substring : matches;
  }
  commonTerms.delete(key);
  if (!ids.length) return sql`false`;
  return inArray(
    table.id,
    ids.map((r) => r.id as string),
  );
}
