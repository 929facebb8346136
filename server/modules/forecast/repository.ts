import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opportunities, stageHistory, stages } from '../../db/schema.ts';
import { dealInScope } from '../opportunities/repository.ts';
import type { Actor } from '../../lib/actor.ts';

export interface Window {
  /** Calendar days [fromDay, toDay) for open deals' expected close dates. */
  fromDay: string;
  toDay: string;
  /** The same days as instants, for won deals' closed_at. */
  from: Date;
  to: Date;
}

export interface CellRow {
  key: string | null;
  stageId: string;
  status: 'open' | 'won';
  category: string;
  deals: number;
  amount: string;
  weighted: string;
}

const cellColumns = {
  stageId: opportunities.stageId,
  category: opportunities.forecastCategory,
  deals: sql<number>`count(*)::int`,
  amount: sql<string>`sum(${opportunities.amount})::numeric(20,2)::text`,
  weighted: sql<string>`sum(round(${opportunities.amount} * ${opportunities.probability} / 100.0, 2))::numeric(20,2)::text`,
};

export function forecastRepository(db: Db) {
  /** Cells of one status: grouped by owner (or month) × stage × category. */
  function cells(where: SQL[], key: SQL<string | null>) {
    return db
      .select({ key, ...cellColumns })
      .from(opportunities)
      .where(and(...where))
      .groupBy(key, opportunities.stageId, opportunities.forecastCategory);
  }

  return {
    /**
     * The period's deals in the caller's scope: open ones expected to close in it, won ones signed
     * in it (each an index range of its own), summed per cell.
     */
    async cells(actor: Actor, w: Window, by: 'owner' | 'month', owners: string[] | null): Promise<CellRow[]> {
      const base = [dealInScope(actor)];
      if (owners) base.push(inArray(opportunities.ownerId, owners));
      // Asia/Shanghai is UTC+8 all year: the signing day is the UTC instant shifted by eight hours.
      const wonMonth = sql<string>`to_char((${opportunities.closedAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
      const openKey = by === 'owner' ? sql<string | null>`${opportunities.ownerId}::text` : sql<string>`to_char(${opportunities.expectedCloseDate}, 'YYYY-MM')`;
      const wonKey = by === 'owner' ? openKey : wonMonth;
      const [open, won] = await Promise.all([
        cells([...base, eq(opportunities.status, 'open'), gte(opportunities.expectedCloseDate, w.fromDay), lt(opportunities.expectedCloseDate, w.toDay)], openKey),
        cells([...base, eq(opportunities.status, 'won'), gte(opportunities.closedAt, w.from), lt(opportunities.closedAt, w.to)], wonKey),
      ]);
      return [...open.map((c) => ({ ...c, status: 'open' as const })), ...won.map((c) => ({ ...c, status: 'won' as const }))];
    },

    /** Closed deals of the window by outcome and the furthest open stage (by position) each reached. */
    async closedReach(actor: Actor, from: Date, to: Date, owners: string[] | null) {
      const where = [dealInScope(actor), inArray(opportunities.status, ['won', 'lost']), gte(opportunities.closedAt, from), lt(opportunities.closedAt, to)];
      if (owners) where.push(inArray(opportunities.ownerId, owners));
      // Qualified by hand: in a one-table select Drizzle renders ${opportunities.id} as a bare "id",
      // which inside this subquery would mean h.id.
      const reached = sql<number | null>`(select max(s.position) from ${stageHistory} h join ${stages} s on s.org_id = h.org_id and s.id = h.to_stage_id
        where h.org_id = ${actor.orgId} and h.opportunity_id = "opportunities"."id" and s.kind = 'open')`;
      const deals = db.select({ status: opportunities.status, furthest: reached.as('furthest') }).from(opportunities).where(and(...where)).as('d');
      const rows = await db
        .select({ status: deals.status, furthest: deals.furthest, deals: sql<number>`count(*)::int` })
        .from(deals)
        .groupBy(deals.status, deals.furthest);
      return rows as { status: 'won' | 'lost'; furthest: number | null; deals: number }[];
    },

    /** Average won amount since a given instant, in scope; null without a won deal. */
    async averageWon(actor: Actor, since: Date, owners: string[] | null): Promise<string | null> {
      const where = [dealInScope(actor), eq(opportunities.status, 'won'), gte(opportunities.closedAt, since)];
      if (owners) where.push(inArray(opportunities.ownerId, owners));
      const [row] = await db
        .select({ avg: sql<string | null>`round(avg(${opportunities.amount}), 2)::text` })
        .from(opportunities)
        .where(and(...where));
      return row?.avg ?? null;
    },
  };
}
