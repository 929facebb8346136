// 查重 of accounts: rows of the organisation with the same credit code or name key (migration 0037),
// whoever owns them, each with whether the caller may see it — the service decides what to show.
import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, users } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import { MATCH_LIMIT, type FoundRow } from '../../kernel/duplicates.ts';

export interface AccountProbe {
  nameKey?: string;
  creditCode?: string;
  excludeId?: string;
}

export async function findAccountDuplicates(db: Db, actor: Actor, probe: AccountProbe): Promise<FoundRow[]> {
  const tests: SQL[] = [];
  if (probe.creditCode) tests.push(eq(accounts.creditCode, probe.creditCode));
  if (probe.nameKey) tests.push(eq(accounts.nameKey, probe.nameKey));
  if (!tests.length) return [];
  const byCode = probe.creditCode ? sql`${accounts.creditCode} = ${probe.creditCode}` : sql`false`;
  const rows = await db
    .select({
      byCode: sql<boolean>`${byCode}`,
      inScope: sql<boolean>`${accountVisible(actor)}`,
      id: accounts.id,
      name: accounts.name,
      ownerName: users.name,
      unowned: sql<boolean>`${accounts.ownerId} is null`,
      archived: sql<boolean>`${accounts.archivedAt} is not null`,
    })
    .from(accounts)
    .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
    .where(
      and(
        eq(accounts.orgId, actor.orgId),
        or(...tests),
        // A merged account lives on as its survivor, which the check finds itself.
        isNull(accounts.mergedIntoId),
        probe.excludeId ? ne(accounts.id, probe.excludeId) : undefined,
      ),
    )
    // The credit code first (it decides the answer), then live before archived.
    .orderBy(
      ...(probe.creditCode ? [sql`${byCode} desc`] : []),
      sql`${accounts.archivedAt} is not null`,
      asc(accounts.name),
      asc(accounts.id),
    )
    .limit(MATCH_LIMIT);
  return rows.map(({ byCode: code, ...r }) => ({ ...r, field: code ? 'creditCode' : 'name' }));
}
