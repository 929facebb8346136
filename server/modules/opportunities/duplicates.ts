// 撞单: an open deal of the same account with the same normalised name (migration 0037's name key) is
// most often the same deal entered twice — three identical ¥3M deals inflate a funnel by ¥6M. A write
// that would make one answers 409 duplicate_deal unless the caller confirmed (allowDuplicate).
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opportunities, users } from '../../db/schema.ts';
import { dealNameKey, lockMatchingKeys } from '../../db/duplicate-keys.ts';
import { dealVisible, type Actor } from '../../access/index.ts';
import { duplicateError, MATCH_LIMIT, presentMatch, type FoundRow } from '../../kernel/duplicates.ts';
import type { DuplicateMatch } from '../../../core/schemas/common.ts';

/** Open deals of the account whose name matches, as the caller may see them (a deal follows its account). */
export async function dealDuplicates(
  db: Db,
  actor: Actor,
  probe: { accountId: string; name: string; excludeId?: string },
): Promise<DuplicateMatch[]> {
  const key = dealNameKey(probe.name);
  if (!key) return [];
  const rows: FoundRow[] = await db
    .select({
      field: sql<'name'>`'name'`,
      inScope: sql<boolean>`${dealVisible(actor)}`,
      id: opportunities.id,
      name: opportunities.name,
      ownerName: users.name,
      unowned: sql<boolean>`${opportunities.ownerId} is null`,
    })
    .from(opportunities)
    .leftJoin(users, and(eq(users.orgId, opportunities.orgId), eq(users.id, opportunities.ownerId)))
    .where(
      and(
        eq(opportunities.orgId, actor.orgId),
        eq(opportunities.accountId, probe.accountId),
        eq(opportunities.nameKey, key),
        eq(opportunities.status, 'open'),
        probe.excludeId ? ne(opportunities.id, probe.excludeId) : undefined,
      ),
    )
    .orderBy(asc(opportunities.createdAt), asc(opportunities.id))
    .limit(MATCH_LIMIT);
  return rows.map((r) => presentMatch(actor, r));
}

/** Refuses a write that would leave a second open deal of this name on the account, unless confirmed. */
export async function assertNoDuplicateDeal(
  tx: Db,
  actor: Actor,
  probe: { accountId: string; name: string; excludeId?: string },
): Promise<void> {
  // Two writers of one deal take turns: the second's check sees the first's row (db/duplicate-keys.ts).
  const key = dealNameKey(probe.name);
  if (key) await lockMatchingKeys(tx, [`deal:${actor.orgId}:${probe.accountId}:${key}`]);
  const matches = await dealDuplicates(tx, actor, probe);
  if (matches.length) throw duplicateError('duplicate_deal', [{ path: 'name', code: 'deal_name_taken' }], matches);
}
