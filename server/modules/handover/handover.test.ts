// Account handover 交接: who may, what moves (all or chosen accounts), what stays (closed deals, done
// calls and tasks, others' records), one history row per moved record, account teams and pool claims
// following the accounts, the kept totals staying exact, and nothing half-done when the move fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import type { HandoverSummary } from '../../../core/schemas/handover.ts';

type User = Awaited<ReturnType<Factories['user']>>;

let t: TestApp;
let f: Factories;
let stages: Stage[];
let adminId: string;
let north: string;
let manager: User, viewer: User, east: User;

const NIL = '00000000-0000-0000-0000-000000000000';
const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);
const stage = (kind: 'won' | 'lost') => stages.find((s) => s.kind === kind)!.id;
const handover = (c: Client, body: object, preview = false) =>
  c.post(preview ? '/api/handovers/preview' : '/api/handovers', body);

/** A rep's book: three accounts (one claimed from the pool), open and closed deals, calls, tasks, teams. */
async function book(owner: User, colleague: User) {
  const a1 = await f.account(owner.client, { name: `甲客户${owner.name}` });
  const a2 = await f.account(owner.client, { name: `乙客户${owner.name}` });
  const pooled = await f.account(f.admin, { name: `公海客户${owner.name}`, ownerId: null });
  expect((await owner.client.post(`/api/pool/${pooled.id}/claim`)).statusCode).toBe(200);
  // The owner sits on a1's team alone, and on a2's beside the colleague (who may receive it).
  const members = (id: string, ids: string[]) =>
    f.admin.put(`/api/accounts/${id}/members`, { members: ids.map((userId) => ({ userId, role: 'member' })) });
  expect((await members(a1.id, [owner.id])).statusCode).toBe(200);
  expect((await members(a2.id, [owner.id, colleague.id])).statusCode).toBe(200);
  const open1 = await f.deal(owner.client, { accountId: a1.id, amount: '100000.50' });
  const won = await f.deal(owner.client, { accountId: a1.id, stageId: stage('won'), amount: '70000' });
  const lost = await f.deal(owner.client, { accountId: a2.id, stageId: stage('lost'), amount: '30000' });
  const open2 = await f.deal(owner.client, { accountId: a2.id, amount: '250000' });
  const theirs = await f.deal(colleague.client, { accountId: a2.id, amount: '9000' }); // the colleague's deal stays theirs
  const at = { plannedStart: '2031-03-04T09:00:00+08:00', plannedEnd: '2031-03-04T10:00:00+08:00' };
  const call = async (accountId: string) =>
    (await owner.client.post('/api/activities', { type: 'visit', subject: '拜访', accountId, ...at })).json<{
      id: string;
    }>().id;
  const planned1 = await call(a1.id);
  const planned2 = await call(a2.id);
  const cancelled = await call(a1.id);
  await t.database.db.execute(sql`update activities set status = 'cancelled' where id = ${cancelled}`);
  const task = async (accountId: string | null) =>
    (await owner.client.post('/api/tasks', { title: '跟进', dueDate: '2031-06-01', accountId })).json<{ id: string }>()
      .id;
  const task1 = await task(a1.id);
  const task2 = await task(a2.id);
  const loose = await task(null);
  const done = await task(a1.id);
  await t.database.db.execute(sql`update tasks set done = true, done_at = now() where id = ${done}`);
  // The won deal put its after-sales calls in the owner's calendar (opportunities/after-sales.ts): planned calls too.
  const planned = (
    await q<{ id: string }>(
      sql`select id from activities where owner_id = ${owner.id} and status = 'planned' order by id`,
    )
  ).map((r) => r.id);
  expect(planned.length).toBeGreaterThan(2);
  return {
    planned,
    a1,
    a2,
    pooled,
    open1,
    won,
    lost,
    open2,
    theirs,
    planned1,
    planned2,
    cancelled,
    task1,
    task2,
    loose,
    done,
  };
}

const ownerOf = async (table: 'accounts' | 'opportunities' | 'activities', id: string) =>
  (await q<{ o: string }>(sql`select owner_id as o from ${sql.raw(table)} where id = ${id}`))[0].o;
const assigneeOf = async (id: string) =>
  (await q<{ o: string }>(sql`select assignee_id as o from tasks where id = ${id}`))[0].o;
const membersOf = async (accountId: string) =>
  (
    await q<{ u: string }>(sql`select user_id as u from account_members where account_id = ${accountId} order by 1`)
  ).map((r) => r.u);
const claimsOf = async (c: Client) =>
  (await c.get('/api/pool?limit=1')).json<{ myClaims: { count: number } }>().myClaims;

/** pipeline_totals and forecast_totals equal the same sums over the deals (both kept by triggers). */
async function expectTotalsExact() {
  const keptPipeline = await q(
    sql`select account_owner_id, deal_owner_id, stage_id, deals, amount::text, weighted::text from pipeline_totals
        where org_id = ${f.orgId} and deals <> 0 order by 1, 2, 3`,
  );
  const summedPipeline = await q(
    sql`select coalesce(a.owner_id, ${NIL}::uuid) as account_owner_id, coalesce(o.owner_id, ${NIL}::uuid) as deal_owner_id,
          o.stage_id, count(*)::int as deals, sum(o.amount)::numeric(20,2)::text as amount,
          sum(round(o.amount * o.probability / 100.0, 2))::numeric(20,2)::text as weighted
        from opportunities o join accounts a on a.org_id = o.org_id and a.id = o.account_id
        where o.org_id = ${f.orgId} and o.status = 'open' group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(keptPipeline).toEqual(summedPipeline);
  const keptForecast = await q(
    sql`select status, month::text, account_owner_id, deal_owner_id, stage_id, forecast_category, deals, amount::text, weighted::text
        from forecast_totals where org_id = ${f.orgId} and deals <> 0 order by 1, 2, 3, 4, 5, 6`,
  );
  const summedForecast = await q(
    sql`select status, okam_forecast_month(status, expected_close_date, closed_at, okam_org_zone(org_id))::text as month,
          coalesce(account_owner_id, ${NIL}::uuid) as account_owner_id, coalesce(owner_id, ${NIL}::uuid) as deal_owner_id,
          stage_id, forecast_category, count(*)::int as deals, sum(amount)::numeric(20,2)::text as amount,
          sum(round(amount * probability / 100.0, 2))::numeric(20,2)::text as weighted
        from opportunities where org_id = ${f.orgId}
          and okam_forecast_month(status, expected_close_date, closed_at, okam_org_zone(org_id)) is not null
        group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
  );
  expect(keptForecast).toEqual(summedForecast);
}

/** The open pipeline a user owns as a deal owner, from the kept totals. */
const pipelineOf = async (userId: string) =>
  (
    await q<{ amount: string }>(
      sql`select coalesce(sum(amount), 0)::numeric(20,2)::text as amount from pipeline_totals where org_id = ${f.orgId} and deal_owner_id = ${userId}`,
    )
  )[0].amount;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json<{ items: Stage[] }>().items;
  adminId = (await f.admin.get('/api/auth/me')).json<{ id: string }>().id;
  north = (await f.team({ name: '华北' })).id;
  manager = await f.user({ role: 'manager', teamId: north, name: '经理' });
  viewer = await f.user({ role: 'viewer', teamId: north, name: '观察员' });
  east = await f.user({ name: '华东代表' });
});
afterAll(() => t.close());

describe('handover', () => {
  it('moves every account, open deal, planned call and open task, with teams and pool claims, and says what moved', async () => {
    const from = await f.user({ teamId: north, name: '离职代表' });
    const to = await f.user({ teamId: north, name: '接手代表' });
    const b = await book(from, to);
    expect(await claimsOf(to.client)).toMatchObject({ count: 0 });
    const before = await pipelineOf(from.id);
    expect(before).toBe('350000.50');

    const body = { fromUserId: from.id, toUserId: to.id };
    const expected: HandoverSummary = {
      ...body,
      accounts: 3,
      openDeals: 2,
      plannedActivities: b.planned.length,
      openTasks: 3,
      accountTeams: 2,
      poolClaims: 1,
    };
    const preview = await handover(f.admin, body, true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual(expected);
    // The preview moved nothing.
    expect(await ownerOf('accounts', b.a1.id)).toBe(from.id);

    const res = await handover(f.admin, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);

    for (const a of [b.a1, b.a2, b.pooled]) expect(await ownerOf('accounts', a.id)).toBe(to.id);
    expect(await ownerOf('opportunities', b.open1.id)).toBe(to.id);
    expect(await ownerOf('opportunities', b.open2.id)).toBe(to.id);
    // Closed deals are the from-user's record of wins and losses; a colleague's deal stays theirs.
    expect(await ownerOf('opportunities', b.won.id)).toBe(from.id);
    expect(await ownerOf('opportunities', b.lost.id)).toBe(from.id);
    expect(await ownerOf('opportunities', b.theirs.id)).toBe(to.id);
    for (const id of b.planned) expect(await ownerOf('activities', id)).toBe(to.id);
    expect(await ownerOf('activities', b.cancelled)).toBe(from.id);
    for (const id of [b.task1, b.task2, b.loose]) expect(await assigneeOf(id)).toBe(to.id);
    expect(await assigneeOf(b.done)).toBe(from.id);

    // Teams: the from-user's place passes on; where the receiver is already on the team, no second row.
    expect(await membersOf(b.a1.id)).toEqual([to.id]);
    expect(await membersOf(b.a2.id)).toEqual([to.id]);
    // The claim follows its account: it counts against the receiver's limit now.
    expect(await claimsOf(to.client)).toMatchObject({ count: 1 });
    expect(await claimsOf(from.client)).toMatchObject({ count: 0 });

    // The receiver's lists show what they received.
    const listed = (await to.client.get('/api/accounts?limit=200')).json<{ items: { id: string }[] }>().items;
    expect(listed.map((i) => i.id).sort()).toEqual([b.a1.id, b.a2.id, b.pooled.id].sort());

    // Totals: the open pipeline moved with the deals, and every kept figure equals its sum.
    expect(await pipelineOf(to.id)).toBe('359000.50');
    expect(await pipelineOf(from.id)).toBe('0.00');
    await expectTotalsExact();

    // Nothing is left to move.
    expect((await handover(f.admin, body, true)).json()).toMatchObject({ accounts: 0, openDeals: 0, openTasks: 0 });
  });

  it('writes one history row per moved record, by the acting user', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    const b = await book(from, to);
    expect((await handover(manager.client, { fromUserId: from.id, toUserId: to.id })).statusCode).toBe(200);
    const rows = await q<{ entity_type: string; entity_id: string; actor_id: string; changes: unknown }>(
      sql`select entity_type, entity_id, actor_id, changes from history
          where org_id = ${f.orgId} and actor_id = ${manager.id} and action <> 'login'
          order by entity_type, entity_id`,
    );
    const moved = [
      ['account', b.a1.id],
      ['account', b.a2.id],
      ['account', b.pooled.id],
      ...b.planned.map((id) => ['activity', id]),
      ['opportunity', b.open1.id],
      ['opportunity', b.open2.id],
      ['task', b.task1],
      ['task', b.task2],
      ['task', b.loose],
    ].sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
    expect(rows.map((r) => [r.entity_type, r.entity_id])).toEqual(moved);
    const change = { field: 'ownerId', old: from.id, new: to.id };
    const byId = new Map(rows.map((r) => [r.entity_id, r.changes]));
    expect(byId.get(b.pooled.id)).toEqual([change]);
    expect(byId.get(b.open1.id)).toEqual([change]);
    expect(byId.get(b.task1)).toEqual([{ field: 'assigneeId', old: from.id, new: to.id }]);
    expect(byId.get(b.a1.id)).toEqual([
      change,
      { field: 'members', old: [`${from.name}:member`], new: [`${to.name}:member`] },
    ]);
    // The account's own history shows the handover.
    const history = (await f.admin.get(`/api/accounts/${b.a1.id}/history`)).json<{ items: { actorId: string }[] }>();
    expect(history.items[0].actorId).toBe(manager.id);
  });

  it('moves only the chosen accounts and the open work on them', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    const b = await book(from, to);
    const body = { fromUserId: from.id, toUserId: to.id, accountIds: [b.a2.id, b.a2.id] };
    const expected = {
      fromUserId: from.id,
      toUserId: to.id,
      accounts: 1,
      openDeals: 1,
      plannedActivities: 1,
      openTasks: 1,
      accountTeams: 1,
      poolClaims: 0,
    };
    expect((await handover(manager.client, body, true)).json()).toEqual(expected);
    const res = await handover(manager.client, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);
    expect(await ownerOf('accounts', b.a2.id)).toBe(to.id);
    expect(await ownerOf('opportunities', b.open2.id)).toBe(to.id);
    expect(await ownerOf('activities', b.planned2)).toBe(to.id);
    expect(await assigneeOf(b.task2)).toBe(to.id);
    // The rest stays with the from-user.
    expect(await ownerOf('accounts', b.a1.id)).toBe(from.id);
    expect(await ownerOf('accounts', b.pooled.id)).toBe(from.id);
    expect(await ownerOf('opportunities', b.open1.id)).toBe(from.id);
    expect(await ownerOf('activities', b.planned1)).toBe(from.id);
    expect(await assigneeOf(b.task1)).toBe(from.id);
    expect(await assigneeOf(b.loose)).toBe(from.id);
    expect(await membersOf(b.a1.id)).toEqual([from.id]);
    await expectTotalsExact();
  });

  it('is for admins and managers only: a rep or a viewer gets 403', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    for (const c of [from.client, viewer.client]) {
      for (const preview of [true, false]) {
        const res = await handover(c, { fromUserId: from.id, toUserId: to.id }, preview);
        expect(res.statusCode).toBe(403);
      }
    }
  });

  it('a manager hands over only people in their scope: anyone else is 404, naming nothing', async () => {
    const from = await f.user({ teamId: north });
    await f.account(east.client);
    const out = await handover(manager.client, { fromUserId: east.id, toUserId: from.id });
    expect(out.statusCode).toBe(404);
    expect(out.json()).toMatchObject({ code: 'not_found' });
    expect(out.body).not.toContain(east.id);
    expect((await handover(manager.client, { fromUserId: from.id, toUserId: east.id }, true)).statusCode).toBe(404);
    // Another organisation's id, or none at all, answers the same.
    const ghost = '01900000-0000-7000-8000-000000000000';
    expect((await handover(f.admin, { fromUserId: ghost, toUserId: from.id })).statusCode).toBe(404);
    // The admin sees the whole organisation.
    expect((await handover(f.admin, { fromUserId: east.id, toUserId: from.id }, true)).statusCode).toBe(200);
  });

  it('a manager moves only what their scope shows: the from-user’s deal on an account outside it stays', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    // An east account whose team the from-user is on, with a deal of theirs there.
    const outside = await f.account(east.client);
    const put = await f.admin.put(`/api/accounts/${outside.id}/members`, {
      members: [{ userId: from.id, role: 'member' }],
    });
    expect(put.statusCode).toBe(200);
    const deal = await f.deal(from.client, { accountId: outside.id });
    const body = { fromUserId: from.id, toUserId: to.id };
    expect((await handover(manager.client, body, true)).json()).toMatchObject({ accounts: 0, openDeals: 0 });
    expect((await handover(manager.client, body)).json()).toMatchObject({ openDeals: 0 });
    expect(await ownerOf('opportunities', deal.id)).toBe(from.id);
    // The admin sees the whole organisation: the deal moves, though its account (east's) does not.
    expect((await handover(f.admin, body)).json()).toMatchObject({ accounts: 0, openDeals: 1, accountTeams: 0 });
    expect(await ownerOf('opportunities', deal.id)).toBe(to.id);
    expect(await ownerOf('accounts', outside.id)).toBe(east.id);
    await expectTotalsExact();
  });

  it('answers bad input with 400s naming the field in Chinese and English', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    const other = await f.user({ teamId: north });
    const theirs = await f.account(other.client);
    const fieldOf = (res: { json(): unknown }) =>
      (res.json() as { fields: { path: string; code: string; messages: { zh: string; en: string } }[] }).fields[0];

    const same = await handover(f.admin, { fromUserId: from.id, toUserId: from.id });
    expect(same.statusCode).toBe(400);
    expect(fieldOf(same)).toMatchObject({
      path: 'toUserId',
      code: 'handover_same_user',
      messages: {
        zh: 'toUserId：不能交接给移交人本人',
        en: 'toUserId must be a different user from the one handing over',
      },
    });

    const inactive = await f.user({ teamId: north });
    const user = (await f.admin.get(`/api/users/${inactive.id}`)).json<{ version: number }>();
    expect(
      (await f.admin.patch(`/api/users/${inactive.id}`, { active: false, version: user.version })).statusCode,
    ).toBe(200);
    const toInactive = await handover(f.admin, { fromUserId: from.id, toUserId: inactive.id });
    expect(toInactive.statusCode).toBe(400);
    expect(fieldOf(toInactive)).toMatchObject({ path: 'toUserId', code: 'inactive_user' });
    // Handing over from a deactivated user is what a leaver's handover is.
    expect((await handover(f.admin, { fromUserId: inactive.id, toUserId: to.id })).statusCode).toBe(200);

    const mine = await f.account(from.client);
    const notTheirs = await handover(f.admin, {
      fromUserId: from.id,
      toUserId: to.id,
      accountIds: [mine.id, theirs.id],
    });
    expect(notTheirs.statusCode).toBe(400);
    expect(fieldOf(notTheirs)).toMatchObject({ path: 'accountIds.1', code: 'handover_not_owner' });
    expect(await ownerOf('accounts', mine.id)).toBe(from.id);

    for (const bad of [
      { fromUserId: from.id },
      { fromUserId: from.id, toUserId: 'x' },
      { ...{ fromUserId: from.id, toUserId: to.id }, accountIds: [] },
    ]) {
      const res = await handover(f.admin, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('leaves nothing half-done when the move fails part-way', async () => {
    const from = await f.user({ teamId: north });
    const to = await f.user({ teamId: north });
    const b = await book(from, to);
    const db = t.database.db;
    // The accounts move last: failing there, every earlier statement of the transaction has run.
    await db.execute(
      sql.raw(`create function okam_test_handover_fail() returns trigger language plpgsql as $$
      begin raise exception 'handover test failure'; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger zz_test_handover_fail before update of owner_id on accounts for each row
        when (new.owner_id = '${to.id}') execute function okam_test_handover_fail()`),
    );
    try {
      const res = await handover(f.admin, { fromUserId: from.id, toUserId: to.id });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql.raw('drop trigger zz_test_handover_fail on accounts'));
      await db.execute(sql.raw('drop function okam_test_handover_fail()'));
    }
    expect(await ownerOf('accounts', b.a1.id)).toBe(from.id);
    expect(await ownerOf('opportunities', b.open1.id)).toBe(from.id);
    expect(await ownerOf('activities', b.planned1)).toBe(from.id);
    expect(await assigneeOf(b.task1)).toBe(from.id);
    expect(await membersOf(b.a1.id)).toEqual([from.id]);
    const [h] = await q<{ n: number }>(
      sql`select count(*)::int as n from history where org_id = ${f.orgId} and entity_id = ${b.open1.id} and actor_id = ${adminId}`,
    );
    expect(h.n).toBe(0);
    await expectTotalsExact();
  });
});
