import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, opportunities, users } from '../../db/schema.ts';
import { accountVisible, dealVisible, type Actor } from '../../access/index.ts';
import type { ParetoMetric, Tier } from '../../../core/enums.ts';
import { basisPoints, CORE_SHARE, type ParetoThresholds } from '../../../core/pareto.ts';

export const BAR_COUNT = 100;
export const CURVE_POINTS = 200;

/** The archive's figures, or won deals signed in a window of instants [from, to). */
export type ParetoSource =
  | { metric: Exclude<ParetoMetric, 'wonAmount'> }
  | { metric: 'wonAmount'; from: Date; to: Date };

export type ParetoArgs = ParetoSource & {
  thresholds: ParetoThresholds;
  cls?: Tier;
  limit: number;
  offset: number;
};

/** One ranked account; money in cents as decimal text (beyond 2^53 as numbers). */
export interface RankedRow {
  rank: number;
  id: string;
  cents: string;
  /** Cents of this account and every account ranked above it. */
  cumulative: string;
  class: Tier;
}
export interface Ranking {
  n: number;
  total: string;
  classes: Record<Tier, { accounts: number; cents: string }>;
  /** Cents of the top fifth of the accounts. */
  top: string;
  /** Accounts among the fewest that make 80%. */
  core: number;
  /** The top BAR_COUNT and every step-th rank (the last included). */
  series: RankedRow[];
  page: RankedRow[];
}

/** The metric per account in cents: a column of the archive, or won deals signed in the window (one grouped range of the closed_at index). */
function valueSource(actor: Actor, a: ParetoSource): { join: SQL; cents: SQL } {
  const cents = (v: SQL) => sql`(coalesce(${v}, 0) * 100)::bigint`;
  if (a.metric !== 'wonAmount')
    return { join: sql``, cents: cents(sql`${a.metric === 'ourRevenue' ? accounts.ourRevenue : accounts.potential}`) };
  const won = sql`select ${opportunities.accountId} as account_id, sum(${opportunities.amount}) as amount from ${opportunities}
    where ${dealVisible(actor)} and ${opportunities.status} = 'won' and ${opportunities.closedAt} >= ${a.from.toISOString()}::timestamptz and ${opportunities.closedAt} < ${a.to.toISOString()}::timestamptz
    group by ${opportunities.accountId}`;
  return { join: sql`left join (${won}) won on won.account_id = ${accounts.id}`, cents: cents(sql`won.amount`) };
}

const row = (k: string) =>
  sql.raw(`json_build_array(${k}.rank, ${k}.id, ${k}.cents::text, (${k}.above + ${k}.cents)::text, ${k}.class)`);
type Json = [number, string, string, string, Tier];
const fromJson = (rows: Json[] | null): RankedRow[] =>
  (rows ?? []).map(([rank, id, cents, cumulative, cls]) => ({ rank, id, cents, cumulative, class: cls }));

export function paretoRepository(db: Db) {
  const owner = alias(users, 'owner');
  return {
    /**
     * Ranks the caller's live accounts by the metric and classifies them in one pass: the sorted
     * stream's running sum gives each account the value ranked above it (ties by id, as
     * core/pareto orders them), the class compares whole basis points against the total, exactly
     * as core/pareto does, and one aggregate over the stream collects the class sums, the
     * concentration figures, the chart's rows and the page — nothing of the 100k rows is kept.
     */
    async rank(actor: Actor, a: ParetoArgs): Promise<Ranking> {
      const src = valueSource(actor, a);
      // With a class filter the page counts ranks within the class: classes are consecutive runs
      // of the ranking, so a row's place in its class is its rank less the rows of better classes.
      const inClass = a.cls
        ? sql`rank - (case class when 'B' then run_a when 'C' then run_a + run_b else 0 end)`
        : sql`rank`;
      const page = sql`${a.cls ? sql`class = ${a.cls} and ` : sql``}${inClass} > ${a.offset}::int and ${inClass} <= ${a.offset + a.limit}::int`;
      const [r] = await rowsOf<{
        n: number;
        total: string;
        a: number;
        b: number;
        c: number;
        a_cents: string;
        b_cents: string;
        c_cents: string;
        top: string;
        core: number;
        series: Json[] | null;
        page: Json[] | null;
      }>(
        db,
        sql`with v as (
            select ${accounts.id} as id, ${src.cents} as cents
            from ${accounts} ${src.join}
            where ${accountVisible(actor)} and ${accounts.archivedAt} is null
          ),
          -- above × 10000 < bp × total, for whole cents, is above < ⌈bp × total / 10000⌉: one numeric
          -- product per query instead of two per account.
          t as (select total, n, div(total * ${basisPoints(a.thresholds.a)}::int + 9999, 10000) as lim_a, div(total * ${basisPoints(a.thresholds.b)}::int + 9999, 10000) as lim_b,
                       div(total * ${sql.raw(String(basisPoints(CORE_SHARE)))} + 9999, 10000) as lim_core
                from (select coalesce(sum(cents), 0) as total, count(*) as n from v) s),
          r as (
            select id, cents, row_number() over w as rank, coalesce(sum(cents) over (w rows between unbounded preceding and 1 preceding), 0) as above
            from v window w as (order by cents desc, id)
          ), k as (
            select r.*, t.total, t.n, t.lim_core,
                   case when cents <= 0 then 'C' when above < t.lim_a then 'A' when above < t.lim_b then 'B' else 'C' end as class
            from r, t
          ), p as (
            select k.*${a.cls ? sql`, count(*) filter (where class = 'A') over w as run_a, count(*) filter (where class = 'B') over w as run_b` : sql``}
            from k${a.cls ? sql` window w as (order by cents desc, id rows unbounded preceding)` : sql``}
          )
          select (select n from t)::int as n, (select total from t)::text as total,
                 count(*) filter (where class = 'A')::int as a, count(*) filter (where class = 'B')::int as b, count(*) filter (where class = 'C')::int as c,
                 coalesce(sum(cents) filter (where class = 'A'), 0)::text as a_cents, coalesce(sum(cents) filter (where class = 'B'), 0)::text as b_cents,
                 coalesce(sum(cents) filter (where class = 'C'), 0)::text as c_cents,
                 coalesce(sum(cents) filter (where rank <= (n + 4) / 5), 0)::text as top,
                 count(*) filter (where cents > 0 and above < lim_core)::int as core,
                 json_agg(${row('p')} order by rank) filter (where rank <= ${sql.raw(String(BAR_COUNT))} or rank % ((n + ${sql.raw(String(CURVE_POINTS - 1))}) / ${sql.raw(String(CURVE_POINTS))}) = 0 or rank = n) as series,
                 json_agg(${row('p')} order by rank) filter (where ${page}) as page
          from p`,
      );
      return {
        n: r.n,
        total: r.total,
        classes: {
          A: { accounts: r.a, cents: r.a_cents },
          B: { accounts: r.b, cents: r.b_cents },
          C: { accounts: r.c, cents: r.c_cents },
        },
        top: r.top,
        core: r.core,
        series: fromJson(r.series),
        page: fromJson(r.page),
      };
    },

    /** Names for the ranked rows shown: the bars and the page. */
    names(orgId: string, ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select({ id: accounts.id, name: accounts.name, tier: accounts.tier, ownerName: owner.name })
        .from(accounts)
        .leftJoin(owner, and(eq(owner.orgId, accounts.orgId), eq(owner.id, accounts.ownerId)))
        .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, ids)));
    },
  };
}
