import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGroup, type GroupFixture } from './group-fixture.ts';
import { weightedAmount, fromCents, toCents } from '../../../core/funnel.ts';
import type { AccountGroup, GroupNode } from '../../../core/schemas/health.ts';

let g: GroupFixture;

beforeAll(async () => {
  g = await buildGroup();
});
afterAll(() => g.t.close());

const child = (n: GroupNode, name: string) => n.children.find((c) => c.name === name)!;
const weighted = (...deals: { amount: string; probability: number }[]) =>
  fromCents(deals.reduce((s, d) => s + toCents(weightedAmount(d.amount, d.probability)), 0n));

describe('group tree', () => {
  it('rolls revenue, pipeline, won deals and coverage up from every branch, exactly', async () => {
    const res = await g.f.admin.get(`/api/accounts/${g.ids.beijing}/group`);
    expect(res.statusCode).toBe(200);
    const { accountId, root } = res.json<AccountGroup>();
    expect(accountId).toBe(g.ids.beijing);
    expect(root).toMatchObject({
      accountId: g.ids.hq,
      name: '集团总部',
      scope: 'national',
      ownerName: '甲',
      ourRevenue: '1000000.10',
      rolledUpRevenue: '1500007.65',
      openPipeline: {
        count: 4,
        amount: '139110.34',
        weightedAmount: weighted(g.deals.hqOpen, g.deals.beijingOpen, g.deals.northOpen, g.deals.southOpen),
      },
      wonLast12Months: '14496.68', // 1350.01 + 1.00 (the items' sum) + 12345.67 + 800.00; the lost deal left out
      contacts: 4,
      coveredContacts: 3,
      coverage: 0.75,
    });
    expect(root.children.map((c) => c.name).sort()).toEqual(['北方分公司', '南方分公司'].sort());
    const north = child(root, '北方分公司');
    expect(north).toMatchObject({
      ourRevenue: '200000.20',
      rolledUpRevenue: '200000.25',
      openPipeline: { count: 2, amount: '34110.33' },
      wonLast12Months: '12345.67',
      contacts: 1,
      coverage: 1,
    });
    expect(child(north, '北京办')).toMatchObject({ rolledUpRevenue: '0.05', children: [] });
    expect(child(child(root, '南方分公司'), '广州办')).toMatchObject({
      rolledUpRevenue: '7.00',
      openPipeline: { count: 0, amount: '0.00', weightedAmount: '0.00' },
      wonLast12Months: '0.00',
      contacts: 0,
      coverage: null,
    });
  });

  it("leaves out, and does not sum, accounts outside the caller's scope", async () => {
    const { root } = (await g.u1.client.get(`/api/accounts/${g.ids.north}/group`)).json<AccountGroup>();
    expect(root).toMatchObject({
      accountId: g.ids.hq,
      rolledUpRevenue: '1200007.35',
      openPipeline: {
        count: 3,
        amount: '134110.34',
        weightedAmount: weighted(g.deals.hqOpen, g.deals.beijingOpen, g.deals.northOpen),
      },
      wonLast12Months: '13696.68',
      contacts: 3,
      coveredContacts: 2,
      coverage: 0.6667,
    });
    // 南方分公司 is 乙's: gone, and its 广州办 (甲's) hangs from the top instead.
    expect(root.children.map((c) => c.name).sort()).toEqual(['北方分公司', '广州办'].sort());
    const south = (await g.u2.client.get(`/api/accounts/${g.ids.south}/group`)).json<AccountGroup>().root;
    expect(south).toMatchObject({ accountId: g.ids.south, rolledUpRevenue: '300000.30', children: [] });
    expect((await g.u2.client.get(`/api/accounts/${g.ids.beijing}/group`)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await g.f.admin.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/accounts/{id}/group', '/api/accounts/{id}/health', '/api/analysis/whitespace']),
    );
  });
});
