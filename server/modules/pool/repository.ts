import { and, asc, eq, gt, isNotNull, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, opportunities, users } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';

/** …and no won deal. */
const wonDeal = (table: typeof accounts) =>
  notExists(
    sql`(select 1 from ${opportunities} o where o.org_id = ${table.orgId} and o.account_id = ${table.id} and o.status = 'won')`,
  );

/** core/prospects.ts's isProspect: no revenue of ours in the archive (none recorded, or zero)… */
const noRevenue = or(isNull(accounts.ourRevenue), eq(accounts.ourRevenue, '0'));

/**
 * Prospects: the caller's visible, owned, active accounts with neither revenue of ours nor a won
 * deal (core/prospects.ts's isProspect). Unowned accounts are in the shared pool already, so they
 * are nobody's prospect list to trim.
 */
function prospectWhere(actor: Actor, owner: string | undefined): SQL {
  return and(
    accountVisible(actor),
    isNotNull(accounts.ownerId),
    isNull(accounts.archivedAt),
    owner ? eq(accounts.ownerId, owner) : undefined,
    noRevenue,
    wonDeal(accounts),
  )!;
}

/** The order of core/prospects.ts: score descending, unscored last, then name (byte order) and id. */
const prospectOrder = sql`${accounts.score} desc nulls last, ${accounts.name} collate "C", ${accounts.id}`;

/** The pool: unowned, active accounts (the partial index's rule), narrowed by the search; the list's and its count's filter. */
const poolWhere = (orgId: string, search: SQL | undefined): (SQL | undefined)[] => [
  eq(accounts.orgId, orgId),
  isNull(accounts.ownerId),
  isNull(accounts.archivedAt),
  search,
];

/** The pool's cursor: accounts longest in the pool first, those never pooled (no date) after them. */
export type PoolCursor = [string | null, string];

export function poolRepository(db: Db) {
  return {
    /**
     * One page of ranked prospects. Rank and the drop flag come from window functions over the whole
     * list, the flag by core/prospects.ts's integer rule: rank > n − ⌊(n × millionths + 999999) / 10⁶⌋.
     */
    async prospects(actor: Actor, owner: string | undefined, millionths: number, limit: number, offset: number) {
      const ranked = db
        .select({
          id: accounts.id,
          orgId: accounts.orgId,
          name: accounts.name,
          ownerId: accounts.ownerId,
          score: accounts.score,
          tier: accounts.tier,
          review: accounts.prospectReview,
          reviewedAt: accounts.reviewedAt,
          version: accounts.version,
          rank: sql<number>`(row_number() over (order by ${prospectOrder}))::int`.as('rank'),
          total: sql<number>`(count(*) over ())::int`.as('total'),
          unscored: sql<number>`(count(*) filter (where ${accounts.score} is null) over ())::int`.as('unscored'),
        })
        .from(accounts)
        .where(prospectWhere(actor, owner))
        .as('ranked');
      const dropCount = sql`(${ranked.total}::bigint * ${millionths} + 999999) / 1000000`;
      return db
        .select({
          id: ranked.id,
          name: ranked.name,
          ownerId: ranked.ownerId,
          ownerName: users.name,
          score: ranked.score,
          tier: ranked.tier,
          review: ranked.review,
          reviewedAt: ranked.reviewedAt,
          version: ranked.version,
          rank: ranked.rank,
          total: ranked.total,
          unscored: ranked.unscored,
          dropCandidate: sql<boolean>`${ranked.rank} > ${ranked.total} - ${dropCount}`,
        })
        .from(ranked)
        .leftJoin(users, and(eq(users.orgId, ranked.orgId), eq(users.id, ranked.ownerId)))
        .orderBy(asc(ranked.rank))
        .limit(limit)
        .offset(offset);
    },

    /** The list's totals when the page is past its end (the windowed rows carry them otherwise). */
    async prospectCounts(actor: Actor, owner: string | undefined) {
      const [row] = await db
        .select({
          total: sql<number>`count(*)::int`,
          unscored: sql<number>`(count(*) filter (where ${accounts.score} is null))::int`,
        })
        .from(accounts)
        .where(prospectWhere(actor, owner));
      return row ?? { total: 0, unscored: 0 };
    },

    async openDealCount(orgId: string, accountId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(opportunities)
        .where(
          and(eq(opportunities.orgId, orgId), eq(opportunities.accountId, accountId), eq(opportunities.status, 'open')),
        );
      return row?.n ?? 0;
    },

    /** 共 N 条: every account in the pool that the search matches. */
    async count(orgId: string, search: SQL | undefined) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(...poolWhere(orgId, search)));
      return { count: row?.count ?? 0 };
    },

    /** Unowned, active accounts of the organisation, walking the pool's partial index. */
    list(orgId: string, search: SQL | undefined, after: PoolCursor | null, limit: number) {
      const where = poolWhere(orgId, search);
      if (after) {
        const [at, id] = after;
        where.push(
          at === null
            ? and(isNull(accounts.pooledAt), gt(accounts.id, id))
            : or(
                gt(accounts.pooledAt, new Date(at)),
                and(eq(accounts.pooledAt, new Date(at)), gt(accounts.id, id)),
                isNull(accounts.pooledAt),
              ),
        );
      }
      return db
        .select({
          id: accounts.id,
          name: accounts.name,
          shortName: accounts.shortName,
          ownershipType: accounts.ownershipType,
          industry: accounts.industry,
          industryCode: accounts.industryCode,
          province: accounts.province,
          city: accounts.city,
          score: accounts.score,
          pooledAt: accounts.pooledAt,
        })
        .from(accounts)
        .where(and(...where))
        .orderBy(sql`${accounts.pooledAt} asc nulls last`, asc(accounts.id))
        .limit(limit);
    },

    /** Accounts the user holds that they claimed from the pool (the claimed-accounts index). */
    async claimCount(orgId: string, userId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.ownerId, userId), isNotNull(accounts.claimedAt)));
      return row?.n ?? 0;
    },

    /** Serialises one user's claims, so two at once cannot both slip under the limit. */
    lockUser: (orgId: string, userId: string) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
        .for('update'),

    /**
     * The claim itself: one conditional UPDATE, so of two reps racing for an account exactly one
     * matches `owner_id is null`; the other's statement waits on the row lock, then matches nothing.
     * The triggers of migrations 0007/0009/0013 carry the new owner to deals, contacts and totals.
     */
    async claim(orgId: string, id: string, userId: string, at: Date) {
      const [row] = await db
        .update(accounts)
        .set({ ownerId: userId, claimedAt: at, pooledAt: null, version: sql`${accounts.version} + 1`, updatedAt: at })
        .where(
          and(eq(accounts.orgId, orgId), eq(accounts.id, id), isNull(accounts.ownerId), isNull(accounts.archivedAt)),
        )
        .returning({ id: accounts.id });
      return !!row;
    },

    /** What stopped a claim: was the account claimed from the pool, by someone else just now or earlier? */
    async claimedFromPool(orgId: string, id: string) {
      const [row] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(
          and(
            eq(accounts.orgId, orgId),
            eq(accounts.id, id),
            isNull(accounts.archivedAt),
            isNotNull(accounts.claimedAt),
          ),
        );
      return !!row;
    },

    /** The pooled-at date a claim clears, read before it for the history row. */
    async pooledAt(orgId: string, id: string) {
      const [row] = await db
        .select({ pooledAt: accounts.pooledAt })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)));
      return row?.pooledAt ?? null;
    },
  };
}
