// The recycle bin: deleting moves a record out of every list and total into the bin; restoring brings
// back exactly what it took (every table as it was), for the people whose scope it is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import { recycleBinService } from './service.ts';
import type { Client } from '../../test/helper.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { ErrorBody, PageOf } from '../../../core/schemas/common.ts';
import type { RecycleBinItem } from '../../../core/schemas/recycle-bin.ts';

let t: TestApp;
let f: Factories;
let stages: Stage[];
beforeAll(async () => {
  // Compares every table and counts what the purge job removes over all organisations.
  t = await build({}, { database: 'fresh' });
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
});
afterAll(() => t.close());

/** Tables that change on their own account whatever is deleted: the log, the bin, caches, sessions. */
const UNTRACKED = new Set([
  'history',
  'recycle_bin',
  'analysis_cache',
  'data_versions',
  'sessions',
  'login_failures',
  'job_leases',
  'reminder_reads',
]);

/** Every other table's rows, as text, so a delete-and-restore can be checked to leave all of them as they were. */
async function everyTable(): Promise<Record<string, string[]>> {
  const db = t.database.db;
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema() order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (UNTRACKED.has(name) || name.startsWith('__')) continue;
    const rows = await rowsOf<{ r: string }>(db, sql`select t::text as r from ${sql.raw(name)} t order by 1`);
    out[name] = rows.map((x) => x.r);
  }
  return out;
}

const bin = async (client: Client, query = '') => {
  const res = await client.get(`/api/recycle-bin${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PageOf<RecycleBinItem>>().items;
};
const code = (res: { json<T>(): T }) => res.json<ErrorBody>().code;

/** A deal with something in every table a deal's delete reaches, and links from a call and a task. */
async function fullDeal(client: Client, accountId: string) {
  const product = (
    await f.admin.post('/api/products', { name: `产品${Math.random()}`, category: '软件', listPrice: '1000' })
  ).json();
  const competitor = (await f.admin.post('/api/competitors', { name: `对手${Math.random()}` })).json();
  const created = await client.post('/api/opportunities', {
    accountId,
    name: '智慧医院二期',
    amount: '3000000',
    items: [{ productId: product.id, quantity: '2' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const moved = await client.patch(`/api/opportunities/${created.json().id}`, {
    version: created.json().version,
    stageId: stages[1].id,
    confirmUnmetCriteria: true,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  const deal = moved.json();
  const inf = await client.post(`/api/opportunities/${deal.id}/influences`, {
    newContact: { name: '王院长' },
    roles: ['economic'],
    preferredCompetitorId: competitor.id,
  });
  expect(inf.statusCode, inf.body).toBe(201);
  const note = await client.post(`/api/opportunities/${deal.id}/notes`, { kind: 'strength', text: '院长关注预算' });
  expect(note.statusCode, note.body).toBe(201);
  expect(
    (
      await client.put(`/api/opportunities/${deal.id}/competitors`, {
        competitors: [{ competitorId: competitor.id, position: 'ahead' }],
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await client.post(`/api/opportunities/${deal.id}/swot`, { quadrant: 'strengths', text: '老客户' })).statusCode,
  ).toBe(201);
  const call = (
    await client.post('/api/activities', {
      type: 'visit',
      subject: '拜访院长',
      accountId,
      opportunityId: deal.id,
      plannedStart: '2026-01-05T02:00:00.000Z',
      plannedEnd: '2026-01-05T03:00:00.000Z',
    })
  ).json();
  const done = await client.post(`/api/activities/${call.id}/complete`, {
    version: call.version,
    nextMeetingProposed: true,
  });
  expect(done.statusCode, done.body).toBe(200);
  const task = (
    await client.post('/api/tasks', { title: '发方案', dueDate: '2027-01-10', opportunityId: deal.id })
  ).json();
  return { deal: (await client.get(`/api/opportunities/${deal.id}`)).json(), call, task };
}

describe('recycle bin: deals', () => {
  it('a deleted deal leaves lists and totals, waits in the bin, and comes back with everything it took', async () => {
    const team = await f.team();
    const rep = await f.user({ role: 'rep', teamId: team.id, name: '李经理' });
    const account = await f.account(rep.client, { name: '上海第六人民医院' });
    const { deal, call, task } = await fullDeal(rep.client, account.id);
    const before = await everyTable();
    const boardBefore = (await rep.client.get('/api/pipeline/board')).json();

    expect((await rep.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);
    expect((await rep.client.get(`/api/opportunities/${deal.id}`)).statusCode).toBe(404);
    expect((await rep.client.get('/api/opportunities')).json().items.map((d: { id: string }) => d.id)).not.toContain(
      deal.id,
    );
    const board = (await rep.client.get('/api/pipeline/board')).json();
    const column = (b: typeof board) => b.columns.find((c: { stage: { id: string } }) => c.stage.id === stages[1].id);
    expect(column(board).count).toBe(column(boardBefore).count - 1);
    expect((await rep.client.get(`/api/activities/${call.id}`)).json().opportunityId).toBeNull();
    expect((await rep.client.get(`/api/tasks/${task.id}`)).json().opportunityId).toBeNull();

    const [entry] = await bin(rep.client);
    expect(entry).toMatchObject({
      id: deal.id,
      entity: 'opportunity',
      name: '智慧医院二期',
      accountName: '上海第六人民医院',
      amount: '3000000.00',
      deletedById: rep.id,
      deletedByName: '李经理',
    });
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(30 * 86_400_000);

    const restored = await rep.client.post(`/api/recycle-bin/${deal.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toEqual({ id: deal.id, entity: 'opportunity', skipped: 0 });
    expect(await everyTable()).toEqual(before);
    expect((await rep.client.get(`/api/opportunities/${deal.id}`)).json()).toEqual(deal);
    expect(await bin(rep.client)).toEqual([]);
    const actions = (await rep.client.get(`/api/opportunities/${deal.id}/history`))
      .json()
      .items.map((h: { action: string }) => h.action);
    expect(actions.slice(0, 2)).toEqual(['undelete', 'delete']);
  });

  it('reps cannot delete won or lost deals; their manager can, into the bin', async () => {
    const team = await f.team();
    const manager = await f.user({ role: 'manager', teamId: team.id });
    const rep = await f.user({ role: 'rep', teamId: team.id, managerId: manager.id });
    for (const stage of [stages[5], stages[6]]) {
      const deal = await f.deal(rep.client);
      const closed = (
        await rep.client.patch(`/api/opportunities/${deal.id}`, {
          version: deal.version,
          stageId: stage.id,
          confirmUnmetCriteria: true,
          lostReason: '价格',
        })
      ).json();
      expect(closed.status).not.toBe('open');
      const res = await rep.client.request('DELETE', `/api/opportunities/${deal.id}`, undefined, {
        'accept-language': 'en',
      });
      expect(res.statusCode).toBe(403);
      expect(code(res)).toBe('closed_deal_delete');
      expect(res.json<ErrorBody>().messages.zh).toMatch(/成败分析/);
      expect((await manager.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);
      expect((await bin(manager.client, '?entity=opportunity')).map((e) => e.id)).toContain(deal.id);
    }
  });

  it('keeps entries to their scope: another rep sees, restores and purges nothing; only admins purge early', async () => {
    const rep = await f.user({ role: 'rep' });
    const other = await f.user({ role: 'rep' });
    const viewer = await f.user({ role: 'viewer', dataScope: 'all' });
    const deal = await f.deal(rep.client, { name: '别人看不到的商机' });
    expect((await other.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(404);
    expect((await rep.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);

    expect(await bin(other.client)).toEqual([]);
    expect((await other.client.post(`/api/recycle-bin/${deal.id}/restore`)).statusCode).toBe(404);
    expect((await viewer.client.post(`/api/recycle-bin/${deal.id}/restore`)).statusCode).toBe(403);
    expect((await rep.client.delete(`/api/recycle-bin/${deal.id}`)).statusCode).toBe(403);
    expect((await bin(f.admin)).map((e) => e.id)).toContain(deal.id);

    expect((await f.admin.delete(`/api/recycle-bin/${deal.id}`)).statusCode).toBe(204);
    expect((await rep.client.post(`/api/recycle-bin/${deal.id}/restore`)).statusCode).toBe(404);
    const history = (
      await rows(sql`select action from history where entity_id = ${deal.id} order by at desc, id desc`)
    ).map((h) => h.action);
    expect(history[0]).toBe('purge');
  });
});

const rows = (q: ReturnType<typeof sql>) => rowsOf<Record<string, string>>(t.database.db, q);

describe('recycle bin: contacts, calls and accounts', () => {
  it('a contact comes back with its influences, attendances, links, subordinates and tasks', async () => {
    const rep = await f.user({ role: 'rep' });
    const account = await f.account(rep.client);
    const boss = await f.contact(rep.client, { accountId: account.id, name: '张主任' });
    const clerk = await f.contact(rep.client, { accountId: account.id, name: '刘科员', reportsToId: boss.id });
    const peer = await f.contact(rep.client, { accountId: account.id, name: '赵科长' });
    expect(
      (await rep.client.post('/api/contact-links', { fromContactId: boss.id, toContactId: peer.id, kind: 'peer' }))
        .statusCode,
    ).toBe(201);
    const deal = await f.deal(rep.client, { accountId: account.id });
    expect(
      (await rep.client.post(`/api/opportunities/${deal.id}/influences`, { contactId: boss.id, roles: ['technical'] }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await rep.client.post('/api/activities', {
          type: 'visit',
          subject: '拜访',
          accountId: account.id,
          contactIds: [boss.id, peer.id],
          plannedStart: '2027-02-01T02:00:00.000Z',
          plannedEnd: '2027-02-01T03:00:00.000Z',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await rep.client.post('/api/tasks', { title: '回电', dueDate: '2027-02-02', contactId: boss.id })).statusCode,
    ).toBe(201);
    const before = await everyTable();

    expect((await rep.client.delete(`/api/contacts/${boss.id}`)).statusCode).toBe(204);
    expect((await rep.client.get(`/api/contacts/${clerk.id}`)).json().reportsToId).toBeNull();
    expect((await rep.client.get(`/api/opportunities/${deal.id}`)).json().influences).toEqual([]);

    expect((await rep.client.post(`/api/recycle-bin/${boss.id}/restore`)).json()).toEqual({
      id: boss.id,
      entity: 'contact',
      skipped: 0,
    });
    expect(await everyTable()).toEqual(before);
  });

  it('a done call comes back and its deal\u2019s last call with it', async () => {
    const rep = await f.user({ role: 'rep' });
    const account = await f.account(rep.client);
    const { deal, call } = await fullDeal(rep.client, account.id);
    expect(deal.lastActivityAt).not.toBeNull();
    const before = await everyTable();
    expect((await rep.client.delete(`/api/activities/${call.id}`)).statusCode).toBe(204);
    expect((await rep.client.get(`/api/opportunities/${deal.id}`)).json().lastActivityAt).toBeNull();
    expect((await rep.client.post(`/api/recycle-bin/${call.id}/restore`)).statusCode).toBe(200);
    expect(await everyTable()).toEqual(before);
  });

  it('an account comes back with its contacts and calls; one with deals or subsidiaries cannot be deleted', async () => {
    const rep = await f.user({ role: 'rep' });
    const account = await f.account(rep.client, { name: '市卫健委' });
    const boss = await f.contact(rep.client, { accountId: account.id });
    await f.contact(rep.client, { accountId: account.id, reportsToId: boss.id });
    expect(
      (
        await rep.client.post('/api/activities', {
          type: 'visit',
          subject: '拜访',
          accountId: account.id,
          contactIds: [boss.id],
          plannedStart: '2027-02-01T02:00:00.000Z',
          plannedEnd: '2027-02-01T03:00:00.000Z',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await rep.client.post('/api/tasks', { title: '回访', dueDate: '2027-02-02', accountId: account.id })).statusCode,
    ).toBe(201);
    const before = await everyTable();

    expect((await rep.client.delete(`/api/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await rep.client.get('/api/accounts')).json().items.map((a: { id: string }) => a.id)).not.toContain(
      account.id,
    );
    expect((await rep.client.get(`/api/contacts/${boss.id}`)).statusCode).toBe(404);
    expect((await bin(rep.client, '?entity=account')).map((e) => e.name)).toEqual(['市卫健委']);
    expect((await rep.client.post(`/api/recycle-bin/${account.id}/restore`)).statusCode).toBe(200);
    expect(await everyTable()).toEqual(before);

    await f.deal(rep.client, { accountId: account.id });
    expect(code(await rep.client.delete(`/api/accounts/${account.id}`))).toBe('account_has_deals');
  });

  it('a contact whose account is gone asks for the account first; a link whose other side is gone is skipped', async () => {
    const rep = await f.user({ role: 'rep' });
    const account = await f.account(rep.client);
    const contact = await f.contact(rep.client, { accountId: account.id });
    const deal = await f.deal(rep.client, { accountId: account.id });
    expect(
      (await rep.client.post(`/api/opportunities/${deal.id}/influences`, { contactId: contact.id, roles: ['user'] }))
        .statusCode,
    ).toBe(201);
    expect((await rep.client.delete(`/api/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await rep.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);
    expect((await rep.client.delete(`/api/accounts/${account.id}`)).statusCode).toBe(204);

    const early = await rep.client.post(`/api/recycle-bin/${contact.id}/restore`);
    expect(early.statusCode).toBe(409);
    expect(code(early)).toBe('restore_parent_missing');
    expect((await rep.client.post(`/api/recycle-bin/${account.id}/restore`)).statusCode).toBe(200);
    // The deal is still in the bin, so the contact's influence on it cannot come back.
    expect((await rep.client.post(`/api/recycle-bin/${contact.id}/restore`)).json()).toEqual({
      id: contact.id,
      entity: 'contact',
      skipped: 1,
    });
    expect((await rep.client.post(`/api/recycle-bin/${deal.id}/restore`)).json().skipped).toBe(0);
    expect((await rep.client.get(`/api/opportunities/${deal.id}`)).json().influences).toEqual([]);
  });

  it('an account whose credit code someone else has taken since cannot come back', async () => {
    const rep = await f.user({ role: 'rep' });
    const creditCode = '91110000802100433B';
    const first = await f.account(rep.client, { creditCode });
    expect((await rep.client.delete(`/api/accounts/${first.id}`)).statusCode).toBe(204);
    await f.account(rep.client, { creditCode });
    const res = await rep.client.post(`/api/recycle-bin/${first.id}/restore`);
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('restore_conflict');
  });
});

describe('recycle bin: retention', () => {
  it('admins set the retention; the purge job removes what is older, once', async () => {
    const rep = await f.user({ role: 'rep' });
    expect((await rep.client.put('/api/settings/recycle-bin', { retentionDays: 7 })).statusCode).toBe(403);
    const bad = await f.admin.put('/api/settings/recycle-bin', { retentionDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields?.[0].path).toBe('retentionDays');
    expect((await f.admin.put('/api/settings/recycle-bin', { retentionDays: 7 })).json()).toEqual({ retentionDays: 7 });
    expect((await rep.client.get('/api/settings/recycle-bin')).json()).toEqual({ retentionDays: 7 });

    const deal = await f.deal(rep.client);
    expect((await rep.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);
    const [entry] = await bin(rep.client, '?entity=opportunity');
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(7 * 86_400_000);

    const service = recycleBinService(t.database.db);
    const deletedAt = Date.parse(entry.deletedAt);
    expect(await service.purgeExpired(new Date(deletedAt + 6 * 86_400_000))).toBe(0);
    expect((await bin(rep.client)).map((e) => e.id)).toContain(deal.id);
    expect(await service.purgeExpired(new Date(deletedAt + 7 * 86_400_000 + 1000))).toBeGreaterThanOrEqual(1);
    expect((await bin(f.admin)).map((e) => e.id)).not.toContain(deal.id);
    expect((await rep.client.post(`/api/recycle-bin/${deal.id}/restore`)).statusCode).toBe(404);
    await f.admin.put('/api/settings/recycle-bin', { retentionDays: 30 });
  });
});
