// The demo's pipeline history, so "what changed this week" shows something real on a fresh demo.
// Every demo deal is created today, so a week ago is invented: a snapshot dated seven days back
// holds the deals as they stood *before* a few changes (some a stage behind, some at another
// amount or close date, won deals still negotiating, every eighth deal not there yet), then three
// open deals are lost through the service (with reasons), and today's snapshot is taken.
// Deterministic: deals are picked by their position in name order, never at random.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { competitors, opportunities, orgs, stages, users } from '../../db/schema.ts';
import { organisationActor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { addDays, localDate } from '../../../core/time.ts';
import { opportunitiesService } from '../opportunities/service.ts';
import { takeSnapshot } from '../pipeline/service.ts';

/** `at`: the place among open deals that were in last week's snapshot. */
const LOST = [
  { at: 2, lostReason: '价格', competitor: 0 },
  { at: 12, lostReason: '预算取消', competitor: null },
  { at: 22, lostReason: '技术方案未通过评审', competitor: 2 },
] as const;

export async function seedDemoSnapshots(db: Db, now = new Date()): Promise<void> {
  const [org] = await db.select().from(orgs).limit(1);
  if (!org) return;
  const orgId = org.id;
  const today = localDate(now, await orgTimeZone(db, orgId));
  const weekAgo = addDays(today, -7);

  // Demo history, not a real snapshot: n is the deal's place in name order.
  //   n % 8 = 0  absent (new this week)
  //   n % 5 = 1  one open stage behind (moved forward); won deals were at the last open stage (won)
  //   n % 7 = 3  at 80 % of today's amount (amount up); n % 7 = 5 at 120 % (amount down)
  //   n % 6 = 2  expected 45 days earlier (slipped); n % 6 = 4 30 days later (pulled in)
  await db.execute(sql`
    insert into pipeline_snapshots (org_id, snapshot_date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount, probability, expected_close_date, forecast_category)
    select d.org_id, ${weekAgo}::date, d.id, d.account_id, d.owner_id, d.account_owner_id,
           coalesce(b.id, d.stage_id),
           case when d.n % 7 = 3 then round(d.amount * 0.8, 2) when d.n % 7 = 5 then round(d.amount * 1.2, 2) else d.amount end,
           coalesce(b.probability, d.probability),
           case when d.n % 6 = 2 then d.expected_close_date - 45 when d.n % 6 = 4 then d.expected_close_date + 30 else d.expected_close_date end,
           coalesce(b.forecast_category, d.forecast_category)
    from (select o.*, row_number() over (order by o.name, o.id) as n from ${opportunities} o where o.org_id = ${orgId} and o.status <> 'lost') d
    join ${stages} cur on cur.org_id = d.org_id and cur.id = d.stage_id
    left join lateral (
      select s.id, s.probability, s.forecast_category from ${stages} s
      where s.org_id = d.org_id and s.kind = 'open' and s.removed_at is null
        and (d.status = 'won' or (d.n % 5 = 1 and s.position < cur.position))
      order by s.position desc limit 1
    ) b on true
    where d.n % 8 <> 0
    on conflict do nothing`);

  // Lost this week: open deals that were in last week's snapshot (their n is not a multiple of 8).
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.createdAt))
    .limit(1);
  const actor = organisationActor(orgId, admin.id, 'admin');
  const all = await db
    .select({ id: opportunities.id, version: opportunities.version, status: opportunities.status })
    .from(opportunities)
    .where(eq(opportunities.orgId, orgId))
    .orderBy(asc(opportunities.name), asc(opportunities.id));
  const open = all.filter((d, i) => d.status === 'open' && (i + 1) % 8 !== 0);
  const rivals = await db
    .select({ id: competitors.id })
    .from(competitors)
    .where(eq(competitors.orgId, orgId))
    .orderBy(asc(competitors.name));
  const lostStage = (
    await db.select({ id: stages.id, kind: stages.kind }).from(stages).where(eq(stages.orgId, orgId))
  ).find((s) => s.kind === 'lost');
  const deals = opportunitiesService(db);
  for (const l of LOST) {
    const deal = open[l.at];
    if (!deal || !lostStage) continue;
    await deals.update(actor, deal.id, {
      version: deal.version,
      stageId: lostStage.id,
      confirmUnmetCriteria: true,
      lostReason: l.lostReason,
      wonByCompetitorId: l.competitor === null ? null : (rivals[l.competitor]?.id ?? null),
    });
  }

  await takeSnapshot(db, orgId, today);
}
