// account_facts is kept by triggers on contacts, deals and calls; after every kind of write it must
// equal the facts rebuilt from the records themselves, and health read from it must not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

async function kept(orgId: string) {
  return rowsOf<Record<string, unknown>>(
    t.database.db,
    sql`select account_id, contacts, covered, supportive, key_contacts, key_covered, key_supportive, open_deals, open_flags, last_done_at, satisfaction
          from account_facts where org_id = ${orgId} order by account_id`,
  );
}

/** The kept rows equal a rebuild from the records (which rewrites them, so it runs on a copy of the answer). */
async function expectConsistent(orgId: string) {
  const before = await kept(orgId);
  await t.database.db.execute(sql`select okam_rebuild_account_facts(${orgId}::uuid)`);
  expect(before).toEqual(await kept(orgId));
  return before;
}

describe('account facts', () => {
  it('stay exact through contact, deal and call writes, moves and deletes', async () => {
    const me = (await f.admin.get('/api/auth/me')).json<{ orgId: string }>();
    const a = await f.account();
    const b = await f.account();
    const health = async (id: string) =>
      (await f.admin.get(`/api/accounts/${id}/health`)).json<{ score: number | null }>().score;

    // Contacts: created, re-rated, archived, restored, deleted.
    const boss = await f.contact(f.admin, { accountId: a.id, influence: 'high', attitude: 3, coverage: 'in_depth' });
    const clerk = await f.contact(f.admin, { accountId: a.id, influence: 'low' });
    await f.contact(f.admin, { accountId: b.id, influence: 'medium', attitude: -2 });
    expect(
      (
        await f.admin.patch(`/api/contacts/${clerk.id}`, {
          version: 1,
          influence: 'medium',
          coverage: 'brief',
          attitude: 1,
        })
      ).statusCode,
    ).toBe(200);
    expect((await f.admin.post(`/api/contacts/${boss.id}/archive`, { version: 1 })).statusCode).toBe(200);
    let [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(fa).toMatchObject({ contacts: 1, covered: 1, supportive: 1, key_contacts: 1 });
    expect((await f.admin.post(`/api/contacts/${boss.id}/restore`, { version: 2 })).statusCode).toBe(200);
    expect((await f.admin.delete(`/api/contacts/${clerk.id}`)).statusCode).toBe(204);
    await expectConsistent(me.orgId);

    // Deals: created with flags, flags cleared by an influence, won, deleted.
    const d1 = await f.deal(f.admin, { accountId: a.id });
    const d2 = await f.deal(f.admin, { accountId: a.id });
    await f.deal(f.admin, { accountId: b.id });
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(fa.open_deals).toBe(2);
    const inf = await f.admin.post(`/api/opportunities/${d1.id}/influences`, {
      contactId: boss.id,
      roles: ['economic'],
      influence: 'high',
      mode: 'growth',
      rating: 3,
      coverage: 'in_depth',
    });
    expect(inf.statusCode).toBe(201);
    await expectConsistent(me.orgId);
    const stages = (await f.admin.get('/api/stages')).json<{ items: { id: string; kind: string }[] }>().items;
    const d2now = (await f.admin.get(`/api/opportunities/${d2.id}`)).json<{ version: number }>();
    const won = await f.admin.patch(`/api/opportunities/${d2.id}`, {
      version: d2now.version,
      stageId: stages.find((s) => s.kind === 'won')!.id,
      confirmUnmetCriteria: true,
    });
    expect(won.statusCode).toBe(200);
    expect((await f.admin.delete(`/api/opportunities/${d1.id}`)).statusCode).toBe(204);
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(fa).toMatchObject({ open_deals: 0, open_flags: {} });

    // Calls: the latest done one moves forward, back when it is moved, undone or deleted.
    const call = async (days: number, status?: 'done') => {
      const res = await f.admin.post('/api/activities', {
        type: 'visit',
        subject: `拜访${days}`,
        accountId: a.id,
        plannedStart: daysAgo(days),
        plannedEnd: daysAgo(days - 0.05),
        ...(status ? { status } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number; plannedStart: string }>();
    };
    const older = await call(30, 'done');
    const newer = await call(5, 'done');
    const planned = await call(2);
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(new Date(fa.last_done_at as string).toISOString()).toBe(newer.plannedStart);
    const before = await health(a.id);
    expect(
      (
        await f.admin.patch(`/api/activities/${newer.id}`, {
          version: newer.version,
          plannedStart: daysAgo(40),
          plannedEnd: daysAgo(39.9),
        })
      ).statusCode,
    ).toBe(200);
    await expectConsistent(me.orgId);
    expect(await health(a.id)).not.toBe(before);
    expect(
      (
        await f.admin.post(`/api/activities/${planned.id}/complete`, {
          version: planned.version,
          nextMeetingProposed: true,
        })
      ).statusCode,
    ).toBe(200);
    await expectConsistent(me.orgId);
    expect((await f.admin.delete(`/api/activities/${planned.id}`)).statusCode).toBe(204);
    expect((await f.admin.delete(`/api/activities/${older.id}`)).statusCode).toBe(204);
    await expectConsistent(me.orgId);

    // Satisfaction: scored calls of the last 400 days, kept through score edits, moves, undoing and deletes.
    const scored = async (days: number, satisfaction: number) => {
      const res = await f.admin.post('/api/activities', {
        type: 'service',
        subject: `回访${days}`,
        accountId: a.id,
        plannedStart: daysAgo(days),
        plannedEnd: daysAgo(days - 0.05),
        status: 'done',
        satisfaction,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number; plannedStart: string }>();
    };
    const s1 = await scored(10, 4);
    const s2 = await scored(20, 2);
    await scored(500, 5);
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(fa.satisfaction).toEqual([
      [Date.parse(s2.plannedStart), 2],
      [Date.parse(s1.plannedStart), 4],
    ]);
    expect((await f.admin.patch(`/api/activities/${s1.id}`, { version: s1.version, satisfaction: 5 })).statusCode).toBe(
      200,
    );
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect((fa.satisfaction as number[][]).map((p) => p[1])).toEqual([2, 5]);
    // The API does not move a call to another account; the trigger must keep any write exact all the same.
    await t.database.db.execute(sql`update activities set account_id = ${b.id} where id = ${s2.id}`);
    const moved = await expectConsistent(me.orgId);
    expect(moved.find((r) => r.account_id === a.id)!.satisfaction).toEqual([[Date.parse(s1.plannedStart), 5]]);
    expect(moved.find((r) => r.account_id === b.id)!.satisfaction).toEqual([[Date.parse(s2.plannedStart), 2]]);
    expect(
      (await f.admin.patch(`/api/activities/${s1.id}`, { version: s1.version + 1, status: 'planned' })).statusCode,
    ).toBe(200);
    [fa] = (await expectConsistent(me.orgId)).filter((r) => r.account_id === a.id);
    expect(fa.satisfaction).toEqual([]);
    expect((await f.admin.delete(`/api/activities/${s2.id}`)).statusCode).toBe(204);
    expect((await expectConsistent(me.orgId)).find((r) => r.account_id === b.id)!.satisfaction).toEqual([]);

    // A hard delete (of an account without deals) takes the account's row with it.
    const c = await f.account();
    await f.contact(f.admin, { accountId: c.id, influence: 'high' });
    expect((await f.admin.delete(`/api/accounts/${c.id}`)).statusCode).toBe(204);
    const rows = await expectConsistent(me.orgId);
    expect(rows.some((r) => r.account_id === c.id)).toBe(false);
    expect(rows.some((r) => r.account_id === b.id)).toBe(true);
    expect(rows.some((r) => r.account_id === a.id)).toBe(true);
  });
});
