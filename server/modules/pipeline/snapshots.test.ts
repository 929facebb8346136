import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { opportunities, orgs, pipelineSnapshots } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import { isoWeek, pipelineService } from './service.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let stages: Stage[];
let repA: Awaited<ReturnType<Factories['user']>>;
let repB: Awaited<ReturnType<Factories['user']>>;
let orgId: string;
const today = shanghaiDate(new Date());

const deal = async (client: Factories['admin'], accountId: string, amount: string, stageId?: string) => {
  const res = await client.post('/api/opportunities', {
    accountId,
    name: `商机${amount}`,
    amount,
    ...(stageId ? { stageId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const rowsOn = async (date: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(pipelineSnapshots)
      .where(and(eq(pipelineSnapshots.orgId, orgId), eq(pipelineSnapshots.snapshotDate, date)))
  )[0].n;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  repA = await f.user({ name: '甲' });
  repB = await f.user({ name: '乙' });
  const a = await f.account(repA.client);
  const b = await f.account(repB.client);
  const first = await deal(repA.client, a.id, '100000.10');
  orgId = (
    await t.database.db.select({ orgId: opportunities.orgId }).from(opportunities).where(eq(opportunities.id, first.id))
  )[0].orgId;
  await deal(repA.client, a.id, '50000');
  await deal(repA.client, a.id, '900000', stages.find((s) => s.kind === 'won')!.id); // closed: not in a snapshot
  await deal(repB.client, b.id, '70000');
});
afterAll(() => t.close());

describe('pipeline snapshots', () => {
  it('only an admin takes one; a day is taken once, in one statement', async () => {
    expect((await repA.client.post('/api/pipeline/snapshots')).statusCode).toBe(403);
    const res = await f.admin.post('/api/pipeline/snapshots');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ date: today, deals: 3, amount: '220000.10' });

    // A deal opened later the same day does not join the day's snapshot, and nothing is rewritten.
    const late = await deal(repB.client, (await f.account(repB.client)).id, '1');
    const again = await f.admin.post('/api/pipeline/snapshots');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ date: today, deals: 3, amount: '220000.10' });
    expect(await rowsOn(today)).toBe(3);
    const [row] = await t.database.db
      .select()
      .from(pipelineSnapshots)
      .where(eq(pipelineSnapshots.opportunityId, late.id));
    expect(row).toBeUndefined();
  });

  it("lists the organisation's dates newest first with the caller's deals only", async () => {
    // An older snapshot holding only 乙's deal: 甲 still sees the date, with nothing in it.
    const lastWeek = addDays(today, -7);
    await t.database.db.execute(sql`
      insert into pipeline_snapshots select org_id, ${lastWeek}::date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount * 2, probability, expected_close_date, forecast_category
      from pipeline_snapshots where org_id = ${orgId} and snapshot_date = ${today}::date and owner_id = ${repB.id}`);
    expect((await f.admin.get('/api/pipeline/snapshots')).json()).toEqual({
      items: [
        { date: today, deals: 3, amount: '220000.10' },
        { date: lastWeek, deals: 1, amount: '140000.00' },
      ],
    });
    expect((await repA.client.get('/api/pipeline/snapshots')).json().items).toEqual([
      { date: today, deals: 2, amount: '150000.10' },
      { date: lastWeek, deals: 0, amount: '0.00' },
    ]);
    expect((await repB.client.get('/api/pipeline/snapshots')).json().items).toEqual([
      { date: today, deals: 1, amount: '70000.00' },
      { date: lastWeek, deals: 1, amount: '140000.00' },
    ]);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await f.admin.get('/api/openapi.json')).json();
    for (const [path, method, tag] of [
      ['/api/pipeline/snapshots', 'get', 'pipeline'],
      ['/api/pipeline/snapshots', 'post', 'pipeline'],
      ['/api/pipeline/changes', 'get', 'pipeline'],
      ['/api/forecast/accuracy', 'get', 'forecast'],
      ['/api/analysis/win-loss', 'get', 'analysis'],
    ]) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
  });

  it('the weekly job snapshots every organisation once per ISO week (Shanghai days)', async () => {
    expect(isoWeek('2031-03-05')).toEqual({ monday: '2031-03-03', sunday: '2031-03-09' });
    expect(isoWeek('2031-03-03')).toEqual({ monday: '2031-03-03', sunday: '2031-03-09' });
    expect(isoWeek('2031-03-09')).toEqual({ monday: '2031-03-03', sunday: '2031-03-09' });
    const other = newId();
    await t.database.db.insert(orgs).values({ id: other, name: '另一家公司' });
    const service = pipelineService(t.database.db);
    const ours = async (now: string) => (await service.snapshotDue(new Date(now))).filter((o) => o === orgId);

    // Wednesday 10:00 in Shanghai: nothing this week yet.
    expect(await ours('2031-03-05T10:00:00+08:00')).toEqual([orgId]);
    expect(await rowsOn('2031-03-05')).toBe(4);
    // Hourly ticks for the rest of the week do nothing, up to Sunday 23:59 in Shanghai (15:59 UTC).
    expect(await ours('2031-03-05T11:00:00+08:00')).toEqual([]);
    expect(await ours('2031-03-07T09:00:00+08:00')).toEqual([]);
    expect(await ours('2031-03-09T23:59:00+08:00')).toEqual([]);
    expect(await rowsOn('2031-03-09')).toBe(0);
    // Monday 00:30 in Shanghai is still Sunday in UTC, but a new week here.
    expect(await ours('2031-03-10T00:30:00+08:00')).toEqual([orgId]);
    expect(await rowsOn('2031-03-10')).toBe(4);
    expect(await ours('2031-03-10T01:30:00+08:00')).toEqual([]);
    // The other organisation has no open deals, so there is nothing to keep: it is simply tried again.
    const dates = await t.database.db
      .selectDistinct({ d: pipelineSnapshots.snapshotDate })
      .from(pipelineSnapshots)
      .where(eq(pipelineSnapshots.orgId, other));
    expect(dates).toEqual([]);
  });
});
