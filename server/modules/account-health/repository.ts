import { and, isNull, or, sql } from 'drizzle-orm';
import { oneOf, rowsOf, type Db } from '../../db/client.ts';
import { accounts } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import { healthFacts, type HealthFactColumns } from '../../db/account-facts.ts';

/** Groups are a few levels deep; the bound only guards against a loop written behind the API's back. */
const MAX_DEPTH = 20;

export function accountHealthRepository(db: Db) {
  return {
    /** Health facts of the given accounts, one row each, in one round trip. */
    pageFacts: (orgId: string, ids: string[]) => {
      const facts = healthFacts(orgId, sql`ids.id`);
      // One account (its page) as a single value: an array parameter would be costed as ten.
      const list = ids.length === 1 ? sql`(select ${ids[0]}::uuid)` : sql`unnest(${sql.param(ids)}::uuid[])`;
      return rowsOf<HealthFactColumns & { accountId: string }>(
        db,
        sql`select ids.id::text as "accountId", ${facts.columns} from ${list} as ids(id) ${facts.joins}`,
      );
    },

    /** Ids of the given accounts the caller may see: live ones, and those of `keep` even when archived. */
    async visible(actor: Actor, ids: string[], keep: string[] = []): Promise<Set<string>> {
      const live = keep.length
        ? or(isNull(accounts.archivedAt), oneOf(accounts.id, keep))
        : isNull(accounts.archivedAt);
      const rows = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(accountVisible(actor), oneOf(accounts.id, ids), live));
      return new Set(rows.map((r) => r.id));
    },

    /** The account and its ancestors, nearest first, whoever owns them (scope is applied by the caller). */
    ancestors: (orgId: string, id: string) =>
      rowsOf<{ id: string; depth: number }>(
        db,
        sql`with recursive up(id, parent_id, depth) as (
              select a.id, a.parent_id, 0 from ${accounts} a where a.org_id = ${orgId} and a.id = ${id}
              union all
              select p.id, p.parent_id, up.depth + 1 from up join ${accounts} p on p.org_id = ${orgId} and p.id = up.parent_id
               where up.depth < ${MAX_DEPTH})
            select id::text as id, depth from up order by depth`,
      ),

    /** The account and every descendant, with parents, top down. */
    descendants: (orgId: string, id: string) =>
      rowsOf<{ id: string; parentId: string | null; depth: number }>(
        db,
        sql`with recursive down(id, parent_id, depth) as (
              select a.id, a.parent_id, 0 from ${accounts} a where a.org_id = ${orgId} and a.id = ${id}
              union all
              select c.id, c.parent_id, down.depth + 1 from down join ${accounts} c on c.org_id = ${orgId} and c.parent_id = down.id
               where down.depth < ${MAX_DEPTH})
            select id::text as id, parent_id::text as "parentId", depth from down order by depth`,
      ),
  };
}
