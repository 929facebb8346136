import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, forecastTotals, opportunities, stageHistory, stages } from '../../db/schema.ts';
import { accountProvince } from '../../kernel/regions.ts';
import { dealVisible, teamOnlyDeals, totalsVisible, type Actor } from '../../access/index.ts';
import { zoneSql } from '../../kernel/zone.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
import type { ForecastCell } from '../../../core/forecast.ts';

export interface Window {
  /** Calendar days [fromDay, toDay) for open deals' expected close dates. */
  fromDay: string;
  toDay: string;
  /** The same days as instants in the organisation's zone, for won deals' closed_at. */
  from: Date;
  to: Date;
  /** The organisation's zone, which names the month a deal was won in. */
  zone: string;
}

/** A forecast cell of one group: an owner's id (null for none) or a month. */
export type CellRow = ForecastCell & { key: string | null };

const cellColumns = {
  stageId: opportunities.stageId,
  category: opportunities.forecastCategory,
  deals: sql<number>`count(*)::int`,
  amount: sql<string>`sum(${opportunities.amount})::numeric(20,2)::text`,
  weighted: sql<string>`sum(round(${opportunities.amount} * ${opportunities.probability} / 100.0, 2))::numeric(20,2)::text`,
};

const NIL = '00000000-0000-0000-0000-000000000000';
/** A window of whole months (every period is): forecast_totals can answer it. */
const wholeMonths = (w: Window) => w.fromDay.endsWith('-01') && w.toDay.endsWith('-01');

/** One cell per (key, status, stage, category): the kept totals and a scanned remainder summed. */
function mergeCells(rows: CellRow[]): CellRow[] {
  const by = new Map<string, CellRow & { a: bigint; w: bigint }>();
  for (const r of rows) {
    const k = `${r.key}|${r.status}|${r.stageId}|${r.category}`;
    const cur = by.get(k);
    if (cur) {
      cur.deals += r.deals;
      cur.a += toCents(r.amount);
      cur.w += toCents(r.weighted);
    } else by.set(k, { ...r, a: toCents(r.amount), w: toCents(r.weighted) });
  }
  return [...by.values()].map(({ a, w, ...r }) => ({ ...r, amount: fromCents(a), weighted: fromCents(w) }));
}

export function forecastRepository(db: Db) {
  /** Cells of one status: grouped by owner (or month) × stage × category. */
  function cells(where: SQL[], key: SQL<string | null>) {
    return db
      .select({ key, ...cellColumns })
      .from(opportunities)
      .where(and(...where))
      .groupBy(key, opportunities.stageId, opportunities.forecastCategory);
  }

  /**
   * The period's cells from forecast_totals (kept per month by a trigger, migration 0011): the
   * caller's scope is the account owners in it; deals of accounts they are only on the team of
   * (owned outside the scope) are few and summed from the deals.
   */
  async function keptCells(
    actor: Actor,
    w: Window,
    by: 'owner' | 'month',
    owners: string[] | null,
  ): Promise<CellRow[]> {
    const t = forecastTotals;
    // The nil uuid as a literal: GROUP BY must see the same expression as the select list.
    const key =
      by === 'owner'
        ? sql<string | null>`nullif(${t.dealOwnerId}, ${sql.raw(`'${NIL}'::uuid`)})::text`
        : sql<string>`to_char(${t.month}, 'YYYY-MM')`;
    const where: SQL[] = [
      totalsVisible(actor, t),
      inArray(t.status, ['open', 'won']),
      gte(t.month, w.fromDay),
      lt(t.month, w.toDay),
    ];
    if (owners) where.push(inArray(t.dealOwnerId, owners));
    const kept = db
      .select({
        key,
        status: sql<'open' | 'won'>`${t.status}`,
        stageId: t.stageId,
        category: t.forecastCategory,
        deals: sql<number>`sum(${t.deals})::int`,
        amount: sql<string>`sum(${t.amount})::numeric(20,2)::text`,
        weighted: sql<string>`sum(${t.weighted})::numeric(20,2)::text`,
      })
      .from(t)
      .where(and(...where))
      .groupBy(key, t.status, t.stageId, t.forecastCategory)
      // Rows a deal has left keep zeros; a cell without deals is no cell.
      .having(sql`sum(${t.deals}) <> 0`);
    const onTeamOnly = teamOnlyDeals(actor);
    if (!onTeamOnly) return kept;
    const [a, b] = await Promise.all([kept, scannedCells(actor, w, by, owners, onTeamOnly)]);
    return b.length ? mergeCells([...a, ...b]) : a;
  }

  /** The period's cells summed over the deals (each status an index range of its own). */
  async function scannedCells(
    actor: Actor,
    w: Window,
    by: 'owner' | 'month',
    owners: string[] | null,
    extra?: SQL,
  ): Promise<CellRow[]> {
    const base = [dealVisible(actor)];
    if (owners) base.push(inArray(opportunities.ownerId, owners));
    if (extra) base.push(extra);
    // The signing month is the one on the organisation's calendar.
    const wonMonth = sql<string>`to_char(${opportunities.closedAt} at time zone ${zoneSql(w.zone)}, 'YYYY-MM')`;
    const openKey =
      by === 'owner'
        ? sql<string | null>`${opportunities.ownerId}::text`
        : sql<string>`to_char(${opportunities.expectedCloseDate}, 'YYYY-MM')`;
    const wonKey = by === 'owner' ? openKey : wonMonth;
    const [open, won] = await Promise.all([
      cells(
        [
          ...base,
          eq(opportunities.status, 'open'),
          gte(opportunities.expectedCloseDate, w.fromDay),
          lt(opportunities.expectedCloseDate, w.toDay),
        ],
        openKey,
      ),
      cells(
        [
          ...base,
          eq(opportunities.status, 'won'),
          gte(opportunities.closedAt, w.from),
          lt(opportunities.closedAt, w.to),
        ],
        wonKey,
      ),
    ]);
    return [
      ...open.map((c) => ({ ...c, status: 'open' as const })),
      ...won.map((c) => ({ ...c, status: 'won' as const })),
    ];
  }

  return {
    /**
     * The period's deals in the caller's scope: open ones expected to close in it, won ones signed
     * in it, summed per cell — from the kept monthly totals (periods are whole months).
     */
    cells(actor: Actor, w: Window, by: 'owner' | 'month', owners: string[] | null): Promise<CellRow[]> {
      return wholeMonths(w) ? keptCells(actor, w, by, owners) : scannedCells(actor, w, by, owners);
    },

    /**
     * 按省份: open deals in the caller's scope (of these owners) by the province of their account's
     * region code (its first two digits, GB/T 2260; null: the account has none), largest amount first.
     */
    provinceTotals(actor: Actor, owners: string[] | null) {
      const amount = sql`sum(${opportunities.amount})`;
      return db
        .select({
          province: accountProvince,
          count: sql<number>`count(*)::int`,
          amount: sql<string>`${amount}::numeric(20,2)::text`,
          weightedAmount: cellColumns.weighted,
        })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(
          and(
            dealVisible(actor),
            eq(opportunities.status, 'open'),
            owners ? inArray(opportunities.ownerId, owners) : undefined,
          ),
        )
        .groupBy(accountProvince)
        .orderBy(sql`${amount} desc`, accountProvince);
    },

    /** Closed deals of the window by outcome and the furthest open stage (by position) each reached. */
    async closedReach(actor: Actor, from: Date, to: Date, owners: string[] | null) {
      const where = [
        dealVisible(actor),
        inArray(opportunities.status, ['won', 'lost']),
        gte(opportunities.closedAt, from),
        lt(opportunities.closedAt, to),
      ];
      if (owners) where.push(inArray(opportunities.ownerId, owners));
      // Qualified by hand: in a one-table select Drizzle renders ${opportunities.id} as a bare "id",
      // which inside this subquery would mean h.id.
      const reached = sql<
        number | null
      >`(select max(s.position) from ${stageHistory} h join ${stages} s on s.org_id = h.org_id and s.id = h.to_stage_id
        where h.org_id = ${actor.orgId} and h.opportunity_id = "opportunities"."id" and s.kind = 'open')`;
      const deals = db
        .select({ status: opportunities.status, furthest: reached.as('furthest') })
        .from(opportunities)
        .where(and(...where))
        .as('d');
      const rows = await db
        .select({ status: deals.status, furthest: deals.furthest, deals: sql<number>`count(*)::int` })
        .from(deals)
        .groupBy(deals.status, deals.furthest);
      return rows as { status: 'won' | 'lost'; furthest: number | null; deals: number }[];
    },
  };
}
