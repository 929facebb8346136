import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { newId } from '../../lib/ids.ts';
import { opportunities, stages } from '../../db/schema.ts';
import type { SwotItem } from '../../../core/schemas/swot.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let orgId: string;
let stageId: string;
let rep: Client;
let otherRep: Client;
let viewer: Client;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  orgId = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>().orgId;
  rep = (await f.user({ role: 'rep' })).client;
  otherRep = (await f.user({ role: 'rep' })).client;
  viewer = (await f.user({ role: 'viewer', dataScope: 'all' })).client;
  stageId = newId();
  await t.database.db.insert(stages).values({ orgId, id: stageId, name: '需求确认', position: 0, probability: 20 });
});
afterAll(() => t.close());

const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const paths = (res: { json<T>(): T }) => (res.json<ErrorBody>().fields ?? []).map((x) => x.path).sort();
const board = async (client: Client, url: string) => {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SwotItem[] }>().items;
};
const add = async (client: Client, url: string, quadrant: string, text: string) => {
  const res = await client.post(url, { quadrant, text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SwotItem>();
};
/** quadrant:text in board order, to read the whole board at a glance. */
const layout = (items: SwotItem[]) => items.map((i) => `${i.quadrant[0]}${i.position}:${i.text}`);

/** A deal on the account, written directly while the opportunities API is not there. */
async function deal(accountId: string) {
  const id = newId();
  await t.database.db.insert(opportunities).values({
    orgId,
    id,
    accountId,
    name: '信息化项目',
    amount: '100.00',
    stageId,
    probability: 20,
    forecastCategory: 'pipeline',
  });
  return id;
}

describe('SWOT boards', () => {
  it('appends items per quadrant and reads them S, W, O, T', async () => {
    const url = `/api/accounts/${(await f.account(rep)).id}/swot`;
    expect(await board(rep, url)).toEqual([]);
    await add(rep, url, 'threats', '竞争对手低价');
    await add(rep, url, 'strengths', '  高层关系好 ');
    await add(rep, url, 'opportunities', '三年规划');
    const second = await add(rep, url, 'strengths', '本地团队');
    await add(rep, url, 'weaknesses', '交付周期长');
    expect(second).toMatchObject({ quadrant: 'strengths', text: '本地团队', position: 1 });
    expect(layout(await board(rep, url))).toEqual([
      's0:高层关系好',
      's1:本地团队',
      'w0:交付周期长',
      'o0:三年规划',
      't0:竞争对手低价',
    ]);
  });

  it('edits, reorders and moves items between quadrants, keeping positions dense', async () => {
    const url = `/api/accounts/${(await f.account(rep)).id}/swot`;
    const [a, b, c] = [
      await add(rep, url, 'strengths', 'A'),
      await add(rep, url, 'strengths', 'B'),
      await add(rep, url, 'strengths', 'C'),
    ];
    const t0 = await add(rep, url, 'threats', 'T');

    const edited = await rep.patch(`/api/swot/${b.id}`, { text: '  B2 ' });
    expect(edited.json<SwotItem>()).toEqual({ id: b.id, quadrant: 'strengths', text: 'B2', position: 1 });

    expect((await rep.patch(`/api/swot/${c.id}`, { position: 0 })).json<SwotItem>().position).toBe(0);
    expect(layout(await board(rep, url))).toEqual(['s0:C', 's1:A', 's2:B2', 't0:T']);

    // Past the end lands at the end.
    expect((await rep.patch(`/api/swot/${c.id}`, { position: 99 })).json<SwotItem>().position).toBe(2);
    expect(layout(await board(rep, url))).toEqual(['s0:A', 's1:B2', 's2:C', 't0:T']);

    const moved = await rep.patch(`/api/swot/${a.id}`, { quadrant: 'threats', position: 0, text: 'A 变成威胁' });
    expect(moved.json<SwotItem>()).toEqual({ id: a.id, quadrant: 'threats', text: 'A 变成威胁', position: 0 });
    expect(layout(await board(rep, url))).toEqual(['s0:B2', 's1:C', 't0:A 变成威胁', 't1:T']);

    // A move without a position appends to the new quadrant.
    expect((await rep.patch(`/api/swot/${t0.id}`, { quadrant: 'opportunities' })).json<SwotItem>()).toMatchObject({
      quadrant: 'opportunities',
      position: 0,
    });

    expect((await rep.delete(`/api/swot/${b.id}`)).statusCode).toBe(204);
    expect(layout(await board(rep, url))).toEqual(['s0:C', 'o0:T', 't0:A 变成威胁']);
    expect((await rep.patch(`/api/swot/${b.id}`, { text: 'x' })).statusCode).toBe(404);
    expect((await rep.delete(`/api/swot/${b.id}`)).statusCode).toBe(404);
  });

  it('concurrent appends to one quadrant get distinct positions', async () => {
    const url = `/api/accounts/${(await f.account(rep)).id}/swot`;
    const res = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rep.post(url, { quadrant: 'opportunities', text: `机会${i}` })),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect((await board(rep, url)).map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps deal boards apart from account boards', async () => {
    const account = await f.account(rep);
    const dealId = await deal(account.id);
    await add(rep, `/api/accounts/${account.id}/swot`, 'strengths', '客户层面');
    const item = await add(rep, `/api/opportunities/${dealId}/swot`, 'strengths', '项目层面');
    expect(item.position).toBe(0);
    expect(layout(await board(rep, `/api/opportunities/${dealId}/swot`))).toEqual(['s0:项目层面']);
    expect(layout(await board(rep, `/api/accounts/${account.id}/swot`))).toEqual(['s0:客户层面']);
    expect((await rep.patch(`/api/swot/${item.id}`, { quadrant: 'weaknesses' })).json<SwotItem>().quadrant).toBe(
      'weaknesses',
    );
  });

  it('hides boards outside the caller’s data scope: 404 for reading and writing', async () => {
    const account = await f.account(rep);
    const dealId = await deal(account.id);
    for (const url of [`/api/accounts/${account.id}/swot`, `/api/opportunities/${dealId}/swot`]) {
      const item = await add(rep, url, 'strengths', '仅本人可见');
      expect((await otherRep.get(url)).statusCode, url).toBe(404);
      expect((await otherRep.post(url, { quadrant: 'threats', text: '越权' })).statusCode, url).toBe(404);
      expect((await otherRep.patch(`/api/swot/${item.id}`, { text: '越权' })).statusCode, url).toBe(404);
      expect((await otherRep.delete(`/api/swot/${item.id}`)).statusCode, url).toBe(404);
      expect(layout(await board(rep, url))).toEqual(['s0:仅本人可见']);
      // An admin sees every account.
      expect(await board(f.admin, url)).toHaveLength(1);
    }
    // Putting the other rep on the account team brings both boards into their scope.
    const me = (await otherRep.get('/api/auth/me')).json<{ id: string }>();
    expect(
      (await f.admin.put(`/api/accounts/${account.id}/members`, { members: [{ userId: me.id, role: 'member' }] }))
        .statusCode,
    ).toBe(200);
    expect(await board(otherRep, `/api/opportunities/${dealId}/swot`)).toHaveLength(1);
  });

  it('viewers read but cannot write', async () => {
    const account = await f.account(rep);
    const url = `/api/accounts/${account.id}/swot`;
    const item = await add(rep, url, 'strengths', '查看者可读');
    expect(await board(viewer, url)).toHaveLength(1);
    expect((await viewer.post(url, { quadrant: 'threats', text: '越权' })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/swot/${item.id}`, { text: '越权' })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/swot/${item.id}`)).statusCode).toBe(403);
    expect(layout(await board(rep, url))).toEqual(['s0:查看者可读']);
  });

  it('rejects bad input with the field named', async () => {
    const url = `/api/accounts/${(await f.account(rep)).id}/swot`;
    const bad = await rep.post(url, { quadrant: 'risks', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['quadrant', 'text']);
    expect(bad.json<ErrorBody>().fields?.find((x) => x.path === 'quadrant')?.code).toBe('enum');
    expect(paths(await rep.post(url, { quadrant: 'strengths', text: '   ' }))).toEqual(['text']);
    expect(paths(await rep.post(url, { quadrant: 'strengths', text: 'x'.repeat(501) }))).toEqual(['text']);
    expect(paths(await rep.post(url, { quadrant: 'strengths', text: 'x', position: 3 }))).toEqual(['position']);
    const item = await add(rep, url, 'strengths', '校验');
    expect(paths(await rep.patch(`/api/swot/${item.id}`, { position: -1 }))).toEqual(['position']);
    expect(paths(await rep.patch(`/api/swot/${item.id}`, { quadrant: 'risks' }))).toEqual(['quadrant']);
    expect(paths(await rep.patch(`/api/swot/${item.id}`, { text: ' ' }))).toEqual(['text']);
    expect(paths(await rep.patch('/api/swot/abc', { text: 'x' }))).toEqual(['params.itemId']);
    expect(layout(await board(rep, url))).toEqual(['s0:校验']);
  });

  it('answers 404 for unknown accounts, deals and items', async () => {
    expect((await f.admin.get(`/api/accounts/${UNKNOWN}/swot`)).statusCode).toBe(404);
    expect((await f.admin.get(`/api/opportunities/${UNKNOWN}/swot`)).statusCode).toBe(404);
    expect((await f.admin.post(`/api/accounts/${UNKNOWN}/swot`, { quadrant: 'strengths', text: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await f.admin.post(`/api/opportunities/${UNKNOWN}/swot`, { quadrant: 'strengths', text: 'x' })).statusCode,
    ).toBe(404);
    expect((await f.admin.patch(`/api/swot/${UNKNOWN}`, { text: 'x' })).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/swot/${UNKNOWN}`)).statusCode).toBe(404);
  });
});
