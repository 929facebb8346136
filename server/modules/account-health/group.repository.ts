import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { oneOf, type Db } from '../../db/client.ts';
import { accounts, opportunities, users } from '../../db/schema.ts';

/** A sum of money as an exact decimal string, "0.00" when there is nothing to sum. */
const money = (expr: SQL) => sql<string>`coalesce(${expr}, 0)::numeric(20,2)::text`;

export function groupRepository(db: Db) {
  return {
    /** The accounts' own fields the tree shows. */
    accounts: (orgId: string, ids: string[]) =>
      db
        .select({
          id: accounts.id,
          name: accounts.name,
          scope: accounts.scope,
          parentId: accounts.parentId,
          ownerName: users.name,
          ourRevenue: accounts.ourRevenue,
        })
        .from(accounts)
        .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
        .where(and(eq(accounts.orgId, orgId), oneOf(accounts.id, ids)))
        .orderBy(asc(accounts.name), asc(accounts.id)),

    /** Open deals (count, amount, Σ amount × probability to the cent per deal) and won deals signed since `since`. */
    deals: (orgId: string, ids: string[], since: Date) => {
      const open = sql`${opportunities.status} = 'open'`;
      return db
        .select({
          accountId: opportunities.accountId,
          openCount: sql<number>`(count(*) filter (where ${open}))::int`,
          openAmount: money(sql`sum(${opportunities.amount}) filter (where ${open})`),
          openWeighted: money(
            sql`sum(round(${opportunities.amount} * ${opportunities.probability} / 100, 2)) filter (where ${open})`,
          ),
          won: money(
            sql`sum(${opportunities.amount}) filter (where ${opportunities.status} = 'won' and ${opportunities.closedAt} >= ${since})`,
          ),
        })
        .from(opportunities)
        .where(
          and(
            eq(opportunities.orgId, orgId),
            oneOf(opportunities.accountId, ids),
            inArray(opportunities.status, ['open', 'won']),
          ),
        )
        .groupBy(opportunities.accountId);
    },
  };
}
