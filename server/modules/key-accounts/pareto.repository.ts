import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, opportunities, users } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { accountVisible } from '../accounts/repository.ts';
import { dealInScope } from '../opportunities/repository.ts';
import type { ParetoMetric, Tier } from '../../../core/enums.ts';
import { basisPoints, CORE_SHARE, type ParetoThresholds } from '../../../core/pareto.ts';

export const BAR_COUNT = 100;
export const CURVE_POINTS = 200;

/** The archive's figures, or won deals signed in a window of instants [from, to). */
export type ParetoSource = { metric: Exclude<ParetoMetric, 'wonAmount'> } | { metric: 'wonAmount'; from: Date; to: Date };

export type ParetoArgs = ParetoSource & {
  thresholds: ParetoThresholds;
  cls?: Tier;
  limit: number;
  offset: number;
};

export interface ClassRow {
  class: Tier;
  accounts: number;
  value: string;
  /** Accounts of the class among the top fifth, and their value. */
  top: string;
  /** Accounts of the class that are among the fewest making 80%. */
  core: number;
  n: number;
  total: string;
}
type Row = { kind: string } & Partial<ClassRow> & Partial<RankedRow>;
export interface RankedRow {
  rank: number;
  id: string;
  name: string;
  ownerName: string | null;
  tier: Tier | null;
  value: string;
  cumulative: string;
  class: Tier;
}

/** The metric per account: a column of the archive, or won deals signed in the window (one grouped range of the closed_at index). */
function valueSource(actor: Actor, a: ParetoSource): { join: SQL; value: SQL } {
  if (a.metric !== 'wonAmount') return { join: sql``, value: sql`coalesce(${a.metric === 'ourRevenue' ? accounts.ourRevenue : accounts.potential}, 0)` };
  const won = sql`select ${opportunities.accountId} as account_id, sum(${opportunities.amount}) as amount from ${opportunities}
    where ${dealInScope(actor)} and ${opportunities.status} = 'won' and ${opportunities.closedAt} >= ${a.from.toISOString()}::timestamptz and ${opportunities.closedAt} < ${a.to.toISOString()}::timestamptz
    group by ${opportunities.accountId}`;
  return { join: sql`left join (${won}) won on won.account_id = ${accounts.id}`, value: sql`coalesce(won.amount, 0)` };
}

export function paretoRepository(db: Db) {
  return {
    /**
     * Ranks the caller's live accounts by the metric and classifies them in one statement: window
     * sums give each account the value ranked above it (ties by id, as core/pareto orders them),
     * and the class compares whole basis points against it, exactly as core/pareto does. The ranked
     * set is read three times: per-class sums, the bars and sampled curve, and the page.
     */
    async rank(actor: Actor, a: ParetoArgs): Promise<{ classes: ClassRow[]; series: RankedRow[]; page: RankedRow[] }> {
      const src = valueSource(actor, a);
      const ranked = sql`v as (
          select ${accounts.id} as id, ${accounts.name} as name, ${accounts.tier} as tier, ${accounts.ownerId} as owner_id, ${src.value} as value
          from ${accounts} ${src.join}
          where ${accountVisible(actor)} and ${accounts.archivedAt} is null
        ), r as (
          select v.*, row_number() over w as rank, coalesce(sum(value) over (w rows between unbounded preceding and 1 preceding), 0) as above,
                 sum(value) over () as total, count(*) over () as n
          from v window w as (order by value desc, id)
        ), c as materialized (
          select r.*, case when value <= 0 then 'C'
                           when above * 10000 < ${basisPoints(a.thresholds.a)}::int * total then 'A'
                           when above * 10000 < ${basisPoints(a.thresholds.b)}::int * total then 'B' else 'C' end as class
          from r
        )`;
      const row = (kind: string) => sql`${sql.raw(`'${kind}'`)} as kind, c.rank::int as rank, c.id, c.name, c.tier, c.value::text as value, (c.above + c.value)::text as cumulative, c.class`;
      const none = sql`null::int as accounts, null::text as top, null::int as core, null::int as n, null::text as total`;
      const rows = await rowsOf<Row>(
        db,
        sql`with ${ranked}
          (select 'class' as kind, null::int as rank, null::uuid as id, null::text as name, null::text as tier, sum(value)::text as value,
                  null::text as cumulative, class, null::text as "ownerName", count(*)::int as accounts,
                  coalesce(sum(value) filter (where rank <= (n + 4) / 5), 0)::text as top,
                  (count(*) filter (where value > 0 and above * 10000 < ${sql.raw(String(basisPoints(CORE_SHARE)))} * total))::int as core, max(n)::int as n, max(total)::text as total
           from c group by class)
          union all
          (select ${row('series')}, null::text, ${none} from c
           where rank <= ${sql.raw(String(BAR_COUNT))} or rank % ((n + ${sql.raw(String(CURVE_POINTS - 1))}) / ${sql.raw(String(CURVE_POINTS))}) = 0 or rank = n)
          union all
          (select ${row('page')}, u.name, ${none} from c
           left join ${users} u on u.org_id = ${actor.orgId} and u.id = c.owner_id
           ${a.cls ? sql`where c.class = ${a.cls}` : sql``}
           order by c.rank limit ${a.limit}::int offset ${a.offset}::int)`,
      );
      const classes = rows.filter((r) => r.kind === 'class') as ClassRow[];
      const ranks = (kind: string) => (rows.filter((r) => r.kind === kind) as RankedRow[]).sort((x, y) => x.rank - y.rank);
      const series = ranks('series');
      const page = ranks('page');
      return { classes, series, page };
    },
  };
}
