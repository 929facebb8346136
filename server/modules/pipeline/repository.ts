// Pipeline snapshots and "what changed": every comparison happens in SQL, so an organisation with a
// million deals sends Node only the changed deals' rows (at most the page) and one row per kind.
// A snapshot counts a deal for whoever owned its account on that date; the scope over the kept
// totals and the rows is access/totals.ts's.
import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { opportunities, orgs, pipelineSnapshotTotals, pipelineSnapshots } from '../../db/schema.ts';
import { dealVisible, teamOnlySnapshotRows, totalsVisible, type Actor } from '../../access/index.ts';
import type { ChangeKind } from '../../../core/enums.ts';

const ps = pipelineSnapshots;
const pst = pipelineSnapshotTotals;

/** Restricts a deal-owner column to these users; undefined means no owner filter. */
export function ownedBy(column: SQLWrapper, ownerIds: string[] | undefined): SQL | undefined {
  if (ownerIds === undefined) return undefined;
  // A team without members matches nothing (an empty IN list is not SQL).
  return ownerIds.length
    ? sql`${column} in (${sql.join(
        ownerIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;
}

export type SnapshotTotal = { date: string; deals: number; amount: string };

export interface ChangeRow {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  ownerId: string | null;
  ownerName: string | null;
  kinds: ChangeKind[];
  stageId: string;
  stageName: string;
  amount: string;
  expectedCloseDate: string | null;
  forecastCategory: string;
  status: string;
  bStageId: string | null;
  bStageName: string | null;
  bAmount: string | null;
  bExpectedCloseDate: string | null;
  bForecastCategory: string | null;
}

export interface ChangeArgs {
  /** The baseline snapshot's date; null compares against nothing (every deal created since is new). */
  baseline: string | null;
  /** The baseline day's (else since's) first instant: deals created from then on and absent from the baseline are new. */
  from: Date;
  ownerId?: string;
  teamOwnerIds?: string[];
  limit: number;
}

export function pipelineRepository(db: Db) {
  /**
   * Current deals that may have changed, with their baseline row and stage positions. A deal can
   * differ from the baseline only if it was written after the snapshot, and every write of a deal's
   * stage, amount, close date or status bumps `updated_at` (db/versioned.ts): so only deals written
   * since the baseline day are read (the updated_at index), each joined to its baseline row by
   * primary key. Baseline rows of deals that are gone have nothing to show as `after` and drop out.
   */
  function changed(actor: Actor, a: ChangeArgs): SQL {
    const base =
      a.baseline === null
        ? sql`false`
        : sql`b.org_id = ${opportunities.orgId} and b.snapshot_date = ${a.baseline}::date and b.opportunity_id = ${opportunities.id}`;
    const where = and(
      dealVisible(actor),
      sql`${opportunities.updatedAt} >= ${a.from}`,
      sql`(b.opportunity_id is not null or ${opportunities.createdAt} >= ${a.from})`,
      a.ownerId ? eq(opportunities.ownerId, a.ownerId) : undefined,
      ownedBy(opportunities.ownerId, a.teamOwnerIds),
    );
    // Kinds in the contract's order; a missing close date sorts as the latest (null = slipped out).
    return sql`c as (
        select ${opportunities.id} as id, ${opportunities.name} as name, ${opportunities.accountId} as account_id, ${opportunities.ownerId} as owner_id,
               ${opportunities.stageId} as stage_id, ${opportunities.amount} as amount, ${opportunities.expectedCloseDate} as close_date,
               ${opportunities.forecastCategory} as category, ${opportunities.status} as status, cs.name as stage_name,
               b.opportunity_id is not null as in_base, b.stage_id as b_stage_id, b.amount as b_amount, b.expected_close_date as b_close_date,
               b.forecast_category as b_category, bs.name as b_stage_name, cs.position as pos, bs.position as b_pos
        from ${opportunities}
        left join ${ps} b on ${base}
        join stages cs on cs.org_id = ${opportunities.orgId} and cs.id = ${opportunities.stageId}
        left join stages bs on bs.org_id = b.org_id and bs.id = b.stage_id
        where ${where}
      ), k as (
        select c.*, array_remove(array[
          case when not in_base then 'new' end,
          case when status = 'won' then 'won' end,
          case when status = 'lost' then 'lost' end,
          case when in_base and status = 'open' and pos > b_pos then 'moved_forward' end,
          case when in_base and status = 'open' and pos < b_pos then 'moved_back' end,
          case when in_base and status = 'open' and coalesce(close_date, '9999-12-31') > coalesce(b_close_date, '9999-12-31') then 'slipped' end,
          case when in_base and status = 'open' and coalesce(close_date, '9999-12-31') < coalesce(b_close_date, '9999-12-31') then 'pulled_in' end,
          case when in_base and amount > b_amount then 'amount_up' end,
          case when in_base and amount < b_amount then 'amount_down' end
        ]::text[], null) as kinds
        from c
      )`;
  }

  return {
    orgIds: async () => (await db.select({ id: orgs.id }).from(orgs)).map((o) => o.id),

    /**
     * Copies every open deal of the organisation into the snapshot of `date`, in one statement. A
     * date already taken stays as it was (the guard); two instances racing on it insert each row once.
     * The statement's trigger adds the rows it inserted to pipeline_snapshot_totals (migration 0012),
     * so a repeated or racing snapshot never counts a row twice.
     */
    take: (orgId: string, date: string) =>
      db.execute(sql`
        insert into ${ps} (org_id, snapshot_date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount, probability, expected_close_date, forecast_category)
        select ${opportunities.orgId}, ${date}::date, ${opportunities.id}, ${opportunities.accountId}, ${opportunities.ownerId}, ${opportunities.accountOwnerId},
               ${opportunities.stageId}, ${opportunities.amount}, ${opportunities.probability}, ${opportunities.expectedCloseDate}, ${opportunities.forecastCategory}
        from ${opportunities}
        where ${opportunities.orgId} = ${orgId} and ${opportunities.status} = 'open'
          and not exists (select 1 from ${ps} s where s.org_id = ${orgId} and s.snapshot_date = ${date}::date)
        on conflict do nothing`),

    async hasSnapshotBetween(orgId: string, from: string, to: string): Promise<boolean> {
      const rows = await rowsOf<{ one: number }>(
        db,
        sql`select 1 as one from ${ps} where ${ps.orgId} = ${orgId} and ${ps.snapshotDate} between ${from}::date and ${to}::date limit 1`,
      );
      return rows.length > 0;
    },

    /**
     * The organisation's newest snapshot dates with the caller's share of each. The dates come from
     * a skip scan of the primary key (one probe per date, not a DISTINCT over every row); the sums
     * from the kept totals (a few hundred rows per date), plus, in a data scope, the rows of
     * accounts the caller is only on the team of.
     */
    totals(actor: Actor, limit: number, only?: string): Promise<SnapshotTotal[]> {
      const dates = only
        ? sql`top(day) as (select ${only}::date)`
        : sql`recursive d(day) as (
            (select snapshot_date from ${ps} where org_id = ${actor.orgId} order by snapshot_date desc limit 1)
            union all
            select (select s.snapshot_date from ${ps} s where s.org_id = ${actor.orgId} and s.snapshot_date < d.day order by s.snapshot_date desc limit 1)
            from d where d.day is not null
          ), top(day) as (select day from d where day is not null limit ${limit})`;
      const onTeam = teamOnlySnapshotRows(actor);
      return rowsOf<SnapshotTotal>(
        db,
        sql`with ${dates}, sums(day, deals, amount) as (
              select ${pst.snapshotDate}, ${pst.deals}::bigint, ${pst.amount}
              from top join ${pst} on ${pst.orgId} = ${actor.orgId} and ${pst.snapshotDate} = top.day
              where ${totalsVisible(actor, pst)}
              ${
                onTeam
                  ? sql`union all
              select ${ps.snapshotDate}, 1::bigint, ${ps.amount}
              from top join ${ps} on ${ps.orgId} = ${actor.orgId} and ${ps.snapshotDate} = top.day
              where ${onTeam}`
                  : sql``
              }
            )
            select top.day::text as date, coalesce(sum(sums.deals), 0)::int as deals, coalesce(sum(sums.amount), 0)::numeric(20,2)::text as amount
            from top left join sums on sums.day = top.day
            group by top.day order by top.day desc`,
      );
    },

    /** The last snapshot on or before `since`, else the first after it; null when there is none. */
    async baseline(orgId: string, since: string): Promise<string | null> {
      const [row] = await rowsOf<{ day: string | null }>(
        db,
        sql`select coalesce(
              (select max(snapshot_date) from ${ps} where org_id = ${orgId} and snapshot_date <= ${since}::date),
              (select min(snapshot_date) from ${ps} where org_id = ${orgId} and snapshot_date > ${since}::date)
            )::text as day`,
      );
      return row?.day ?? null;
    },

    /**
     * The changes in one statement, so the comparison runs once: per kind, how many deals and the
     * amount (the change's size for amount kinds, else the deal's amount now); and the changed
     * deals, largest amount now first, `limit` at most.
     */
    async changes(
      actor: Actor,
      a: ChangeArgs,
    ): Promise<{ summary: { kind: ChangeKind; count: number; amount: string }[]; items: ChangeRow[] }> {
      const [row] = await rowsOf<{
        summary: { kind: ChangeKind; count: number; amount: string }[];
        items: ChangeRow[];
      }>(
        db,
        sql`with ${changed(actor, a)}, ch as materialized (select * from k where cardinality(kinds) > 0)
            select
              (select coalesce(json_agg(json_build_object('kind', kind, 'count', n, 'amount', amount)), '[]'::json) from (
                 select kind, count(*)::int as n,
                        sum(case when kind in ('amount_up', 'amount_down') then abs(amount - b_amount) else amount end)::numeric(20,2)::text as amount
                 from ch cross join lateral unnest(kinds) as kind
                 group by kind) s) as summary,
              (select coalesce(json_agg(json_build_object(
                   'id', t.id, 'name', t.name, 'accountId', t.account_id, 'accountName', acc.name, 'ownerId', t.owner_id, 'ownerName', u.name, 'kinds', t.kinds,
                   'stageId', t.stage_id, 'stageName', t.stage_name, 'amount', t.amount::text, 'expectedCloseDate', t.close_date::text,
                   'forecastCategory', t.category, 'status', t.status, 'bStageId', t.b_stage_id, 'bStageName', t.b_stage_name,
                   'bAmount', t.b_amount::text, 'bExpectedCloseDate', t.b_close_date::text, 'bForecastCategory', t.b_category
                 ) order by t.amount desc, t.id), '[]'::json)
               from (select * from ch order by amount desc, id limit ${a.limit}) t
               join accounts acc on acc.org_id = ${actor.orgId} and acc.id = t.account_id
               left join users u on u.org_id = ${actor.orgId} and u.id = t.owner_id) as items`,
      );
      return row;
    },
  };
}
