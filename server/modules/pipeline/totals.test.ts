// The snapshot list and forecast accuracy read pipeline_snapshot_totals (kept by migration 0012's
// triggers) plus, in a data scope, the rows of accounts the caller is only on the team of. These
// tests hold the endpoints to a plain SQL sum over pipeline_snapshots for every kind of caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { opportunities } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { scopeUserIds } from '../../access/index.ts';
import { teamsRepository } from '../teams/repository.ts';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import { pipelineService } from './service.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
import { parsePeriod, quarterOfDate } from '../../../core/period.ts';
import type { DataScope } from '../../../core/enums.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let orgId: string;
type Person = Awaited<ReturnType<Factories['user']>>;
let manager: Person;
let repA: Person;
let repB: Person;
let repC: Person;
let repD: Person;
let east: { id: string };
let eastSouth: { id: string };
const today = shanghaiDate(new Date());
const lastWeek = addDays(today, -7);
const day = (n: number) => addDays(today, n);

interface Caller {
  name: string;
  client: Client;
  userId: string;
  scope: DataScope;
  teamId: string | null;
}
let callers: Caller[];

/** A deal through the API, then set (by SQL) to the state the snapshot should copy. */
async function deal(
  client: Client,
  accountId: string,
  amount: string,
  set: Partial<typeof opportunities.$inferInsert>,
) {
  const res = await client.post('/api/opportunities', {
    accountId,
    name: `商机${amount}`,
    amount,
    confirmUnmetCriteria: true,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id: string = res.json().id;
  if (Object.keys(set).length) await t.database.db.update(opportunities).set(set).where(eq(opportunities.id, id));
  return id;
}

/** The caller's scope condition over pipeline_snapshots rows, written out as the rule says. */
async function scopeSql(c: Caller) {
  if (c.scope === 'all') return sql`true`;
  const ids = await scopeUserIds(t.database.db, orgId, c.userId, c.scope, c.teamId);
  const owners = ids.length
    ? sql`s.account_owner_id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`
    : sql`false`;
  return sql`(${owners} or s.account_id in (select m.account_id from account_members m where m.org_id = ${orgId} and m.user_id = ${c.userId}))`;
}

/** GET /api/pipeline/snapshots as a plain sum over the rows. */
async function expectedList(c: Caller) {
  return rowsOf<{ date: string; deals: number; amount: string }>(
    t.database.db,
    sql`select d.snapshot_date::text as date, count(s.opportunity_id)::int as deals, coalesce(sum(s.amount), 0)::numeric(20,2)::text as amount
        from (select distinct snapshot_date from pipeline_snapshots where org_id = ${orgId}) d
        left join pipeline_snapshots s on s.org_id = ${orgId} and s.snapshot_date = d.snapshot_date and ${await scopeSql(c)}
        group by d.snapshot_date order by d.snapshot_date desc`,
  );
}

/** The open part of GET /api/forecast/accuracy as a plain sum over the rows (nothing is won in these periods). */
async function expectedAccuracy(c: Caller, key: string, teamId?: string) {
  const p = parsePeriod(key)!;
  const members = teamId ? await teamsRepository(t.database.db).teamMembers(orgId, teamId) : null;
  const team = members
    ? members.length
      ? sql`s.owner_id in (${sql.join(
          members.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`
      : sql`false`
    : sql`true`;
  const rows = await rowsOf<{ date: string; commit: string; best: string; weighted: string }>(
    t.database.db,
    sql`select d.snapshot_date::text as date,
               coalesce(sum(s.amount) filter (where s.forecast_category = 'commit'), 0)::numeric(20,2)::text as commit,
               coalesce(sum(s.amount) filter (where s.forecast_category = 'best_case'), 0)::numeric(20,2)::text as best,
               coalesce(sum(round(s.amount * s.probability / 100.0, 2)) filter (where s.forecast_category <> 'omitted'), 0)::numeric(20,2)::text as weighted
        from (select distinct snapshot_date from pipeline_snapshots where org_id = ${orgId} and snapshot_date between ${addDays(p.start, -91)}::date and ${p.last}::date) d
        left join pipeline_snapshots s on s.org_id = ${orgId} and s.snapshot_date = d.snapshot_date
          and s.expected_close_date between ${p.start}::date and ${p.last}::date and ${await scopeSql(c)} and ${team}
        group by d.snapshot_date order by d.snapshot_date`,
  );
  return {
    period: key,
    actualWon: '0.00',
    items: rows.map((r) => ({
      snapshotDate: r.date,
      weightedForecast: r.weighted,
      commitForecast: r.commit,
      bestCaseForecast: fromCents(toCents(r.commit) + toCents(r.best)),
      error: null,
    })),
  };
}

/** The kept table, and what it should hold: the rows grouped by its key. */
const kept = () =>
  rowsOf(
    t.database.db,
    sql`select snapshot_date::text, account_owner_id::text, deal_owner_id::text, close_month::text, forecast_category, deals, amount::text, weighted::text
        from pipeline_snapshot_totals where org_id = ${orgId} order by 1, 2, 3, 4, 5`,
  );
const summed = () =>
  rowsOf(
    t.database.db,
    sql`select snapshot_date::text, coalesce(account_owner_id, '00000000-0000-0000-0000-000000000000')::text as account_owner_id,
               coalesce(owner_id, '00000000-0000-0000-0000-000000000000')::text as deal_owner_id,
               coalesce(date_trunc('month', expected_close_date::timestamp)::date, 'infinity'::date)::text as close_month, forecast_category,
               count(*)::int as deals, sum(amount)::numeric(20,2)::text as amount, sum(round(amount * probability / 100.0, 2))::numeric(20,2)::text as weighted
        from pipeline_snapshots where org_id = ${orgId} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  east = await f.team({ name: '东区' });
  eastSouth = await f.team({ name: '东南', parentId: east.id });
  manager = await f.user({ role: 'manager', teamId: east.id, name: '经理' });
  repA = await f.user({ name: '甲' });
  repB = await f.user({ teamId: east.id, managerId: manager.id, name: '乙' });
  repC = await f.user({ teamId: eastSouth.id, managerId: manager.id, name: '丙' });
  repD = await f.user({ name: '丁' });
  const a = (await f.account(repA.client)).id;
  const b = (await f.account(repB.client)).id;
  const c = (await f.account(repC.client)).id;
  const d = (await f.account(repD.client)).id;
  // 甲 is on the account team of 乙's and 丁's accounts; the manager on 丁's (outside the team).
  for (const [account, members] of [
    [
      b,
      [
        { userId: repB.id, role: 'owner' },
        { userId: repA.id, role: 'member' },
      ],
    ],
    [
      d,
      [
        { userId: repD.id, role: 'owner' },
        { userId: repA.id, role: 'support' },
        { userId: manager.id, role: 'executive_sponsor' },
      ],
    ],
  ] as const) {
    const res = await f.admin.put(`/api/accounts/${account}/members`, { members });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  orgId = (await rowsOf<{ id: string }>(t.database.db, sql`select org_id::text as id from accounts where id = ${a}`))[0]
    .id;

  // Amounts and probabilities whose weighted amounts round (100.05 × 33 % = 33.0165 → 33.02),
  // every category, deal owners other than the account's, a deal without a close date and one in
  // December 9999 (the two must not share a month).
  const q = (n: number) => day(60 + n);
  await deal(repA.client, a, '100.05', { probability: 33, forecastCategory: 'commit', expectedCloseDate: q(0) });
  await deal(repA.client, a, '2000.01', { probability: 50, forecastCategory: 'best_case', expectedCloseDate: q(20) });
  await deal(repA.client, a, '30000', { probability: 10, forecastCategory: 'pipeline', expectedCloseDate: null });
  await deal(repA.client, a, '7', { probability: 90, forecastCategory: 'commit', expectedCloseDate: '9999-12-15' });
  await deal(repB.client, b, '40000.5', { probability: 67, forecastCategory: 'commit', expectedCloseDate: q(5) });
  await deal(repB.client, b, '5000.55', {
    probability: 25,
    forecastCategory: 'omitted',
    expectedCloseDate: q(6),
    ownerId: repC.id,
  });
  await deal(repB.client, b, '600', { probability: 45, forecastCategory: 'best_case', expectedCloseDate: q(200) });
  await deal(repC.client, c, '70000.07', { probability: 15, forecastCategory: 'pipeline', expectedCloseDate: q(1) });
  await deal(repC.client, c, '800.08', {
    probability: 80,
    forecastCategory: 'commit',
    expectedCloseDate: q(2),
    ownerId: repA.id,
  });
  await deal(repD.client, d, '9000.09', { probability: 60, forecastCategory: 'commit', expectedCloseDate: q(3) });
  await deal(repD.client, d, '100', {
    probability: 20,
    forecastCategory: 'best_case',
    expectedCloseDate: q(4),
    ownerId: repB.id,
  });

  callers = [
    { name: 'admin', client: f.admin, userId: '', scope: 'all', teamId: null },
    { name: 'rep (own + account teams)', client: repA.client, userId: repA.id, scope: 'own', teamId: null },
    {
      name: 'rep (own, account team of own account)',
      client: repB.client,
      userId: repB.id,
      scope: 'own',
      teamId: east.id,
    },
    { name: 'rep (own only)', client: repC.client, userId: repC.id, scope: 'own', teamId: eastSouth.id },
    {
      name: 'manager (team and sub-teams + account team)',
      client: manager.client,
      userId: manager.id,
      scope: 'team_and_subteams',
      teamId: east.id,
    },
  ];
});
afterAll(() => t.close());

describe('pipeline snapshot totals', () => {
  it('are kept as the snapshot is taken, and a repeated snapshot of the day changes nothing', async () => {
    const first = await f.admin.post('/api/pipeline/snapshots');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ date: today, deals: 11, amount: '157608.35' });
    expect(await kept()).toEqual(await summed());
    const before = await kept();
    expect(before.length).toBeGreaterThan(0);

    // A deal opened later the same day, then the day again: the admin's POST and the weekly job.
    await deal(repA.client, (await f.account(repA.client)).id, '1', {});
    expect((await f.admin.post('/api/pipeline/snapshots')).json()).toEqual({
      date: today,
      deals: 11,
      amount: '157608.35',
    });
    expect(await pipelineService(t.database.db).snapshotDue(new Date())).not.toContain(orgId);
    expect(await kept()).toEqual(before);
  });

  it('hold every snapshot written, however it is written', async () => {
    // Last week, as the demo writes its history: straight into pipeline_snapshots, other amounts,
    // one deal whose account then had no owner and one whose deal had no owner.
    await t.database.db.execute(sql`
      insert into pipeline_snapshots (org_id, snapshot_date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount, probability, expected_close_date, forecast_category)
      select org_id, ${lastWeek}::date, opportunity_id, account_id,
             case when amount = 40000.5 then null else owner_id end,
             case when amount = 9000.09 then null else account_owner_id end,
             stage_id, amount * 2, probability, expected_close_date - 40, forecast_category
      from pipeline_snapshots where org_id = ${orgId} and snapshot_date = ${today}::date`);
    // Next week, by the weekly job after the deals changed.
    await t.database.db.execute(
      sql`update opportunities set amount = amount + 0.01, expected_close_date = expected_close_date + 31 where org_id = ${orgId}`,
    );
    const nextWeek = new Date(`${day(7)}T10:00:00+08:00`);
    expect(await pipelineService(t.database.db).snapshotDue(nextWeek)).toContain(orgId);
    expect(await kept()).toEqual(await summed());

    // Nothing rewrites snapshots, but if something did, the totals would follow.
    await t.database.db.execute(
      sql`update pipeline_snapshots set amount = amount + 1, expected_close_date = null where org_id = ${orgId} and snapshot_date = ${lastWeek}::date and probability = 50`,
    );
    await t.database.db.execute(
      sql`delete from pipeline_snapshots where org_id = ${orgId} and snapshot_date = ${lastWeek}::date and probability = 60`,
    );
    expect(await kept()).toEqual(await summed());
    expect(await kept()).not.toContainEqual(expect.objectContaining({ deals: 0 }));
  });

  it("list each date with the caller's deals exactly as a sum over the rows would", async () => {
    for (const c of callers) {
      const expected = await expectedList(c);
      expect(expected.length, c.name).toBe(3);
      expect((await c.client.get('/api/pipeline/snapshots')).json().items, c.name).toEqual(expected);
    }
    // The account-team part counts: 甲 sees their own four deals and, through the account teams,
    // 乙's three and 丁's two (not 丙's deal they own on 丙's account: scope follows the account).
    const a = (await repA.client.get('/api/pipeline/snapshots')).json().items;
    expect(a.find((r: { date: string }) => r.date === today)).toEqual({ date: today, deals: 9, amount: '86808.20' });
  });

  it('forecast accuracy from the totals equals the sums over the rows, per scope and team', async () => {
    const quarter = quarterOfDate(day(60));
    const periods = [quarter, quarter.slice(0, 4), day(60).slice(0, 7), day(91).slice(0, 7)];
    for (const c of callers) {
      for (const period of periods) {
        const res = await c.client.get(`/api/forecast/accuracy?period=${period}`);
        expect(res.statusCode, `${c.name} ${period}`).toBe(200);
        expect(res.json(), `${c.name} ${period}`).toEqual(await expectedAccuracy(c, period));
      }
    }
    // Team filters are deal owners (sub-teams included): for the admin, and the manager over their own team.
    for (const [c, teamId] of [
      [callers[0], east.id],
      [callers[0], eastSouth.id],
      [callers[4], eastSouth.id],
    ] as const) {
      const res = await c.client.get(`/api/forecast/accuracy?period=${quarter}&teamId=${teamId}`);
      expect(res.json(), `${c.name} team ${teamId}`).toEqual(await expectedAccuracy(c, quarter, teamId));
    }
    // Something is in the quarter for everybody, so the comparison is not between zeros.
    const all = (await f.admin.get(`/api/forecast/accuracy?period=${quarter}`)).json();
    expect(all.items.some((i: { weightedForecast: string }) => i.weightedForecast !== '0.00')).toBe(true);
  });
});
