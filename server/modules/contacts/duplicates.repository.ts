// 查重 of contacts: rows of the organisation with the same mobile or e-mail key (migration 0037), on
// any account, each with whether the caller may see it — the service decides what to show.
import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, contacts, users } from '../../db/schema.ts';
import { contactVisible, type Actor } from '../../access/index.ts';
import { MATCH_LIMIT, type FoundRow } from '../../kernel/duplicates.ts';

export interface ContactProbe {
  mobileKey?: string | null;
  emailKey?: string | null;
  excludeId?: string;
}

export async function findContactDuplicates(db: Db, actor: Actor, probe: ContactProbe): Promise<FoundRow[]> {
  const tests: SQL[] = [];
  // '' is a value that matches nothing (core/import/names.ts gave no key): never looked up.
  if (probe.mobileKey) tests.push(eq(contacts.mobileKey, probe.mobileKey));
  if (probe.emailKey) tests.push(eq(contacts.emailKey, probe.emailKey));
  if (!tests.length) return [];
  const byMobile = probe.mobileKey ? sql`${contacts.mobileKey} = ${probe.mobileKey}` : sql`false`;
  const rows = await db
    .select({
      byMobile: sql<boolean>`${byMobile}`,
      inScope: sql<boolean>`${contactVisible(actor)}`,
      id: contacts.id,
      name: contacts.name,
      accountId: contacts.accountId,
      accountName: accounts.name,
      ownerName: users.name,
      unowned: sql<boolean>`${contacts.accountOwnerId} is null`,
      archived: sql<boolean>`${contacts.archivedAt} is not null`,
    })
    .from(contacts)
    .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
    .leftJoin(users, and(eq(users.orgId, contacts.orgId), eq(users.id, contacts.accountOwnerId)))
    .where(
      and(
        eq(contacts.orgId, actor.orgId),
        or(...tests),
        // A merged contact lives on as its survivor, which the check finds itself.
        isNull(contacts.mergedIntoId),
        probe.excludeId ? ne(contacts.id, probe.excludeId) : undefined,
      ),
    )
    .orderBy(sql`${contacts.archivedAt} is not null`, asc(contacts.name), asc(contacts.id))
    .limit(MATCH_LIMIT);
  return rows.map(({ byMobile: m, ...r }) => ({ ...r, field: m ? 'mobile' : 'email' }));
}
