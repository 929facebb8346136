// Whole-organisation analyses (Pareto, the scoring matrix) cost hundreds of milliseconds of
// database CPU for an admin and change only when their rows do. Their results are kept in the
// database, not in the process, so every app instance shares the entries and sees another
// instance's writes at once: an entry is used while the data versions it was computed at (bumped
// by triggers in the writing transaction, migration 0016) are still current.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { analysisCacheRepository, type DataDep } from '../db/analysis-cache.ts';
import { scopeKey, type Actor } from '../access/index.ts';

export type { DataDep } from '../db/analysis-cache.ts';

/** The entry's key: a hash of the route, the caller's scope and every parameter that shapes the result. */
export function analysisKey(route: string, actor: Actor, params: Record<string, unknown>): string {
  return createHash('sha1')
    .update(JSON.stringify({ route, scope: scopeKey(actor), params }))
    .digest('base64url');
}

/**
 * The stored result if the deps have not changed since it was computed, else computes and stores
 * it. The version is read BEFORE computing and outside any transaction with it: a write committed
 * in between bumps the version past the one stored with the result, so the entry only looks older
 * than its data and the next read recomputes; it can never look newer, because a write's rows and
 * its bump commit together and the compute starts after the version was read.
 */
export async function cached<T>(
  db: Db,
  orgId: string,
  key: string,
  deps: DataDep[],
  compute: () => Promise<T>,
): Promise<T> {
  const repo = analysisCacheRepository(db);
  const { version, payload } = await repo.lookup(orgId, key, deps);
  // jsonb null is never stored (payloads are objects and arrays), so null means no current entry.
  if (payload !== null && payload !== undefined) return payload as T;
  const value = await compute();
  await repo.store(orgId, key, version, value);
  return value;
}
