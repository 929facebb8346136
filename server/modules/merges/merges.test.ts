// Merges 合并: what moves to the survivor and what it takes from the source, both histories, the
// pointer, lists and 查重 without the merged record, the kept facts staying exact, undo putting back
// exactly what moved (refused after 30 days or when a moved row moved on), and who may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { Contact } from '../../../core/schemas/contacts.ts';
import type { Merge } from '../../../core/schemas/merges.ts';
import type { HistoryEntry } from '../../../core/schemas/common.ts';

type User = Awaited<ReturnType<Factories['user']>>;

let t: TestApp;
let f: Factories;
let north: string;
let manager: User, rep: User, viewer: User, east: User;

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);
const get = async (c: Client, id: string) => (await c.get(`/api/accounts/${id}`)).json<AccountDetail>();
const merge = (c: Client, target: AccountDetail, source: AccountDetail, fields: object = {}) =>
  c.post(`/api/accounts/${target.id}/merge`, {
    sourceId: source.id,
    version: target.version,
    sourceVersion: source.version,
    fields,
  });
const undo = (c: Client, id: string) => c.post(`/api/merges/${id}/undo`);
const accountOf = async (table: string, id: string) =>
  (await q<{ a: string }>(sql`select account_id as a from ${sql.raw(table)} where id = ${id}`))[0].a;
const facts = async (id: string) =>
  (
    await q<{ contacts: number; open_deals: number }>(
      sql`select contacts, open_deals from account_facts where account_id = ${id}`,
    )
  )[0] ?? { contacts: 0, open_deals: 0 };
const historyOf = async (c: Client, id: string) =>
  (await c.get(`/api/accounts/${id}/history`)).json<{ items: HistoryEntry[] }>().items;

/** An account with a contact, an open deal, a call, a task, a SWOT item and a team member. */
async function account(owner: User, name: string, input: object = {}) {
  const a = await f.account(owner.client, { name, ...input });
  const contact = await f.contact(owner.client, { accountId: a.id });
  const deal = await f.deal(owner.client, { accountId: a.id, amount: '1000.50' });
  const at = { plannedStart: '2031-03-04T09:00:00+08:00', plannedEnd: '2031-03-04T10:00:00+08:00' };
  const call = (
    await owner.client.post('/api/activities', { type: 'visit', subject: '拜访', accountId: a.id, ...at })
  ).json<{ id: string }>().id;
  const task = (await owner.client.post('/api/tasks', { title: '跟进', dueDate: '2031-06-01', accountId: a.id })).json<{
    id: string;
  }>().id;
  const [swot] = await q<{ id: string }>(
    sql`insert into swot_items (org_id, id, entity_type, entity_id, quadrant, text)
        values (${f.orgId}, gen_random_uuid(), 'account', ${a.id}, 'strength', '老关系') returning id`,
  );
  return { a: await get(owner.client, a.id), contact, deal, call, task, swot: swot.id };
}

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  north = (await f.team({ name: '华北' })).id;
  manager = await f.user({ role: 'manager', teamId: north, name: '经理' });
  rep = await f.user({ teamId: north, name: '代表' });
  viewer = await f.user({ role: 'viewer', teamId: north, name: '观察员' });
  east = await f.user({ name: '华东代表' });
});
afterAll(() => t.close());

describe('account merge', () => {
  it('moves the source’s work to the survivor, takes the chosen values, and records both histories', async () => {
    const target = await account(rep, '某市卫生健康委员会', { website: 'a.example.com', city: '旧城' });
    const source = await account(rep, '某市卫健委', { website: 'b.example.com', shortName: '卫健委' });
    const other = await f.user({ teamId: north });
    await f.admin.put(`/api/accounts/${source.a.id}/members`, {
      members: [
        { userId: rep.id, role: 'member' },
        { userId: other.id, role: 'support' },
      ],
    });
    await f.admin.put(`/api/accounts/${target.a.id}/members`, { members: [{ userId: rep.id, role: 'member' }] });
    const [tf, sf] = [await facts(target.a.id), await facts(source.a.id)];

    const res = await merge(manager.client, await get(f.admin, target.a.id), await get(f.admin, source.a.id), {
      website: 'source',
      shortName: 'source',
      name: 'target',
    });
    expect(res.statusCode).toBe(200);
    const m = res.json<Merge>();
    expect(m).toMatchObject({
      entity: 'account',
      targetId: target.a.id,
      sourceId: source.a.id,
      undoneAt: null,
      moved: { contacts: 1, opportunities: 1, activities: 1, tasks: 1, swot_items: 1, account_members: 1 },
    });
    expect(Date.parse(m.undoUntil) - Date.parse(m.mergedAt)).toBe(30 * 86_400_000);

    for (const [table, id] of [
      ['contacts', source.contact.id],
      ['opportunities', source.deal.id],
      ['activities', source.call],
      ['tasks', source.task],
    ] as const)
      expect(await accountOf(table, id)).toBe(target.a.id);
    const [swot] = await q<{ e: string }>(sql`select entity_id as e from swot_items where id = ${source.swot}`);
    expect(swot.e).toBe(target.a.id);

    const survivor = await get(f.admin, target.a.id);
    expect(survivor).toMatchObject({
      name: '某市卫生健康委员会',
      website: 'b.example.com',
      shortName: '卫健委',
      city: '旧城',
    });
    expect(survivor.members.map((x) => x.userId).sort()).toEqual([rep.id, other.id].sort());
    const merged = await get(f.admin, source.a.id);
    expect(merged.archived).toBe(true);
    // Its read points to the survivor (the page says where it went).
    expect(merged.mergedIntoId).toBe(target.a.id);
    const [pointer] = await q<{ m: string }>(sql`select merged_into_id as m from accounts where id = ${source.a.id}`);
    expect(pointer.m).toBe(target.a.id);

    // The kept facts follow the moved contact and deal.
    const after = await facts(target.a.id);
    expect(after.contacts).toBe(tf.contacts + sf.contacts);
    expect(after.open_deals).toBe(tf.open_deals + sf.open_deals);

    const th = await historyOf(f.admin, target.a.id);
    expect(th[0]).toMatchObject({ action: 'merge', actorId: manager.id });
    expect(th[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'mergedFrom', old: null, new: source.a.id },
        { field: 'website', old: 'a.example.com', new: 'b.example.com' },
      ]),
    );
    const sh = await historyOf(f.admin, source.a.id);
    expect(sh[0]).toMatchObject({ action: 'merge', changes: [{ field: 'mergedIntoId', old: null, new: target.a.id }] });

    // Lists (live and archived), search and 查重 no longer show the merged account.
    for (const url of ['/api/accounts?limit=200', '/api/accounts?archived=true&limit=200', '/api/search?q=卫健委']) {
      const body = (await f.admin.get(url)).json<{ items?: { id: string }[]; accounts?: { id: string }[] }>();
      const ids = (body.items ?? body.accounts ?? []).map((x) => x.id);
      expect(ids).not.toContain(source.a.id);
    }
    const dup = (await f.admin.get(`/api/accounts/duplicates?name=${encodeURIComponent('某市卫健委')}`)).json<{
      matches: { id?: string }[];
    }>();
    expect(dup.matches.map((x) => x.id)).not.toContain(source.a.id);

    // Merged away, it cannot be merged again, nor be restored from the archive (only the undo brings it back).
    expect((await merge(f.admin, await get(f.admin, target.a.id), merged)).statusCode).toBe(409);
    const restore = await f.admin.post(`/api/accounts/${source.a.id}/restore`, { version: merged.version });
    expect(restore.statusCode).toBe(409);
    expect(restore.json<{ code: string }>().code).toBe('merge_merged');

    // An edit made since the merge is kept by the undo: the short name the merge brought is changed.
    const edited = await f.admin.patch(`/api/accounts/${target.a.id}`, {
      version: (await get(f.admin, target.a.id)).version,
      shortName: '市卫健委',
    });
    expect(edited.statusCode).toBe(200);

    // Undo puts back exactly what moved and the target's values the merge left as they were.
    const u = await undo(manager.client, m.id);
    expect(u.statusCode).toBe(200);
    expect(u.json<Merge>().undoneAt).not.toBeNull();
    for (const [table, id] of [
      ['contacts', source.contact.id],
      ['opportunities', source.deal.id],
      ['activities', source.call],
      ['tasks', source.task],
    ] as const)
      expect(await accountOf(table, id)).toBe(source.a.id);
    for (const [table, id] of [
      ['contacts', target.contact.id],
      ['opportunities', target.deal.id],
    ] as const)
      expect(await accountOf(table, id)).toBe(target.a.id);
    const restored = await get(f.admin, target.a.id);
    expect(restored).toMatchObject({ website: 'a.example.com', shortName: '市卫健委', city: '旧城' });
    expect(restored.members.map((x) => x.userId)).toEqual([rep.id]);
    const back = await get(f.admin, source.a.id);
    expect(back.archived).toBe(false);
    expect(back.mergedIntoId).toBeNull();
    expect(await facts(target.a.id)).toEqual(tf);
    expect(await facts(source.a.id)).toEqual(sf);
    expect((await historyOf(f.admin, target.a.id))[0].action).toBe('unmerge');
    expect((await historyOf(f.admin, source.a.id))[0].action).toBe('unmerge');
    expect(
      (await f.admin.get('/api/accounts?limit=200')).json<{ items: { id: string }[] }>().items.map((x) => x.id),
    ).toContain(source.a.id);
    // Once undone, not again.
    expect((await undo(f.admin, m.id)).statusCode).toBe(409);
  });

  it('refuses the undo after 30 days, and when a moved record has moved on since', async () => {
    const a = await account(rep, '甲');
    const b = await account(rep, '乙');
    const m = (await merge(f.admin, a.a, b.a)).json<Merge>();
    await t.database.db.execute(sql`update merges set merged_at = now() - interval '31 days' where id = ${m.id}`);
    const late = await undo(f.admin, m.id);
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('merge_undo_expired');

    const c = await account(rep, '丙');
    const d = await account(rep, '丁');
    const e = await f.account(rep.client);
    const m2 = (await merge(f.admin, c.a, d.a)).json<Merge>();
    // The moved contact is moved on to another account (as a contact's edit of its account would).
    await t.database.db.execute(sql`update contacts set account_id = ${e.id} where id = ${d.contact.id}`);
    const moved = await undo(f.admin, m2.id);
    expect(moved.statusCode).toBe(409);
    expect(moved.json<{ code: string }>().code).toBe('merge_undo_conflict');
    // Nothing was half-undone.
    expect(await accountOf('opportunities', d.deal.id)).toBe(c.a.id);
  });

  it('refuses bad input naming the field, stale versions and a parent loop, moving nothing', async () => {
    const a = await account(rep, '戊');
    const b = await account(rep, '己');
    const same = await f.admin.post(`/api/accounts/${a.a.id}/merge`, {
      sourceId: a.a.id,
      version: 1,
      sourceVersion: 1,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json<{ fields: { path: string }[] }>().fields[0].path).toBe('sourceId');
    const unknown = await merge(f.admin, a.a, b.a, { nonsense: 'source' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('nonsense');
    const side = await merge(f.admin, a.a, b.a, { name: 'both' });
    expect(side.statusCode).toBe(400);
    expect(side.body).toContain('name');
    expect((await merge(f.admin, { ...a.a, version: a.a.version + 5 }, b.a)).statusCode).toBe(409);
    expect((await merge(f.admin, a.a, { ...b.a, version: b.a.version + 5 })).statusCode).toBe(409);
    // The source is its own subsidiary's parent: taking it would loop.
    const child = await f.account(f.admin, { name: '子公司', parentId: a.a.id });
    const loop = await merge(f.admin, a.a, await get(f.admin, child.id), { parentId: 'source' });
    expect(loop.statusCode).toBe(400);
    expect(loop.json<{ fields: { path: string }[] }>().fields[0].path).toBe('fields.parentId');
    // Nothing moved by the refused requests.
    expect(await accountOf('contacts', b.contact.id)).toBe(b.a.id);
  });

  it('is for admins and managers in scope: reps and viewers 403, records out of scope 404', async () => {
    const a = await account(rep, '庚');
    const b = await account(rep, '辛');
    const far = await f.account(east.client, { name: '华东客户' });
    expect((await merge(rep.client, a.a, b.a)).statusCode).toBe(403);
    expect((await merge(viewer.client, a.a, b.a)).statusCode).toBe(403);
    const out = await merge(manager.client, a.a, far);
    expect(out.statusCode).toBe(404);
    expect(out.body).not.toContain('华东');
    expect((await merge(manager.client, far, a.a)).statusCode).toBe(404);
    const m = (await merge(f.admin, a.a, b.a)).json<Merge>();
    expect((await undo(rep.client, m.id)).statusCode).toBe(403);
    expect((await undo(manager.client, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('contact merge', () => {
  it('moves attendances, links, influences and reporting lines to the survivor, and undoes them', async () => {
    const acc = await f.account(rep.client, { name: '壬' });
    const t1 = await f.contact(rep.client, { accountId: acc.id, name: '张三', mobile: '13800000001' });
    const s1 = await f.contact(rep.client, {
      accountId: acc.id,
      name: '张三(重复)',
      email: 'zs@example.com',
      reportsToId: null,
    });
    const report = await f.contact(rep.client, { accountId: acc.id, name: '下属', reportsToId: s1.id });
    const peer = await f.contact(rep.client, { accountId: acc.id, name: '同事' });
    const link = (
      await rep.client.post('/api/contact-links', { fromContactId: s1.id, toContactId: peer.id, kind: 'peer' })
    ).json<{ id: string }>().id;
    const at = { plannedStart: '2031-03-04T09:00:00+08:00', plannedEnd: '2031-03-04T10:00:00+08:00' };
    const call = (
      await rep.client.post('/api/activities', {
        type: 'visit',
        subject: '拜访',
        accountId: acc.id,
        contactIds: [s1.id],
        ...at,
      })
    ).json<{ id: string }>().id;
    const getC = async (id: string) => (await f.admin.get(`/api/contacts/${id}`)).json<Contact>();

    const [tc, sc] = [await getC(t1.id), await getC(s1.id)];
    const res = await manager.client.post(`/api/contacts/${t1.id}/merge`, {
      sourceId: s1.id,
      version: tc.version,
      sourceVersion: sc.version,
      fields: { email: 'source' },
    });
    expect(res.statusCode).toBe(200);
    const m = res.json<Merge>();
    expect(m.moved).toMatchObject({ links_from: 1, reports: 1 });
    const survivor = await getC(t1.id);
    expect(survivor).toMatchObject({ name: '张三', mobile: '13800000001', email: 'zs@example.com' });
    const [r] = await q<{ r: string }>(sql`select reports_to_id as r from contacts where id = ${report.id}`);
    expect(r.r).toBe(t1.id);
    const [l] = await q<{ f: string }>(sql`select from_contact_id as f from contact_links where id = ${link}`);
    expect(l.f).toBe(t1.id);
    const attendees = await q<{ c: string }>(
      sql`select contact_id as c from activity_contacts where activity_id = ${call}`,
    );
    if (attendees.length) expect(attendees.map((x) => x.c)).toEqual([t1.id]);
    const list = (await f.admin.get(`/api/contacts?accountId=${acc.id}&limit=100`)).json<{ items: { id: string }[] }>();
    expect(list.items.map((x) => x.id)).not.toContain(s1.id);
    expect(
      (await rep.client.post(`/api/contacts/${t1.id}/merge`, { sourceId: s1.id, version: 1, sourceVersion: 1 }))
        .statusCode,
    ).toBe(403);

    expect((await undo(f.admin, m.id)).statusCode).toBe(200);
    expect(await getC(t1.id)).toMatchObject({ email: null });
    const [r2] = await q<{ r: string }>(sql`select reports_to_id as r from contacts where id = ${report.id}`);
    expect(r2.r).toBe(s1.id);
    const [l2] = await q<{ f: string }>(sql`select from_contact_id as f from contact_links where id = ${link}`);
    expect(l2.f).toBe(s1.id);
    expect((await getC(s1.id)).archived).toBe(false);
    // Restoring a merged contact from the archive is refused: only the undo brings it back.
    const m2 = (
      await f.admin.post(`/api/contacts/${t1.id}/merge`, {
        sourceId: s1.id,
        version: (await getC(t1.id)).version,
        sourceVersion: (await getC(s1.id)).version,
      })
    ).json<Merge>();
    expect(m2.entity).toBe('contact');
    const restore = await f.admin.post(`/api/contacts/${s1.id}/restore`, { version: (await getC(s1.id)).version });
    expect(restore.json<{ code: string }>().code).toBe('merge_merged');
  });
});

describe('a merged contact', () => {
  it('reads as archived with a pointer to its survivor, which the undo clears', async () => {
    const acc = await f.account(rep.client, { name: '癸' });
    const kept = await f.contact(rep.client, { accountId: acc.id, name: '李四' });
    const gone = await f.contact(rep.client, { accountId: acc.id, name: '李四(重复)' });
    const getC = async (c: typeof rep.client, id: string) => (await c.get(`/api/contacts/${id}`)).json<Contact>();
    expect((await getC(rep.client, kept.id)).mergedIntoId).toBeNull();
    const m = (
      await manager.client.post(`/api/contacts/${kept.id}/merge`, {
        sourceId: gone.id,
        version: kept.version,
        sourceVersion: gone.version,
      })
    ).json<Merge>();
    // The rep, who may not merge, still finds where the contact went.
    expect(await getC(rep.client, gone.id)).toMatchObject({ archived: true, mergedIntoId: kept.id });
    expect((await getC(rep.client, kept.id)).mergedIntoId).toBeNull();
    expect((await undo(manager.client, m.id)).statusCode).toBe(200);
    expect(await getC(rep.client, gone.id)).toMatchObject({ archived: false, mergedIntoId: null });
  });
});
