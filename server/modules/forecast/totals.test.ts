// The forecast reads forecast_totals, kept per month by a trigger (migration 0011). After every kind
// of write the kept rows must equal the same sums over the deals, and the forecast must equal what
// it was before the totals existed (summed over the deals), for every scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

type Client = Factories['admin'];

let t: TestApp;
let f: Factories;
let stages: Stage[];
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
});
afterAll(() => t.close());

const NIL = '00000000-0000-0000-0000-000000000000';

/** The file's organisation's non-empty kept rows, and the same sums over its deals, in one order. */
async function expectKeptExact() {
  const db = t.database.db;
  const kept = await rowsOf(
    db,
    sql`select status, month::text, account_owner_id, deal_owner_id, stage_id, forecast_category, deals, amount::text, weighted::text
        from forecast_totals where org_id = ${f.orgId} and deals <> 0 order by 1, 2, 3, 4, 5, 6`,
  );
  const summed = await rowsOf(
    db,
    sql`select status, okam_forecast_month(status, expected_close_date, closed_at, okam_org_zone(org_id))::text as month, coalesce(account_owner_id, ${NIL}::uuid) as account_owner_id,
          coalesce(owner_id, ${NIL}::uuid) as deal_owner_id, stage_id, forecast_category, count(*)::int as deals,
          sum(amount)::numeric(20,2)::text as amount, sum(round(amount * probability / 100.0, 2))::numeric(20,2)::text as weighted
        from opportunities where org_id = ${f.orgId} and okam_forecast_month(status, expected_close_date, closed_at, okam_org_zone(org_id)) is not null
        group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
  );
  expect(kept).toEqual(summed);
  // Zero rows left behind never carry money.
  const [zero] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from forecast_totals where org_id = ${f.orgId} and deals = 0 and (amount <> 0 or weighted <> 0)`,
  );
  expect(zero.n).toBe(0);
}

async function forecast(client: Client, query: string) {
  const res = await client.get(`/api/forecast?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    rows: { key: string; deals: number; closedWon: string; weightedForecast: string }[];
    totals: { deals: number; closedWon: string; commit: string; weightedForecast: string };
  };
}

describe('forecast totals', () => {
  it('stay exact through creates, moves, slips, wins, losses, reopenings, owner changes, deletes and account hand-overs', async () => {
    const team = await f.team();
    const repA = await f.user({ role: 'rep', teamId: team.id });
    const repB = await f.user({ role: 'rep', teamId: team.id });
    const accA = await f.account(repA.client);
    const accB = await f.account(repB.client);
    const [s1, s2, s3, , , won, lost] = stages;

    const d1 = await f.deal(repA.client, {
      accountId: accA.id,
      amount: '100000.10',
      stageId: s1.id,
      expectedCloseDate: '2030-01-31',
    });
    const d2 = await f.deal(repA.client, {
      accountId: accA.id,
      amount: '33333.33',
      stageId: s3.id,
      expectedCloseDate: '2030-02-01',
    });
    const d3 = await f.deal(repB.client, {
      accountId: accB.id,
      amount: '999.99',
      stageId: s2.id,
      expectedCloseDate: '2030-03-31',
    });
    await f.deal(repB.client, { accountId: accB.id, amount: '5000', stageId: s2.id, expectedCloseDate: null });
    await expectKeptExact();
    const q1 = await forecast(f.admin, 'period=2030-Q1');
    expect(q1.totals.deals).toBe(3);

    // Moved, re-amounted, probability overridden, slipped into the next quarter, recategorised.
    const patch = (c: Client, d: { id: string; version: number }, body: object) =>
      c.patch(`/api/opportunities/${d.id}`, { version: d.version, confirmUnmetCriteria: true, ...body });
    const m1 = await patch(repA.client, d1, { stageId: s2.id, amount: '200000.00' });
    expect(m1.statusCode).toBe(200);
    const m2 = await patch(repA.client, d2, {
      probability: 70,
      probabilityReason: '客户已确认预算',
      expectedCloseDate: '2030-04-02',
    });
    expect(m2.statusCode).toBe(200);
    const m3 = await patch(repB.client, d3, { forecastCategory: 'commit' });
    expect(m3.statusCode).toBe(200);
    await expectKeptExact();
    expect((await forecast(f.admin, 'period=2030-Q1')).totals.deals).toBe(2);
    expect((await forecast(f.admin, 'period=2030-Q2')).totals.deals).toBe(1);

    // Won (signed now), lost, reopened, handed to another rep, deleted.
    const w = await patch(repB.client, m3.json(), { stageId: won.id });
    expect(w.statusCode).toBe(200);
    const l = await patch(repA.client, m1.json(), { stageId: lost.id, lostReason: '预算取消' });
    expect(l.statusCode).toBe(200);
    await expectKeptExact();
    const reopened = await patch(repA.client, l.json(), { stageId: s1.id });
    expect(reopened.statusCode).toBe(200);
    const handed = await patch(f.admin, reopened.json(), { ownerId: repB.id });
    expect(handed.statusCode).toBe(200);
    await expectKeptExact();
    expect((await repA.client.delete(`/api/opportunities/${m2.json().id}`)).statusCode).toBe(204);
    await expectKeptExact();

    // The account changes hands: its deals' totals move to the new owner's scope.
    const current = (await f.admin.get(`/api/accounts/${accA.id}`)).json();
    expect(
      (await f.admin.patch(`/api/accounts/${accA.id}`, { version: current.version, ownerId: repB.id })).statusCode,
    ).toBe(200);
    await expectKeptExact();
    expect((await forecast(repA.client, 'period=2030-Q1')).totals.deals).toBe(0);
    expect((await forecast(repB.client, 'period=2030-Q1')).totals.deals).toBe(1);

    // On the account team of an account owned outside the scope: counted once, from the deals.
    expect(
      (await f.admin.put(`/api/accounts/${accA.id}/members`, { members: [{ userId: repA.id, role: 'member' }] }))
        .statusCode,
    ).toBe(200);
    const a = await forecast(repA.client, 'period=2030-Q1');
    expect(a.totals.deals).toBe(1);
    expect(a.rows.find((r) => r.key === repB.id)?.deals).toBe(1);
    const byMonth = await forecast(repA.client, 'period=2030&groupBy=month');
    expect(byMonth.rows.find((r) => r.key === '2030-01')?.deals).toBe(1);
    await expectKeptExact();
  });
});
