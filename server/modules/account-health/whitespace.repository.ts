import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { oneOf, type Db } from '../../db/client.ts';
import { accounts, opportunities, opportunityItems, products } from '../../db/schema.ts';
import { accountVisible, parent, visibleParent, type Actor } from '../../access/index.ts';

/** The parent only when the caller may see it (null otherwise, like the account pages). */
const rowColumns = { id: accounts.id, name: accounts.name, parentId: parent.id, ourRevenue: accounts.ourRevenue };

export function whitespaceRepository(db: Db) {
  const rows = (actor: Actor) => db.select(rowColumns).from(accounts).leftJoin(parent, visibleParent(actor));
  return {
    /** The caller's largest live accounts by our revenue with us (accounts without a figure last). */
    topAccounts: (actor: Actor, limit: number) =>
      rows(actor)
        .where(and(accountVisible(actor), isNull(accounts.archivedAt)))
        .orderBy(desc(sql`coalesce(${accounts.ourRevenue}, -1)`), asc(accounts.id))
        .limit(limit),

    accounts: (actor: Actor, ids: string[]) =>
      rows(actor).where(and(eq(accounts.orgId, actor.orgId), oneOf(accounts.id, ids))),

    /**
     * Line items of open and won deals per account × category × status: the items' exact totals
     * (quantity × price × (1 − discount %) to the cent, as core/funnel's lineTotal) and how many.
     * Deals without line items name no product, so they fall in no category.
     */
    cells: (orgId: string, ids: string[]) =>
      db
        .select({
          accountId: opportunities.accountId,
          category: products.category,
          status: opportunities.status,
          items: sql<number>`count(*)::int`,
          amount: sql<string>`sum(round(${opportunityItems.quantity} * ${opportunityItems.price} * (100 - ${opportunityItems.discount}) / 100, 2))::numeric(20,2)::text`,
        })
        .from(opportunityItems)
        .innerJoin(
          opportunities,
          and(eq(opportunities.orgId, opportunityItems.orgId), eq(opportunities.id, opportunityItems.opportunityId)),
        )
        .innerJoin(
          products,
          and(eq(products.orgId, opportunityItems.orgId), eq(products.id, opportunityItems.productId)),
        )
        .where(
          and(
            eq(opportunityItems.orgId, orgId),
            oneOf(opportunities.accountId, ids),
            inArray(opportunities.status, ['open', 'won']),
          ),
        )
        .groupBy(opportunities.accountId, products.category, opportunities.status),

    /** The catalogue's categories of active products: the columns, so untouched ones show as whitespace. */
    async categories(orgId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ category: products.category })
        .from(products)
        .where(and(eq(products.orgId, orgId), eq(products.active, true)))
        .orderBy(asc(products.category));
      return rows.map((r) => r.category);
    },
  };
}
