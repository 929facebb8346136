// What closed: forecast accuracy (past snapshots against what was won) and won/lost analysis.
// Sums stay numeric in SQL and leave as decimal strings.
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { competitors, opportunities, pipelineSnapshots } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { dealInScope } from '../opportunities/repository.ts';
import { ownedBy, snapshotInScope } from './repository.ts';

const ps = pipelineSnapshots;
/** Whitespace a reason is trimmed of, the ideographic space (U+3000) included. */
const BLANKS = sql`' ' || chr(9) || chr(10) || chr(13) || chr(12288)`;

export interface AccuracyArgs {
  /** Snapshot dates considered, both included. */
  firstSnapshot: string;
  lastSnapshot: string;
  /** The period's days, both included, and its instants [start, end). */
  periodStart: string;
  periodLast: string;
  startAt: Date;
  endAt: Date;
  ownerIds?: string[];
}

export type AccuracyRow = { date: string; won: string; commit: string; bestCase: string; weighted: string };
export type ClosedArgs = { startAt: Date; endAt: Date; ownerId?: string; ownerIds?: string[] };

export function resultsRepository(db: Db) {
  /** Deals in scope that closed with this status in [startAt, endAt), optionally of these owners. */
  const closed = (actor: Actor, status: 'won' | 'lost', a: ClosedArgs): SQL =>
    and(
      dealInScope(actor),
      eq(opportunities.status, status),
      gte(opportunities.closedAt, a.startAt),
      lt(opportunities.closedAt, a.endAt),
      a.ownerId ? eq(opportunities.ownerId, a.ownerId) : undefined,
      ownedBy(opportunities.ownerId, a.ownerIds),
    )!;

  return {
    /**
     * Per snapshot date: what was already won in the period when it was taken, and its open deals
     * expected to close in the period, rolled up by forecast category. A deal won on the snapshot's
     * own day counts as won unless the snapshot still saw it open (then it counts there, once).
     */
    accuracy(actor: Actor, a: AccuracyArgs): Promise<AccuracyRow[]> {
      return rowsOf<AccuracyRow>(
        db,
        sql`with recursive d(day) as (
              (select snapshot_date from ${ps} where org_id = ${actor.orgId} and snapshot_date between ${a.firstSnapshot}::date and ${a.lastSnapshot}::date order by snapshot_date limit 1)
              union all
              select (select s.snapshot_date from ${ps} s where s.org_id = ${actor.orgId} and s.snapshot_date > d.day and s.snapshot_date <= ${a.lastSnapshot}::date order by s.snapshot_date limit 1)
              from d where d.day is not null
            ), dates as (
              select day from d where day is not null
            ), open as (
              -- One index range per snapshot date (org, date, close date), not one range over every row of the dates.
              select dates.day, x.commit, x.best_case, x.weighted
              from dates cross join lateral (
                select sum(${ps.amount}) filter (where ${ps.forecastCategory} = 'commit') as commit,
                       sum(${ps.amount}) filter (where ${ps.forecastCategory} = 'best_case') as best_case,
                       sum(round(${ps.amount} * ${ps.probability} / 100.0, 2)) filter (where ${ps.forecastCategory} <> 'omitted') as weighted
                from ${ps}
                where ${and(
                  snapshotInScope(actor),
                  sql`${ps.snapshotDate} = dates.day`,
                  sql`${ps.expectedCloseDate} between ${a.periodStart}::date and ${a.periodLast}::date`,
                  ownedBy(ps.ownerId, a.ownerIds),
                )}
              ) x
            ), won_deals as (
              select ${opportunities.id} as id, ${opportunities.amount} as amount,
                     ((${opportunities.closedAt} at time zone 'UTC') + interval '8 hours')::date as closed_day
              from ${opportunities}
              where ${closed(actor, 'won', { startAt: a.startAt, endAt: a.endAt, ownerIds: a.ownerIds })}
            ), won_by_day as (
              select closed_day, sum(amount) as amount from won_deals group by closed_day
            ), won as (
              -- Won up to the snapshot's day, less those the snapshot itself still saw open (closed later that day).
              select dates.day,
                     coalesce((select sum(w.amount) from won_by_day w where w.closed_day <= dates.day), 0)
                     - coalesce((select sum(wd.amount) from won_deals wd where wd.closed_day = dates.day
                         and exists (select 1 from ${ps} x where x.org_id = ${actor.orgId} and x.snapshot_date = dates.day and x.opportunity_id = wd.id)), 0) as won
              from dates
            )
            select dates.day::text as date,
                   coalesce(won.won, 0)::numeric(20,2)::text as won,
                   coalesce(open.commit, 0)::numeric(20,2)::text as commit,
                   coalesce(open.best_case, 0)::numeric(20,2)::text as "bestCase",
                   coalesce(open.weighted, 0)::numeric(20,2)::text as weighted
            from dates left join open on open.day = dates.day left join won on won.day = dates.day
            order by dates.day`,
      );
    },

    /** Count and amount of deals closed with each status. */
    async closedTotals(actor: Actor, status: 'won' | 'lost', a: ClosedArgs) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(20,2)::text` })
        .from(opportunities)
        .where(closed(actor, status, a));
      return row;
    },

    /** Lost deals by trimmed reason; '' stands for none given. Largest groups first. */
    lostReasons(actor: Actor, a: ClosedArgs) {
      const reason = sql<string>`coalesce(btrim(${opportunities.lostReason}, ${BLANKS}), '')`;
      const count = sql<number>`count(*)::int`;
      const amount = sql<string>`sum(${opportunities.amount})`;
      return db
        .select({ reason, count, amount: sql<string>`${amount}::numeric(20,2)::text` })
        .from(opportunities)
        .where(closed(actor, 'lost', a))
        .groupBy(reason)
        .orderBy(sql`${count} desc`, sql`${amount} desc`, reason);
    },

    /** Lost deals by the competitor that won them. */
    lostTo(actor: Actor, a: ClosedArgs) {
      const count = sql<number>`count(*)::int`;
      const amount = sql<string>`sum(${opportunities.amount})`;
      return db
        .select({ competitorId: competitors.id, name: competitors.name, count, amount: sql<string>`${amount}::numeric(20,2)::text` })
        .from(opportunities)
        .innerJoin(competitors, and(eq(competitors.orgId, opportunities.orgId), eq(competitors.id, opportunities.wonByCompetitorId)))
        .where(closed(actor, 'lost', a))
        .groupBy(competitors.id, competitors.name)
        .orderBy(sql`${count} desc`, sql`${amount} desc`, competitors.name);
    },
  };
}
