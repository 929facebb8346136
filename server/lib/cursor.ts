import { searchQuery } from '../../core/search.ts';
import { fieldError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset cursor: the sort value and id of the last row of the previous page, opaque to clients. */
export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      const v = parsed[0];
      // A NUL was never ours (PostgreSQL text cannot hold one; comparing with it failed as a 500). Other
      // control characters are refused on input now, but a name saved before may hold one and be a
      // page's last sort value, so they stay valid here.
      if (v === null || typeof v === 'number' || (typeof v === 'string' && !v.includes('\u0000')))
        return [v, parsed[1]];
    }
  } catch {
    // fall through to the 400 below
  }
  throw fieldError('query.cursor', 'invalid');
}

export interface PageArgs {
  search: { grams: string[]; needle: string } | null;
  after: [string | number | null, string] | null;
  limit: number;
}

/**
 * One keyset page of a list: reads one row more than the page to learn whether another follows,
 * and turns the last row's sort value and id into the next cursor.
 */
export async function keysetPage<R>(
  query: { q?: string; cursor?: string; limit?: number },
  fetch: (args: PageArgs) => Promise<R[]>,
  cursorOf: (last: R) => [string | number | null, string],
): Promise<{ rows: R[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await fetch({
    search: query.q ? searchQuery(query.q) : null,
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(...cursorOf(last)) : null };
}
