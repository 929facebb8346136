import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { keyset, type SortKey } from '../../db/keyset.ts';
import { accounts, orgs, users } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import type { PageArgs } from '../../lib/cursor.ts';
import type { ScoreQuery, ScoreSort } from '../../../core/schemas/key-accounts.ts';

const owner = alias(users, 'owner');

/** The figures a scoring model reads, as core/scoring's ScoringInput. */
const inputColumns = {
  id: accounts.id,
  ourRevenue: accounts.ourRevenue,
  potential: accounts.potential,
  annualRevenue: accounts.annualRevenue,
  employees: accounts.employees,
  marketStrength: accounts.marketStrength,
  financialStatus: accounts.financialStatus,
  relationshipStage: accounts.relationshipStage,
};

const SORTS: Record<string, SortKey> = {
  score: { expr: sql`${accounts.score}`, cast: 'smallint' },
  name: { expr: sql`${accounts.name}`, cast: 'text' },
};

export const disagreeing = sql`${accounts.tier} is distinct from ${accounts.recommendedTier}`;

/** The scores list's filter, shared by the page and its count: the scope rule first, live accounts, then the tiers. */
function scoreWhere(actor: Actor, query: ScoreQuery): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [accountVisible(actor), isNull(accounts.archivedAt)];
  if (query.disagree) where.push(disagreeing);
  if (query.tier) where.push(query.tier === 'none' ? isNull(accounts.tier) : eq(accounts.tier, query.tier));
  if (query.recommended) where.push(eq(accounts.recommendedTier, query.recommended));
  return where;
}

export function scoringRepository(db: Db) {
  return {
    /** One chunk of an organisation's accounts in id order (or only those never scored). */
    inputs: (orgId: string, afterId: string | null, limit: number, unscoredOnly: boolean) =>
      db
        .select(inputColumns)
        .from(accounts)
        .where(
          and(
            eq(accounts.orgId, orgId),
            afterId ? gt(accounts.id, afterId) : undefined,
            unscoredOnly ? isNull(accounts.score) : undefined,
          ),
        )
        .orderBy(asc(accounts.id))
        .limit(limit),

    /** An account's scoring figures and assigned tier, if the caller may see it. */
    async account(actor: Actor, id: string) {
      const [row] = await db
        .select({ ...inputColumns, tier: accounts.tier })
        .from(accounts)
        .where(and(accountVisible(actor), eq(accounts.id, id)));
      return row;
    },

    inputsOf: (orgId: string, ids: string[]) =>
      db
        .select(inputColumns)
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, ids))),

    orgIds: async () => (await db.select({ id: orgs.id }).from(orgs)).map((r) => r.id),

    /**
     * Walks (org, score, id) to its null end: cheap whatever the organisation's size. The order
     * keeps the planner on that index even when stale statistics (right after a bulk load) say most
     * scores are null and a sequential scan would find one at once — it then reads every row.
     */
    async hasUnscored(orgId: string) {
      const [row] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), isNull(accounts.score)))
        .orderBy(asc(accounts.score), asc(accounts.id))
        .limit(1);
      return !!row;
    },

    /**
     * Stores computed scores in one statement. A score is derived, not edited: version and updated
     * time stay, so nobody's open edit turns stale when an admin re-weighs the model.
     */
    storeScores: (orgId: string, ids: string[], scores: number[], tiers: string[]) =>
      db.execute(sql`
        update ${accounts} set score = v.score, recommended_tier = v.tier
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(scores)}::smallint[], ${sql.param(tiers)}::text[]) as v(id, score, tier)
        where ${accounts.orgId} = ${orgId} and ${accounts.id} = v.id
          and (${accounts.score} is distinct from v.score or ${accounts.recommendedTier} is distinct from v.tier)`),

    async page(actor: Actor, query: ScoreQuery, { after, limit }: PageArgs) {
      const sort = (query.sort ?? '-score') as ScoreSort;
      const descending = sort.startsWith('-');
      const page = keyset(SORTS[sort.replace('-', '')], accounts.id, descending, after);
      return db
        .select({
          id: accounts.id,
          name: accounts.name,
          ownerId: accounts.ownerId,
          ownerName: owner.name,
          score: accounts.score,
          tier: accounts.tier,
          recommendedTier: accounts.recommendedTier,
        })
        .from(accounts)
        .leftJoin(owner, and(eq(owner.orgId, accounts.orgId), eq(owner.id, accounts.ownerId)))
        .where(and(...scoreWhere(actor, query), page.where))
        .orderBy(...page.orderBy)
        .limit(limit);
    },

    /** 共 N 条: every live account in the caller's scope that the tier filters match. */
    async count(actor: Actor, query: ScoreQuery) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(...scoreWhere(actor, query)));
      return { count: row?.count ?? 0 };
    },

    /** Assigned × recommended tier counts of the caller's live accounts, grouped in SQL. */
    matrix: (actor: Actor) =>
      db
        .select({ tier: accounts.tier, recommendedTier: accounts.recommendedTier, count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(accountVisible(actor), isNull(accounts.archivedAt)))
        .groupBy(accounts.tier, accounts.recommendedTier),

    /** Locks the visible accounts among ids, in id order so two bulk edits cannot deadlock. */
    lockVisible: (actor: Actor, ids: string[]) =>
      db
        .select({ id: accounts.id, tier: accounts.tier, recommendedTier: accounts.recommendedTier })
        .from(accounts)
        .where(and(accountVisible(actor), inArray(accounts.id, ids)))
        .orderBy(asc(accounts.id))
        .for('update'),

    /** An assigned tier is an edit: it bumps the version like any other change of the account. */
    setTiers: (orgId: string, ids: string[], tiers: (string | null)[]) =>
      db.execute(sql`
        update ${accounts} set tier = v.tier, version = ${accounts.version} + 1, updated_at = now()
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(tiers)}::text[]) as v(id, tier)
        where ${accounts.orgId} = ${orgId} and ${accounts.id} = v.id`),
  };
}
