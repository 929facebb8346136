// What closed: forecast accuracy (past snapshots against what was won) and won/lost analysis.
// Sums stay numeric in SQL and leave as decimal strings.
import { and, eq, gte, inArray, lt, sql, type Column, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, competitors, opportunities, pipelineSnapshotTotals, pipelineSnapshots } from '../../db/schema.ts';
import { accountProvince } from '../../kernel/regions.ts';
import { dealVisible, teamOnlySnapshotRows, totalsVisible, type Actor } from '../../access/index.ts';
import { ownedBy } from './repository.ts';
import { zoneSql } from '../../kernel/zone.ts';
import { addDays } from '../../../core/time.ts';
import { OTHER, OTHER_PREFIX } from '../../../core/deal-lists.ts';

const ps = pipelineSnapshots;
const pst = pipelineSnapshotTotals;
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
  /** The organisation's zone, which names the day a deal was won on. */
  zone: string;
  ownerIds?: string[];
}

export type AccuracyRow = { date: string; won: string; commit: string; bestCase: string; weighted: string };
export type ClosedArgs = { startAt: Date; endAt: Date; ownerId?: string; ownerIds?: string[] };
/** Won and lost deals of one group (a deal source, a province), side by side. */
export type OutcomeRow = { wonCount: number; wonAmount: string; lostCount: number; lostAmount: string };

/**
 * A list answer (core/deal-lists.ts) as the analysis groups it: trimmed, every "other" answer
 * (其他：…) in one 其他 group, '' for none given. Literals, not parameters: the expression is
 * repeated in GROUP BY, where $n would differ.
 */
function listGroupSql(column: Column): SQL<string> {
  const trimmed = sql`coalesce(btrim(${column}, ${BLANKS}), '')`;
  return sql<string>`case when ${trimmed} like ${sql.raw(`'${OTHER_PREFIX}%'`)} then ${sql.raw(`'${OTHER}'`)} else ${trimmed} end`;
}

const outcome = (status: 'won' | 'lost') => sql`${opportunities.status} = ${sql.raw(`'${status}'`)}`;
const outcomeColumns = {
  wonCount: sql<number>`(count(*) filter (where ${outcome('won')}))::int`,
  wonAmount: sql<string>`coalesce(sum(${opportunities.amount}) filter (where ${outcome('won')}), 0)::numeric(20,2)::text`,
  lostCount: sql<number>`(count(*) filter (where ${outcome('lost')}))::int`,
  lostAmount: sql<string>`coalesce(sum(${opportunities.amount}) filter (where ${outcome('lost')}), 0)::numeric(20,2)::text`,
};

export function resultsRepository(db: Db) {
  /** Deals in scope that closed with this status in [startAt, endAt), optionally of these owners. */
  const closed = (actor: Actor, status: 'won' | 'lost' | 'closed', a: ClosedArgs): SQL =>
    and(
      dealVisible(actor),
      status === 'closed' ? inArray(opportunities.status, ['won', 'lost']) : eq(opportunities.status, status),
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
      // The totals know close months, not days: a period of whole months is exactly a range of them.
      if (!a.periodStart.endsWith('-01') || !addDays(a.periodLast, 1).endsWith('-01'))
        throw new Error(`accuracy needs whole months, got ${a.periodStart}..${a.periodLast}`);
      const onTeam = teamOnlySnapshotRows(actor);
      const wonInPeriod = closed(actor, 'won', { startAt: a.startAt, endAt: a.endAt, ownerIds: a.ownerIds });
      const zone = zoneSql(a.zone);
      return rowsOf<AccuracyRow>(
        db,
        sql`with recursive d(day) as (
              (select snapshot_date from ${ps} where org_id = ${actor.orgId} and snapshot_date between ${a.firstSnapshot}::date and ${a.lastSnapshot}::date order by snapshot_date limit 1)
              union all
              select (select s.snapshot_date from ${ps} s where s.org_id = ${actor.orgId} and s.snapshot_date > d.day and s.snapshot_date <= ${a.lastSnapshot}::date order by s.snapshot_date limit 1)
              from d where d.day is not null
            ), dates as (
              select day from d where day is not null
            ), kept as (
              -- The kept totals (a few hundred rows per date) of the months the period covers, plus in
              -- a data scope the rows of accounts the caller is only on the team of.
              select ${pst.snapshotDate} as day, ${pst.forecastCategory} as category, ${pst.amount} as amount, ${pst.weighted} as weighted
              from dates join ${pst} on ${pst.orgId} = ${actor.orgId} and ${pst.snapshotDate} = dates.day
              where ${and(
                totalsVisible(actor, pst),
                sql`${pst.closeMonth} between ${a.periodStart}::date and ${a.periodLast}::date`,
                ownedBy(pst.dealOwnerId, a.ownerIds),
              )}
              ${
                onTeam
                  ? sql`union all
              select ${ps.snapshotDate}, ${ps.forecastCategory}, ${ps.amount}, round(${ps.amount} * ${ps.probability} / 100.0, 2)
              from dates join ${ps} on ${ps.orgId} = ${actor.orgId} and ${ps.snapshotDate} = dates.day
              where ${and(onTeam, sql`${ps.expectedCloseDate} between ${a.periodStart}::date and ${a.periodLast}::date`, ownedBy(ps.ownerId, a.ownerIds))}`
                  : sql``
              }
            ), open as (
              select day,
                     sum(amount) filter (where category = 'commit') as commit,
                     sum(amount) filter (where category = 'best_case') as best_case,
                     sum(weighted) filter (where category <> 'omitted') as weighted
              from kept group by day
            ), won_by_day as materialized (
              -- Once, from the covering index (no heap): the caller's deals won in the period per day of the organisation.
              select (${opportunities.closedAt} at time zone ${zone})::date as closed_day, sum(${opportunities.amount}) as amount
              from ${opportunities}
              where ${wonInPeriod}
              group by 1
            ), seen_open as (
              -- Deals won on a snapshot's own day that the snapshot still saw open (closed later that day):
              -- one day's range of the index per date (lateral, so the range is the index's), each
              -- probed in the snapshot's primary key.
              select dates.day, x.amount
              from dates cross join lateral (
                select sum(${opportunities.amount}) as amount
                from ${opportunities}
                where ${wonInPeriod}
                  and ${opportunities.closedAt} >= dates.day::timestamp at time zone ${zone}
                  and ${opportunities.closedAt} < (dates.day + 1)::timestamp at time zone ${zone}
                  and exists (select 1 from ${ps} x where x.org_id = ${actor.orgId} and x.snapshot_date = dates.day and x.opportunity_id = ${opportunities.id})
              ) x
            ), won as materialized (
              -- Won up to the snapshot's day, less those the snapshot itself counted as open.
              select dates.day,
                     coalesce((select sum(w.amount) from won_by_day w where w.closed_day <= dates.day), 0) - coalesce(seen_open.amount, 0) as won
              from dates left join seen_open on seen_open.day = dates.day
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
        .select({
          count: sql<number>`count(*)::int`,
          amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(20,2)::text`,
        })
        .from(opportunities)
        .where(closed(actor, status, a));
      return row;
    },

    /**
     * Lost deals by trimmed reason, every "other" answer (其他：…, core/deal-lists.ts) in one 其他 group;
     * '' stands for none given. Largest groups first.
     */
    lostReasons(actor: Actor, a: ClosedArgs) {
      const reason = listGroupSql(opportunities.lostReason);
      const count = sql<number>`count(*)::int`;
      const amount = sql<string>`sum(${opportunities.amount})`;
      return db
        .select({ reason, count, amount: sql<string>`${amount}::numeric(20,2)::text` })
        .from(opportunities)
        .where(closed(actor, 'lost', a))
        .groupBy(reason)
        .orderBy(sql`${count} desc`, sql`${amount} desc`, reason);
    },

    /** Won and lost deals by deal source, grouped as lost reasons are; most deals first, none given ('') last. */
    bySource(actor: Actor, a: ClosedArgs): Promise<(OutcomeRow & { source: string })[]> {
      const source = listGroupSql(opportunities.source);
      return db
        .select({ source, ...outcomeColumns })
        .from(opportunities)
        .where(closed(actor, 'closed', a))
        .groupBy(source)
        .orderBy(sql`${source} = ''`, sql`count(*) desc`, source);
    },

    /**
     * Won and lost deals by the province of their account's region code (its first two digits,
     * GB/T 2260; null: the account has none); most deals first.
     */
    byProvince(actor: Actor, a: ClosedArgs): Promise<(OutcomeRow & { province: string | null })[]> {
      return db
        .select({ province: accountProvince, ...outcomeColumns })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(closed(actor, 'closed', a))
        .groupBy(accountProvince)
        .orderBy(sql`count(*) desc`, accountProvince);
    },

    /** Lost deals by the competitor that won them. */
    lostTo(actor: Actor, a: ClosedArgs) {
      const count = sql<number>`count(*)::int`;
      const amount = sql<string>`sum(${opportunities.amount})`;
      return db
        .select({
          competitorId: competitors.id,
          name: competitors.name,
          count,
          amount: sql<string>`${amount}::numeric(20,2)::text`,
        })
        .from(opportunities)
        .innerJoin(
          competitors,
          and(eq(competitors.orgId, opportunities.orgId), eq(competitors.id, opportunities.wonByCompetitorId)),
        )
        .where(closed(actor, 'lost', a))
        .groupBy(competitors.id, competitors.name)
        .orderBy(sql`${count} desc`, sql`${amount} desc`, competitors.name);
    },
  };
}
