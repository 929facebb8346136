import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { accounts, activities } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import type { EffortBucket } from '../../../core/pareto.ts';
import type { Tier } from '../../../core/enums.ts';

export const GAP_LIST = 10;

export interface TierRow {
  tier: EffortBucket;
  accounts: number;
  revenue: string;
  minutes: number;
}
export interface GapRow {
  id: string;
  name: string;
  tier: Tier | null;
  revenue: string;
  minutes: number;
}

export function effortRepository(db: Db) {
  return {
    /**
     * The caller's live accounts with their revenue and the planned minutes of done calls on them
     * that started in [from, to) (anyone's calls: the account's time, not a person's), summed per
     * assigned tier; plus the accounts whose share of the minutes most exceeds, and most falls short
     * of, their share of the revenue. The planner joins calls per account by the (account, start)
     * index for a small scope and hashes them for a large one.
     */
    async effort(actor: Actor, from: Date, to: Date): Promise<{ tiers: TierRow[]; over: GapRow[]; under: GapRow[] }> {
      const gap = sql`(coalesce(minutes::numeric / nullif(t.m, 0), 0) - coalesce(revenue / nullif(t.r, 0), 0))`;
      const rows = await rowsOf<{ kind: string } & TierRow & GapRow>(
        db,
        sql`with acc as materialized (
            select ${accounts.id} as id, ${accounts.name} as name, ${accounts.tier} as tier, coalesce(${accounts.ourRevenue}, 0) as revenue,
                   coalesce(sum(round(extract(epoch from (x.planned_end - x.planned_start)) / 60)), 0)::bigint as minutes
            from ${accounts}
            left join ${activities} x on x.org_id = ${accounts.orgId} and x.account_id = ${accounts.id} and x.status = 'done'
              and x.planned_start >= ${from.toISOString()}::timestamptz and x.planned_start < ${to.toISOString()}::timestamptz
            where ${accountVisible(actor)} and ${accounts.archivedAt} is null
            group by ${accounts.orgId}, ${accounts.id}
          ), t as (select sum(revenue) as r, sum(minutes) as m from acc)
          (select 'tier' as kind, coalesce(tier, 'none') as tier, null::uuid as id, null::text as name, count(*)::int as accounts,
                  sum(revenue)::text as revenue, sum(minutes)::bigint as minutes
           from acc group by coalesce(tier, 'none'))
          union all
          (select 'over', tier, id, name, 1, revenue::text, minutes from acc, t where ${gap} > 0 order by ${gap} desc, id limit ${sql.raw(String(GAP_LIST))})
          union all
          (select 'under', tier, id, name, 1, revenue::text, minutes from acc, t where ${gap} < 0 order by ${gap}, id limit ${sql.raw(String(GAP_LIST))})`,
      );
      const minutes = <T extends { minutes: number }>(r: T) => ({ ...r, minutes: Number(r.minutes) });
      return {
        tiers: rows.filter((r) => r.kind === 'tier').map(minutes),
        over: rows.filter((r) => r.kind === 'over').map(minutes),
        under: rows.filter((r) => r.kind === 'under').map(minutes),
      };
    },
  };
}
