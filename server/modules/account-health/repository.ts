import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, activities, contacts, opportunities } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { accountVisible } from '../accounts/repository.ts';

/** `column = any($ids)`: one statement shape whatever the number of ids (statements are named by their text). */
export const anyId = (column: PgColumn, ids: string[]): SQL => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/** A row of `pageFacts`: the letters are the kind's counts, in the order its comment lists them. */
export interface HealthFactRow {
  kind: 'contacts' | 'deal' | 'calls';
  accountId: string;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  /** `deal` rows: the red-flag codes, comma-joined ('' for none). */
  flags: string | null;
  lastDoneMs: number | null;
}

/** Groups are a few levels deep; the bound only guards against a loop written behind the API's back. */
const MAX_DEPTH = 20;

export function accountHealthRepository(db: Db) {
  return {
    /**
     * Everything health needs about a page of accounts in one round trip, one row per fact group:
     * `contacts` (active contacts, all and key — high/medium influence — each covered and
     * supportive); `deal` (how many open deals, `a`, carry one set of stored red flags, the codes
     * comma-joined: a page's accounts hold hundreds of open deals, and a string parses far faster
     * than an array); `calls` (satisfaction scores since `since`, the latest done call's start).
     * Each part is an index-only read; the statuses are literals because a generic plan can use a
     * partial index (`status = 'open'`, `status = 'done'`) only when its predicate is in the text.
     */
    pageFacts: (orgId: string, ids: string[], since: Date) => {
      const key = sql`influence in ('high', 'medium')`;
      const covered = sql`coverage <> 'none'`;
      const supportive = sql`attitude >= 1`;
      const recent = sql`satisfaction is not null and planned_start >= ${since}`;
      return rowsOf<HealthFactRow>(
        db,
        sql`select 'contacts' as kind, account_id::text as "accountId",
                   count(*)::int as a, (count(*) filter (where ${covered}))::int as b, (count(*) filter (where ${supportive}))::int as c,
                   (count(*) filter (where ${key}))::int as d, (count(*) filter (where ${key} and ${covered}))::int as e,
                   (count(*) filter (where ${key} and ${supportive}))::int as f, null as flags, null::float8 as "lastDoneMs"
              from ${contacts} where org_id = ${orgId} and ${anyId(contacts.accountId, ids)} and archived_at is null group by account_id
            union all
            select 'deal', account_id::text, count(*)::int, 0, 0, 0, 0, 0, array_to_string(red_flag_codes, ','), null
              from ${opportunities} where org_id = ${orgId} and ${anyId(opportunities.accountId, ids)} and status = 'open' group by account_id, red_flag_codes
            union all
            select 'calls', account_id::text, (count(*) filter (where ${recent}))::int, (coalesce(sum(satisfaction) filter (where ${recent}), 0))::int,
                   0, 0, 0, 0, null, extract(epoch from max(planned_start))::float8 * 1000
              from ${activities} where org_id = ${orgId} and ${anyId(activities.accountId, ids)} and status = 'done' group by account_id`,
      );
    },

    /** Ids of the given accounts the caller may see: live ones, and those of `keep` even when archived. */
    async visible(actor: Actor, ids: string[], keep: string[] = []): Promise<Set<string>> {
      const live = keep.length ? or(isNull(accounts.archivedAt), anyId(accounts.id, keep)) : isNull(accounts.archivedAt);
      const rows = await db.select({ id: accounts.id }).from(accounts).where(and(accountVisible(actor), anyId(accounts.id, ids), live));
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
