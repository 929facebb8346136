import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { Board } from '../../../core/schemas/deals.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { expectSchema } from '../../test/schema.ts';
import { opportunitiesService } from './service.ts';

let t: TestApp;
let f: Factories;
let stages: Stage[];
beforeAll(async () => {
  // The scheduled re-judgement pass works through every organisation's deals.
  t = await build({}, { database: 'fresh' });
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
});
afterAll(() => t.close());

const codes = (o: { redFlags: { code: string }[] }) => o.redFlags.map((r) => r.code);

describe('opportunities', () => {
  it('has the course funnel by default', () => {
    expect(stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['培训/交流', 10, 'open'],
      ['见负责人', 20, 'open'],
      ['咨询/诊断', 45, 'open'],
      ['提供方案', 50, 'open'],
      ['标书/谈判', 80, 'open'],
      ['签约', 100, 'won'],
      ['输单', 0, 'lost'],
    ]);
  });

  it('creates a deal with exact line items, red flags and health; an economic buyer clears the flag', async () => {
    const product = (
      await f.admin.post('/api/products', { name: '智慧医院平台', category: '软件', listPrice: '100000.10' })
    ).json();
    const account = await f.account();
    const res = await f.admin.post('/api/opportunities', {
      accountId: account.id,
      name: '区域医疗信息化二期',
      expectedCloseDate: '2099-06-30',
      items: [{ productId: product.id, quantity: '3', discount: '10' }],
    });
    expect(res.statusCode).toBe(201);
    const deal = res.json();
    expect(deal).toMatchObject({
      amount: '270000.27',
      stageName: '培训/交流',
      probability: 10,
      weightedAmount: '27000.03',
      status: 'open',
      forecastCategory: 'pipeline',
    });
    expect(deal.items[0]).toMatchObject({ price: '100000.10', discount: '10.00', total: '270000.27' });
    expect(codes(deal)).toEqual(expect.arrayContaining(['no_economic_buyer', 'no_coach']));
    expect(deal.health).toBeLessThan(60);
    expect(deal.stageHistory).toHaveLength(1);

    const boss = await f.contact(f.admin, { accountId: account.id, name: '张局长' });
    const inf = await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
      contactId: boss.id,
      roles: ['economic'],
      influence: 'high',
      mode: 'growth',
      rating: 3,
      coverage: 'none',
    });
    expect(inf.statusCode).toBe(201);
    let now = (await f.admin.get(`/api/opportunities/${deal.id}`)).json();
    expect(codes(now)).not.toContain('no_economic_buyer');
    expect(codes(now)).toContain('economic_buyer_not_covered');
    await f.admin.patch(`/api/opportunities/${deal.id}/influences/${inf.json().id}`, {
      version: 1,
      coverage: 'in_depth',
    });
    now = (await f.admin.get(`/api/opportunities/${deal.id}`)).json();
    expect(codes(now)).not.toContain('economic_buyer_not_covered');
    expect(now.healthParts.find((p: { key: string }) => p.key === 'coverage.economic').points).toBe(10);

    const inline = await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
      newContact: { name: '李主任', title: '信息科主任' },
      roles: ['coach', 'technical'],
      coverage: 'multiple',
    });
    expect(inline.statusCode).toBe(201);
    expect(inline.json()).toMatchObject({ contactName: '李主任', roles: ['coach', 'technical'] });
    const fresh = (await f.admin.get(`/api/opportunities/${deal.id}`)).json();
    const list = (await f.admin.get(`/api/opportunities?accountId=${account.id}`)).json();
    expect(list.items[0].health).toBe(fresh.health);
    expect(list.items[0].redFlagCodes).toEqual(fresh.redFlags.map((f: { code: string }) => f.code));
    const filtered = (
      await f.admin.get(`/api/opportunities?accountId=${account.id}&healthBelow=${fresh.health}`)
    ).json();
    expect(filtered.items).toHaveLength(0);
  });

  it('asks before moving past unmet exit criteria, records it, and resets probability', async () => {
    const deal = (
      await f.admin.post('/api/opportunities', { accountId: (await f.account()).id, name: '教育云', amount: '500000' })
    ).json();
    const move = await f.admin.patch(`/api/opportunities/${deal.id}`, { version: deal.version, stageId: stages[1].id });
    expect(move.statusCode).toBe(409);
    expect(move.json().code).toBe('unmet_criteria');
    const ok = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: deal.version,
      stageId: stages[1].id,
      confirmUnmetCriteria: true,
    });
    expect(ok.statusCode).toBe(200);
    const moved = ok.json();
    expect(moved).toMatchObject({ probability: 20, stageName: '见负责人' });
    expect(moved.stageHistory[1].unmetCriteria.length).toBeGreaterThan(0);

    const ticked = await f.admin.put(`/api/opportunities/${deal.id}/criteria`, {
      version: moved.version,
      done: moved.criteria.map((c: { id: string }) => c.id),
    });
    expect(ticked.json().criteria.every((c: { done: boolean }) => c.done)).toBe(true);
    const next = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: ticked.json().version,
      stageId: stages[2].id,
    });
    expect(next.statusCode).toBe(200);

    const noReason = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: next.json().version,
      probability: 90,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('probabilityReason');
    const withReason = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: next.json().version,
      probability: 90,
      probabilityReason: '客户已口头确认',
    });
    expect(codes(withReason.json())).toContain('probability_override');

    const won = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: withReason.json().version,
      stageId: stages[5].id,
      confirmUnmetCriteria: true,
    });
    expect(won.json()).toMatchObject({ status: 'won', probability: 100, forecastCategory: 'closed' });
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const account = await f.account();
    const other = await f.contact();
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: account.id, name: 'x', stageId: '00000000-0000-7000-8000-000000000000' }, 'stageId'],
      [{ accountId: account.id, name: 'x', amount: '-1' }, 'amount'],
      [
        {
          accountId: account.id,
          name: 'x',
          items: [{ productId: '00000000-0000-7000-8000-000000000000', quantity: '-1' }],
        },
        'items.0.quantity',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await f.admin.post('/api/opportunities', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().fields.map((x: { path: string }) => x.path)).toContain(path);
    }
    const deal = (await f.admin.post('/api/opportunities', { accountId: account.id, name: '校验' })).json();
    const wrongAccount = await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
      contactId: other.id,
      roles: ['user'],
    });
    expect(wrongAccount.statusCode).toBe(400);
    expect(wrongAccount.json().fields[0].path).toBe('contactId');
    const badRating = await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
      newContact: { name: '王' },
      rating: 7,
    });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().fields[0].path).toBe('rating');
    const after = (await f.admin.get(`/api/contacts?accountId=${account.id}`)).json();
    expect(after.items).toHaveLength(0);
    const del = await f.admin.delete(`/api/accounts/${account.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('account_has_deals');
    const disc = await f.admin.post('/api/opportunities', {
      accountId: account.id,
      name: 'd',
      items: [{ productId: deal.id, quantity: '1', discount: '101' }],
    });
    expect(disc.json().fields.map((x: { path: string }) => x.path)).toContain('items.0.discount');
  });

  it('keeps deals in scope: board, list and totals', async () => {
    const repA = await f.user({ role: 'rep' });
    const repB = await f.user({ role: 'rep' });
    const accA = await f.account(repA.client);
    const accB = await f.account(repB.client);
    for (let i = 0; i < 5; i++) {
      await repA.client.post('/api/opportunities', {
        accountId: accA.id,
        name: `A${i}`,
        amount: '100000',
        stageId: stages[i].id,
        expectedCloseDate: '2030-06-30',
      });
    }
    await repB.client.post('/api/opportunities', { accountId: accB.id, name: 'B', amount: '999' });
    // The cards of a column by amount, largest first; read along the index or (filtered) by id alike.
    for (const amount of ['300000', '50000']) {
      await repA.client.post('/api/opportunities', {
        accountId: accA.id,
        name: `A0-${amount}`,
        amount,
        stageId: stages[0].id,
        expectedCloseDate: '2030-06-30',
      });
    }
    const board = (await repA.client.get('/api/pipeline/board')).json();
    expectSchema(Board, board);
    expect(board.columns[0].items.map((o: { name: string }) => o.name)).toEqual(['A0-300000', 'A0', 'A0-50000']);
    expect((await repA.client.get('/api/pipeline/board?closeFrom=2000-01-01')).json()).toEqual(board);
    expect((await repA.client.get(`/api/pipeline/board?ownerId=${repA.id}`)).json()).toEqual(board);
    expect(board.columns).toHaveLength(5);
    const weighted = board.columns.reduce(
      (s: number, c: { weightedAmount: string }) => s + Number(c.weightedAmount),
      0,
    );
    expect(weighted).toBe(205000 + 35000);
    expect(board.columns.flatMap((c: { items: { name: string }[] }) => c.items.map((o) => o.name)).sort()).toEqual([
      'A0',
      'A0-300000',
      'A0-50000',
      'A1',
      'A2',
      'A3',
      'A4',
    ]);
    const listB = (await repB.client.get('/api/opportunities')).json();
    expect(listB.items.map((o: { name: string }) => o.name)).toEqual(['B']);
    const aDeal = (await repA.client.get('/api/opportunities')).json().items[0];
    // A card says what the list row says about the deal (money and dates as text, flags as codes).
    const card = board.columns
      .flatMap((c: { items: { id: string }[] }) => c.items)
      .find((o: { id: string }) => o.id === aDeal.id);
    const pick = ({
      id,
      accountId,
      accountName,
      name,
      amount,
      expectedCloseDate,
      ownerName,
      stageId,
      health,
      redFlagCodes,
      version,
    }: Record<string, unknown>) => ({
      id,
      accountId,
      accountName,
      name,
      amount,
      expectedCloseDate,
      ownerName,
      stageId,
      health,
      redFlagCodes,
      version,
    });
    expect(card).toEqual(pick(aDeal));
    expect([card.amount, card.expectedCloseDate]).toEqual(['50000.00', '2030-06-30']);
    expect((await repB.client.get(`/api/opportunities/${aDeal.id}`)).statusCode).toBe(404);
    expect((await repB.client.patch(`/api/opportunities/${aDeal.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
  });

  it("shows the account's current name on cards, list rows and the deal after a rename or a move", async () => {
    const acc = await f.account();
    const deal = (
      await f.admin.post('/api/opportunities', {
        accountId: acc.id,
        name: '改名测试',
        amount: '123456789',
        stageId: stages[0].id,
      })
    ).json();
    const names = async () => {
      const card = (await f.admin.get('/api/pipeline/board'))
        .json<{ columns: { items: { id: string; accountName: string }[] }[] }>()
        .columns[0].items.find((c) => c.id === deal.id);
      const row = (await f.admin.get(`/api/opportunities?accountId=${deal.accountId}`))
        .json<{ items: { id: string; accountName: string }[] }>()
        .items.find((r) => r.id === deal.id);
      return [
        card?.accountName,
        row?.accountName,
        (await f.admin.get(`/api/opportunities/${deal.id}`)).json().accountName,
      ];
    };
    expect(await names()).toEqual([acc.name, acc.name, acc.name]);
    const renamed = await f.admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, name: '新名字集团' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await names()).toEqual(['新名字集团', '新名字集团', '新名字集团']);
    // No API moves a deal, but a hand edit (or a later merge) must not leave the old name behind.
    const other = await f.account(f.admin, { name: '另一家客户' });
    await t.database.db.execute(sql`update opportunities set account_id = ${other.id} where id = ${deal.id}`);
    deal.accountId = other.id;
    expect(await names()).toEqual(['另一家客户', '另一家客户', '另一家客户']);
  });

  it('sets the owner and the competitor who won inside the write transaction (one PGlite connection)', async () => {
    const rep = await f.user({ role: 'rep' });
    const competitor = (await f.admin.post('/api/competitors', { name: '东方软件' })).json();
    const res = await f.admin.post('/api/opportunities', {
      accountId: (await f.account()).id,
      name: '指定负责人',
      ownerId: rep.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().ownerId).toBe(rep.id);
    const lost = await f.admin.patch(`/api/opportunities/${res.json().id}`, {
      version: res.json().version,
      stageId: stages[6].id,
      lostReason: '价格',
      wonByCompetitorId: competitor.id,
      ownerId: rep.id,
    });
    expect(lost.statusCode).toBe(200);
    expect(lost.json()).toMatchObject({
      status: 'lost',
      wonByCompetitorId: competitor.id,
      forecastCategory: 'omitted',
      probability: 0,
    });
  });

  it('deleting a competitor someone prefers clears only the preference', async () => {
    const competitor = (await f.admin.post('/api/competitors', { name: '国际云科技' })).json();
    const deal = (await f.admin.post('/api/opportunities', { accountId: (await f.account()).id, name: '偏好' })).json();
    const inf = (
      await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
        newContact: { name: '赵处长' },
        roles: ['user'],
        preferredCompetitorId: competitor.id,
      })
    ).json();
    expect((await f.admin.delete(`/api/competitors/${competitor.id}`)).statusCode).toBe(204);
    const after = (await f.admin.get(`/api/opportunities/${deal.id}`)).json();
    expect(after.influences.find((i: { id: string }) => i.id === inf.id).preferredCompetitorId).toBeNull();
  });

  it('the scheduled pass refreshes stored red flags when time passes', async () => {
    const account = await f.account();
    const deal = (
      await f.admin.post('/api/opportunities', {
        accountId: account.id,
        name: '时间流逝',
        expectedCloseDate: '2099-01-01',
      })
    ).json();
    const before = (await f.admin.get(`/api/opportunities?accountId=${account.id}&redFlag=close_date_passed`)).json();
    expect(before.items).toHaveLength(0);
    const n = await opportunitiesService(t.database.db).rejudgeDue(new Date('2099-01-05T00:00:00Z'));
    expect(n).toBeGreaterThanOrEqual(1);
    const after = (await f.admin.get(`/api/opportunities?accountId=${account.id}&redFlag=close_date_passed`)).json();
    expect(after.items.map((o: { id: string }) => o.id)).toEqual([deal.id]);
  });
});
