import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { opportunities } from '../../db/schema.ts';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../core/time.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { PipelineChange, PipelineChanges } from '../../../core/schemas/forecast.ts';

/** These tests' organisations keep the default zone. */
const shanghaiDate = (at: Date) => localDate(at, DEFAULT_TIME_ZONE);

let t: TestApp;
let f: Factories;
let stages: Stage[];
type Person = Awaited<ReturnType<Factories['user']>>;
let manager: Person;
let repA: Person;
let repB: Person;
let repC: Person;
let north: { id: string };
let east: { id: string };
const today = shanghaiDate(new Date());
const ids: Record<string, string> = {};

async function open(client: Client, key: string, accountId: string, body: Record<string, unknown>) {
  const res = await client.post('/api/opportunities', { accountId, name: key, confirmUnmetCriteria: true, ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  ids[key] = res.json().id;
}
async function edit(client: Client, key: string, patch: Record<string, unknown>) {
  const { version } = (await client.get(`/api/opportunities/${ids[key]}`)).json();
  const res = await client.patch(`/api/opportunities/${ids[key]}`, { version, confirmUnmetCriteria: true, ...patch });
  if (res.statusCode !== 200) throw new Error(res.body);
}
const changes = async (client: Client, query: string): Promise<PipelineChanges> => {
  const res = await client.get(`/api/pipeline/changes?${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
};
/** Deal name → kinds. */
const kinds = (c: PipelineChanges) => Object.fromEntries(c.items.map((i: PipelineChange) => [i.name, i.kinds]));

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  north = await f.team({ name: '北区' });
  const northSub = await f.team({ name: '北区一组', parentId: north.id });
  east = await f.team({ name: '东区' });
  manager = await f.user({ role: 'manager', teamId: north.id, name: '北区经理' });
  repA = await f.user({ teamId: north.id, name: '甲' });
  repC = await f.user({ teamId: northSub.id, name: '丙' });
  repB = await f.user({ teamId: east.id, name: '乙' });
  const accA = (await f.account(repA.client, { name: '甲的客户' })).id;
  const accB = (await f.account(repB.client)).id;
  const accC = (await f.account(repC.client)).id;

  // The pipeline as the snapshot will see it.
  await open(repA.client, 'fwd', accA, { amount: '100000', stageId: stages[0].id });
  await open(repA.client, 'back', accA, { amount: '200000', stageId: stages[2].id });
  await open(repA.client, 'slip', accA, { amount: '300000', expectedCloseDate: '2027-03-01' });
  await open(repA.client, 'nulled', accA, { amount: '310000', expectedCloseDate: '2027-03-01' });
  await open(repA.client, 'pull', accA, { amount: '320000', expectedCloseDate: '2027-06-01' });
  await open(repA.client, 'up', accA, { amount: '400000' });
  await open(repA.client, 'down', accA, { amount: '500000' });
  await open(repA.client, 'won', accA, { amount: '600000', stageId: stages[3].id });
  await open(repA.client, 'lost', accA, { amount: '700000' });
  await open(repA.client, 'same', accA, { amount: '800000', expectedCloseDate: '2027-03-01' });
  await open(repA.client, 'touched', accA, { amount: '810000' });
  await open(repA.client, 'multi', accA, { amount: '900000', expectedCloseDate: '2027-03-01' });
  await open(repA.client, 'old-won', accA, { amount: '820000', stageId: stages[5].id });
  await open(repC.client, 'sub-fwd', accC, { amount: '111000' });
  await open(repB.client, 'east-lost', accB, { amount: '222000' });
  // Created and won a month ago: never in a snapshot, and not new.
  await t.database.db
    .update(opportunities)
    .set({ createdAt: new Date(Date.now() - 30 * 86_400_000) })
    .where(eq(opportunities.id, ids['old-won']));
});
afterAll(() => t.close());

describe('what changed in the pipeline', () => {
  it('without any snapshot, every deal created since the date is new', async () => {
    const c = await changes(f.admin, `since=${addDays(today, -1)}`);
    expect(c.baseline).toBeNull();
    expect(c.items).toHaveLength(14);
    expect(c.items.every((i) => i.before === null && i.kinds[0] === 'new')).toBe(true);
    expect(kinds(c)['old-won']).toBeUndefined();
    expect(c.items[0]).toMatchObject({
      name: 'multi',
      accountName: '甲的客户',
      ownerName: '甲',
      after: { amount: '900000.00', status: 'open' },
    });
    expect(c.summary.find((s) => s.kind === 'new')).toEqual({ kind: 'new', count: 14, amount: '6273000.00' });
    expect((await changes(f.admin, `since=${addDays(today, 1)}`)).items).toEqual([]);
  });

  it('compares the deals now with the baseline snapshot: every kind, several per deal', async () => {
    expect((await f.admin.post('/api/pipeline/snapshots')).json()).toMatchObject({ date: today, deals: 14 });

    await edit(repA.client, 'fwd', { stageId: stages[1].id });
    await edit(repA.client, 'back', { stageId: stages[1].id });
    await edit(repA.client, 'slip', { expectedCloseDate: '2027-06-01' });
    await edit(repA.client, 'nulled', { expectedCloseDate: null });
    await edit(repA.client, 'pull', { expectedCloseDate: '2027-01-15' });
    await edit(repA.client, 'up', { amount: '450000' });
    await edit(repA.client, 'down', { amount: '420000' });
    await edit(repA.client, 'won', { stageId: stages[5].id, amount: '650000' });
    await edit(repA.client, 'lost', { stageId: stages[6].id, lostReason: '价格' });
    await edit(repA.client, 'touched', { nextStep: '再约' });
    await edit(repA.client, 'multi', { stageId: stages[2].id, expectedCloseDate: '2027-09-01', amount: '950000' });
    await edit(repA.client, 'old-won', { amount: '830000' });
    await edit(repC.client, 'sub-fwd', { stageId: stages[1].id });
    await edit(repB.client, 'east-lost', { stageId: stages[6].id });
    await open(repA.client, 'new', (await f.account(repA.client)).id, { amount: '1000000' });
    await open(repA.client, 'new-won', (await f.account(repA.client)).id, { amount: '50000' });
    await edit(repA.client, 'new-won', { stageId: stages[5].id });

    const c = await changes(f.admin, `since=${today}`);
    expect(c.baseline).toBe(today);
    expect(kinds(c)).toEqual({
      new: ['new'],
      multi: ['moved_forward', 'slipped', 'amount_up'],
      lost: ['lost'],
      won: ['won', 'amount_up'],
      down: ['amount_down'],
      up: ['amount_up'],
      pull: ['pulled_in'],
      nulled: ['slipped'],
      slip: ['slipped'],
      'east-lost': ['lost'],
      back: ['moved_back'],
      'sub-fwd': ['moved_forward'],
      fwd: ['moved_forward'],
      'new-won': ['new', 'won'],
    });
    // Largest amount now first.
    expect(c.items.map((i) => i.after.amount)).toEqual(
      [...c.items.map((i) => i.after.amount)].sort((x, y) => Number(y) - Number(x)),
    );
    const multi = c.items.find((i) => i.name === 'multi')!;
    expect(multi.before).toEqual({
      stageId: stages[0].id,
      stageName: stages[0].name,
      amount: '900000.00',
      expectedCloseDate: '2027-03-01',
      forecastCategory: 'pipeline',
      status: 'open',
    });
    expect(multi.after).toEqual({
      stageId: stages[2].id,
      stageName: stages[2].name,
      amount: '950000.00',
      expectedCloseDate: '2027-09-01',
      forecastCategory: stages[2].forecastCategory,
      status: 'open',
    });
    expect(c.items.find((i) => i.name === 'nulled')!.after.expectedCloseDate).toBeNull();
    expect(c.items.find((i) => i.name === 'new')!.before).toBeNull();

    expect(c.summary).toEqual([
      { kind: 'new', count: 2, amount: '1050000.00' },
      { kind: 'won', count: 2, amount: '700000.00' },
      { kind: 'lost', count: 2, amount: '922000.00' },
      { kind: 'moved_forward', count: 3, amount: '1161000.00' },
      { kind: 'moved_back', count: 1, amount: '200000.00' },
      { kind: 'slipped', count: 3, amount: '1560000.00' },
      { kind: 'pulled_in', count: 1, amount: '320000.00' },
      // The change's size: +50,000 (up), +50,000 (won), +50,000 (multi); −80,000 (down).
      { kind: 'amount_up', count: 3, amount: '150000.00' },
      { kind: 'amount_down', count: 1, amount: '80000.00' },
    ]);
    expect(c.truncated).toBe(false);
  });

  it('shows each caller only the deals in their scope; filters by owner and team (sub-teams included)', async () => {
    const mine = await changes(repA.client, `since=${today}`);
    expect(Object.keys(kinds(mine)).sort()).toEqual([
      'back',
      'down',
      'fwd',
      'lost',
      'multi',
      'new',
      'new-won',
      'nulled',
      'pull',
      'slip',
      'up',
      'won',
    ]);
    expect(mine.summary.find((s) => s.kind === 'lost')).toEqual({ kind: 'lost', count: 1, amount: '700000.00' });
    expect(Object.keys(kinds(await changes(repB.client, `since=${today}`)))).toEqual(['east-lost']);
    // Another rep's team is not the caller's to look at; an unknown team does not exist.
    expect((await repA.client.get(`/api/pipeline/changes?since=${today}&teamId=${east.id}`)).statusCode).toBe(404);
    expect(
      (await f.admin.get(`/api/pipeline/changes?since=${today}&teamId=01900000-0000-7000-8000-000000000000`))
        .statusCode,
    ).toBe(404);
    // The manager sees the team and its sub-team, not the east.
    const team = await changes(manager.client, `since=${today}&teamId=${north.id}`);
    expect(Object.keys(kinds(team))).toContain('sub-fwd');
    expect(Object.keys(kinds(team))).not.toContain('east-lost');
    expect(Object.keys(kinds(await changes(manager.client, `since=${today}`)))).not.toContain('east-lost');
    expect(Object.keys(kinds(await changes(f.admin, `since=${today}&ownerId=${repC.id}`)))).toEqual(['sub-fwd']);
    expect(Object.keys(kinds(await changes(f.admin, `since=${today}&teamId=${east.id}`)))).toEqual(['east-lost']);
    expect((await f.admin.get('/api/pipeline/changes?since=2026-13-01')).json().fields[0].path).toBe('query.since');
  });

  it('takes the last snapshot on or before the date as the baseline, else the first after it', async () => {
    const copy = (date: string) =>
      t.database.db.execute(sql`insert into pipeline_snapshots select org_id, ${date}::date, opportunity_id, account_id, owner_id, account_owner_id, stage_id, amount, probability, expected_close_date, forecast_category
        from pipeline_snapshots where org_id = ${f.orgId} and snapshot_date = ${today}::date`);
    await copy(addDays(today, -14));
    await copy(addDays(today, -7));
    const baseline = async (since: string) => (await changes(f.admin, `since=${since}`)).baseline;
    expect(await baseline(addDays(today, 3))).toBe(today);
    expect(await baseline(today)).toBe(today);
    expect(await baseline(addDays(today, -1))).toBe(addDays(today, -7));
    expect(await baseline(addDays(today, -7))).toBe(addDays(today, -7));
    expect(await baseline(addDays(today, -10))).toBe(addDays(today, -14));
    expect(await baseline(addDays(today, -60))).toBe(addDays(today, -14));
    // Against last week's copy the same deals changed, and the month-old won deal is still not new.
    expect(kinds(await changes(f.admin, `since=${addDays(today, -1)}`))).toEqual(
      kinds(await changes(f.admin, `since=${today}`)),
    );
  });

  it('returns the 500 largest changes and says when there are more', async () => {
    const [tpl] = await t.database.db.select().from(opportunities).where(eq(opportunities.id, ids.same));
    await t.database.db.execute(sql`
      insert into opportunities (org_id, id, account_id, name, amount, owner_id, stage_id, probability, forecast_category, status)
      select org_id, gen_random_uuid(), account_id, 'bulk ' || g, g, owner_id, stage_id, probability, forecast_category, status
      from opportunities, generate_series(1, 500) g where id = ${tpl.id}`);
    const c = await changes(f.admin, `since=${today}`);
    expect(c.items).toHaveLength(500);
    expect(c.truncated).toBe(true);
    expect(c.summary[0]).toEqual({ kind: 'new', count: 502, amount: '1175250.00' });
    expect(c.items[0].name).toBe('new');
    expect(c.items.at(-1)!.after.amount).toBe('15.00');
  });
});
