// The board's column totals come from pipeline_totals, kept by triggers; the date filter makes the
// board sum the deals themselves. After every kind of write both must agree, for every scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

type Client = Factories['admin'];
type Column = { stage: { id: string }; count: number; amount: string; weightedAmount: string };

let t: TestApp;
let f: Factories;
let stages: Stage[];
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
});
afterAll(() => t.close());

async function totals(client: Client, query = '') {
  const res = await client.get(`/api/pipeline/board?limit=1${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json().columns as Column[]).map((c) => [c.stage.id, c.count, c.amount, c.weightedAmount]);
}

/** Kept totals equal the totals summed over the deals (the close-date filter covers every deal here). */
async function expectConsistent(client: Client, query = '') {
  const kept = await totals(client, query);
  expect(kept).toEqual(await totals(client, `${query}&closeFrom=2000-01-01`));
  return kept;
}

describe('board totals', () => {
  it('stay exact through creates, moves, edits, closes, deletes and account hand-overs', async () => {
    const team = await f.team();
    const repA = await f.user({ role: 'rep', teamId: team.id });
    const repB = await f.user({ role: 'rep', teamId: team.id });
    const accA = await f.account(repA.client);
    const accB = await f.account(repB.client);
    const deal = async (c: Client, accountId: string, amount: string, stage: number) =>
      (
        await c.post('/api/opportunities', {
          accountId,
          name: `D${amount}`,
          amount,
          stageId: stages[stage].id,
          expectedCloseDate: '2030-01-31',
        })
      ).json();

    const d1 = await deal(repA.client, accA.id, '100000.10', 0);
    const d2 = await deal(repA.client, accA.id, '33333.33', 2);
    const d3 = await deal(repB.client, accB.id, '999.99', 1);
    const [, , consult] = await expectConsistent(repA.client);
    expect(consult).toEqual([stages[2].id, 1, '33333.33', '15000.00']);
    await expectConsistent(f.admin);

    const moved = await repA.client.patch(`/api/opportunities/${d1.id}`, {
      version: d1.version,
      stageId: stages[3].id,
      amount: '200000.00',
      confirmUnmetCriteria: true,
    });
    expect(moved.statusCode).toBe(200);
    const override = await repA.client.patch(`/api/opportunities/${d2.id}`, {
      version: d2.version,
      probability: 70,
      probabilityReason: '客户已确认预算',
    });
    expect(override.statusCode).toBe(200);
    await expectConsistent(repA.client);
    await expectConsistent(f.admin, `&teamId=${team.id}`);
    await expectConsistent(f.admin, `&ownerId=${repA.id}`);

    const won = await repB.client.patch(`/api/opportunities/${d3.id}`, {
      version: d3.version,
      stageId: stages[5].id,
      confirmUnmetCriteria: true,
    });
    expect(won.statusCode).toBe(200);
    expect((await repA.client.delete(`/api/opportunities/${override.json().id}`)).statusCode).toBe(204);
    await expectConsistent(f.admin);

    // The account changes hands: its open deals' totals move to the new owner's scope.
    const current = (await f.admin.get(`/api/accounts/${accA.id}`)).json();
    expect(
      (await f.admin.patch(`/api/accounts/${accA.id}`, { version: current.version, ownerId: repB.id })).statusCode,
    ).toBe(200);
    expect((await totals(repA.client)).every(([, count]) => count === 0)).toBe(true);
    expect((await repA.client.get('/api/opportunities?status=open')).json().items).toHaveLength(0);
    expect(
      (await repB.client.get(`/api/opportunities?status=open&accountId=${accA.id}`))
        .json()
        .items.map((o: { id: string }) => o.id),
    ).toEqual([d1.id]);
    const b = await expectConsistent(repB.client);
    expect(b.reduce((n, [, count]) => n + Number(count), 0)).toBe(1);

    // On the account team of an account owned outside the scope: counted once, directly.
    expect(
      (await f.admin.put(`/api/accounts/${accA.id}/members`, { members: [{ userId: repA.id, role: 'member' }] }))
        .statusCode,
    ).toBe(200);
    const a = await expectConsistent(repA.client);
    expect(a.reduce((n, [, count]) => n + Number(count), 0)).toBe(1);
    await expectConsistent(f.admin);
  });
});
