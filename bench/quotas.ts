// Quotas for the forecast's attainment and coverage: every rep (the 40 users who own deals) gets a
// yearly quota for 2026 and 2027, the reps of the first two divisions (rep01–rep20) quarterly ones
// for 2027 as well, and each division a 2027 team quota. Computed in one INSERT … SELECT from the
// deals themselves, so attainment is plausible at any deal count (PGlite has a fifth of them).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../server/db/client.ts';
import { uuid7 } from './deals.ts';
import { stepTimer } from './seed.ts';

/** Bump when the generated quotas change: older sets are then replaced. */
const QUOTAS_VERSION = 1;

export interface QuotaMarker {
  version: number;
  quotas: number;
  /** The deal count the targets were computed from (a different deal set gets new quotas). */
  deals: number;
  seconds: number;
  steps: [string, number][];
}

export interface QuotaSeedInfo extends QuotaMarker {
  reused: boolean;
}

const count = async (db: Db, orgId: string) =>
  (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from quotas where org_id = ${orgId}`))[0].n;

export async function existingQuotas(db: Db, orgId: string, deals: number): Promise<QuotaMarker | null> {
  const [org] = await rowsOf<{ m: QuotaMarker | null }>(
    db,
    sql`select settings->'benchQuotas' as m from orgs where id = ${orgId}`,
  );
  const m = org?.m;
  if (!m || m.version !== QUOTAS_VERSION || m.deals !== deals) return null;
  return (await count(db, orgId)) === m.quotas ? m : null;
}

/**
 * A rep's yearly target is 30–50 % (a die per rep and year) of the amount of their deals expected
 * to close that year that are not lost, rounded to 10,000; a quarter's target is the year's in the
 * proportion of that quarter's deals; a division's is 105 % of its reps' yearly targets. Stretch
 * and challenge are 120 % and 150 % of the target.
 */
export async function seedQuotas(
  db: Db,
  orgId: string,
  opts: { deals: number; log: (msg: string) => void },
): Promise<QuotaSeedInfo> {
  const found = await existingQuotas(db, orgId, opts.deals);
  if (found) {
    opts.log(`reusing ${found.quotas} quotas`);
    return { ...found, reused: true };
  }
  const { steps, timed } = stepTimer(opts.log);
  const t0 = performance.now();
  await timed('quotas', async () => {
    await db.execute(sql`delete from quotas where org_id = ${orgId}`);
    await db.execute(sql`
      insert into quotas (org_id, id, user_id, team_id, period, period_kind, period_start, target, stretch, challenge, created_at, updated_at)
      with vol as (
        select o.owner_id, to_char(o.expected_close_date, 'YYYY') as y, extract(quarter from o.expected_close_date)::int as qn, sum(o.amount) as amt
        from opportunities o
        where o.org_id = ${orgId} and o.status <> 'lost' and o.expected_close_date >= date '2026-01-01' and o.expected_close_date < date '2028-01-01'
        group by 1, 2, 3
      ),
      reps as (
        select u.id, u.email, u.team_id, row_number() over (order by u.email) as r from users u where u.org_id = ${orgId} and u.role = 'rep'
      ),
      yearly as (
        select r.id, r.team_id, r.r, y.y, coalesce(sum(v.amt), 0) as amt,
          greatest(round(coalesce(sum(v.amt), 0) * (30 + ('x' || substr(md5(r.email || y.y), 1, 7))::bit(28)::int % 21) / 100.0, -4), 100000) as target
        from reps r cross join (values ('2026'), ('2027')) y(y) left join vol v on v.owner_id = r.id and v.y = y.y
        group by r.id, r.team_id, r.r, r.email, y.y
      ),
      q as (
        select yr.id as user_id, null::uuid as team_id, yr.y as period, 'year' as kind, (yr.y || '-01-01')::date as start, yr.target from yearly yr
        union all
        select yr.id, null, yr.y || '-Q' || v.qn, 'quarter', make_date(yr.y::int, (v.qn - 1) * 3 + 1, 1), greatest(round(yr.target * v.amt / nullif(yr.amt, 0), -4), 10000)
        from yearly yr join vol v on v.owner_id = yr.id and v.y = yr.y
        where yr.y = '2027' and yr.r <= 20
        union all
        select null, region.parent_id, '2027', 'year', date '2027-01-01', round(sum(yr.target) * 1.05, -4)
        from yearly yr join teams region on region.org_id = ${orgId} and region.id = yr.team_id
        where yr.y = '2027' and region.parent_id is not null
        group by region.parent_id
      ),
      numbered as (
        select q.*, (row_number() over (order by q.start, q.kind, coalesce(q.user_id, q.team_id)) - 1)::int as n from q
      )
      select ${orgId}, ${uuid7(sql`n`, sql`'quota' || n::text`)}, user_id, team_id, period, kind, start, target, round(target * 1.2, -4), round(target * 1.5, -4),
        timestamptz '2025-12-15 02:00:00+00', timestamptz '2025-12-15 02:00:00+00'
      from numbered`);
    await db.execute(sql`analyze quotas`);
  });
  const marker: QuotaMarker = {
    version: QUOTAS_VERSION,
    quotas: await count(db, orgId),
    deals: opts.deals,
    seconds: (performance.now() - t0) / 1000,
    steps,
  };
  await db.execute(
    sql`update orgs set settings = jsonb_set(settings, '{benchQuotas}', ${JSON.stringify(marker)}::jsonb) where id = ${orgId}`,
  );
  return { ...marker, reused: false };
}
