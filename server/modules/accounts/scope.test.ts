// The data-scope matrix: who sees and may change which accounts and contacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Account, AccountDetail } from '../../../core/schemas/accounts.ts';
import type { Contact, ContactLink, OrgChart } from '../../../core/schemas/contacts.ts';
import type { ErrorBody, PageOf } from '../../../core/schemas/common.ts';
import type { AccountGroup, Whitespace } from '../../../core/schemas/health.ts';

type Who = 'admin' | 'director' | 'northMgr' | 'repA' | 'repB' | 'repC' | 'viewer' | 'lead';
type Acc = 'accAdmin' | 'accA' | 'accB' | 'accC' | 'accN' | 'accL';

let t: TestApp;
let f: Factories;
const as = {} as Record<Who, Client>;
const uid = {} as Record<Who, string>;
const acc = {} as Record<Acc, AccountDetail>;
const con = {} as Record<Acc, Contact>;
const TAG = '范围矩阵';

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const root = await f.team({ name: '总部' });
  const north = await f.team({ name: '华北区', parentId: root.id });
  const east = await f.team({ name: '华东区', parentId: root.id });
  const bj = await f.team({ name: '北京组', parentId: north.id });
  const add = async (who: Who, input: Parameters<Factories['user']>[0]) => {
    const u = await f.user({ name: who, ...input });
    as[who] = u.client;
    uid[who] = u.id;
  };
  as.admin = f.admin;
  uid.admin = (await f.admin.get('/api/auth/me')).json<{ id: string }>().id;
  await add('director', { role: 'manager', teamId: root.id });
  await add('northMgr', { role: 'manager', teamId: north.id });
  await add('repA', { role: 'rep', teamId: bj.id, managerId: uid.northMgr });
  await add('repB', { role: 'rep', teamId: east.id });
  await add('viewer', { role: 'viewer', teamId: north.id });
  await add('lead', { role: 'rep', teamId: east.id, dataScope: 'own_and_subordinates' });
  await add('repC', { role: 'rep', teamId: bj.id, managerId: uid.lead });

  const owners: Record<Acc, Who> = {
    accAdmin: 'admin',
    accA: 'repA',
    accB: 'repB',
    accC: 'repC',
    accN: 'northMgr',
    accL: 'lead',
  };
  for (const [key, who] of Object.entries(owners) as [Acc, Who][]) {
    acc[key] = await f.account(as[who], { name: `范围测试${key}`, tags: [TAG] });
    expect(acc[key].ownerId).toBe(uid[who]);
    con[key] = await f.contact(f.admin, { accountId: acc[key].id, name: `范围联系人${key}`, mobile: '13900001111' });
  }
});
afterAll(() => t.close());

const ALL: Acc[] = ['accAdmin', 'accA', 'accB', 'accC', 'accN', 'accL'];
const SEES: Record<Who, Acc[]> = {
  admin: ALL,
  director: ['accA', 'accB', 'accC', 'accN', 'accL'],
  northMgr: ['accA', 'accC', 'accN'],
  repA: ['accA'],
  repB: ['accB'],
  repC: ['accC'],
  viewer: ['accN'],
  lead: ['accC', 'accL'],
};
const WHO = Object.keys(SEES) as Who[];
const keysOf = (ids: string[]) => ALL.filter((k) => ids.includes(acc[k].id));
const code = (res: { json<T>(): T }) => res.json<ErrorBody>().fields?.[0];

describe('reading', () => {
  it.each(WHO)('%s lists exactly the accounts in scope', async (who) => {
    const page = (await as[who].get(`/api/accounts?tag=${encodeURIComponent(TAG)}&limit=200`)).json<PageOf<Account>>();
    expect(keysOf(page.items.map((a) => a.id))).toEqual(SEES[who]);
  });

  it.each(WHO)('%s opens accounts in scope and gets 404 outside', async (who) => {
    for (const k of ALL) {
      const expected = SEES[who].includes(k) ? 200 : 404;
      expect((await as[who].get(`/api/accounts/${acc[k].id}`)).statusCode, k).toBe(expected);
      expect((await as[who].get(`/api/accounts/${acc[k].id}/history`)).statusCode, k).toBe(expected);
      expect((await as[who].get(`/api/accounts/${acc[k].id}/org-chart`)).statusCode, k).toBe(expected);
      expect((await as[who].get(`/api/contacts/${con[k].id}`)).statusCode, k).toBe(expected);
      expect((await as[who].get(`/api/contacts/${con[k].id}/history`)).statusCode, k).toBe(expected);
      expect((await as[who].get(`/api/contacts/${con[k].id}/links`)).statusCode, k).toBe(expected);
    }
  });

  it.each(WHO)('%s searches only inside scope (list q, contacts, /api/search)', async (who) => {
    const q = encodeURIComponent('范围测试');
    const listed = (await as[who].get(`/api/accounts?q=${q}&limit=200`)).json<PageOf<Account>>();
    expect(keysOf(listed.items.map((a) => a.id))).toEqual(SEES[who]);
    const contacts = (await as[who].get(`/api/contacts?q=${encodeURIComponent('范围联系人')}&limit=200`)).json<
      PageOf<Contact>
    >();
    expect(keysOf(contacts.items.map((c) => c.accountId))).toEqual(SEES[who]);
    const byPhone = (await as[who].get('/api/contacts?q=139-0000-1111&limit=200')).json<PageOf<Contact>>();
    expect(keysOf(byPhone.items.map((c) => c.accountId))).toEqual(SEES[who]);
    const global = (await as[who].get(`/api/search?q=${encodeURIComponent('范围')}`)).json<{
      accounts: { id: string }[];
      contacts: { accountId: string }[];
    }>();
    expect(keysOf(global.accounts.map((a) => a.id))).toEqual(SEES[who]);
    expect(keysOf(global.contacts.map((c) => c.accountId))).toEqual(SEES[who]);
  });

  it('filtering by an out-of-scope account or owner shows nothing', async () => {
    expect((await as.repA.get(`/api/contacts?accountId=${acc.accB.id}`)).json<PageOf<Contact>>().items).toEqual([]);
    expect((await as.repA.get(`/api/accounts?ownerId=${uid.repB}`)).json<PageOf<Account>>().items).toEqual([]);
    expect(
      (
        await as.northMgr.get(
          `/api/accounts?teamId=${(await as.repB.get('/api/auth/me')).json<{ teamId: string }>().teamId}`,
        )
      ).json<PageOf<Account>>().items,
    ).toEqual([]);
  });
});

describe('writing', () => {
  it('changing, archiving or deleting out-of-scope records answers 404', async () => {
    const b = acc.accB;
    expect((await as.repA.patch(`/api/accounts/${b.id}`, { version: b.version, tier: 'A' })).statusCode).toBe(404);
    expect((await as.repA.post(`/api/accounts/${b.id}/archive`, { version: b.version })).statusCode).toBe(404);
    expect((await as.repA.post(`/api/accounts/${b.id}/restore`, { version: b.version })).statusCode).toBe(404);
    expect((await as.repA.put(`/api/accounts/${b.id}/members`, { members: [] })).statusCode).toBe(404);
    expect((await as.northMgr.patch(`/api/accounts/${b.id}`, { version: b.version, tier: 'A' })).statusCode).toBe(404);
    const c = con.accB;
    expect((await as.repA.patch(`/api/contacts/${c.id}`, { version: c.version, title: 'x' })).statusCode).toBe(404);
    expect((await as.repA.post(`/api/contacts/${c.id}/archive`, { version: c.version })).statusCode).toBe(404);
    expect((await as.repA.delete(`/api/contacts/${c.id}`)).statusCode).toBe(404);
    const create = await as.repA.post('/api/contacts', { accountId: b.id, name: '偷偷加的' });
    expect(code(create)).toMatchObject({ path: 'accountId', code: 'unknown_account' });
    const link = await as.repA.post('/api/contact-links', {
      fromContactId: con.accA.id,
      toContactId: c.id,
      kind: 'social',
    });
    expect(code(link)).toMatchObject({ path: 'toContactId', code: 'unknown_contact' });
    // Nothing changed.
    expect((await f.admin.get(`/api/accounts/${b.id}`)).json<AccountDetail>()).toMatchObject({
      version: b.version,
      tier: null,
      archived: false,
    });
    expect((await f.admin.get(`/api/contacts/${c.id}`)).json<Contact>().version).toBe(c.version);
  });

  it('in-scope writes work for managers over their reports', async () => {
    const c = await f.account(as.repA, { name: '经理可改' });
    const res = await as.northMgr.patch(`/api/accounts/${c.id}`, { version: 1, tier: 'B' });
    expect(res.statusCode).toBe(200);
    expect(
      (await as.director.post(`/api/accounts/${c.id}/archive`, { version: 2 })).json<AccountDetail>().archived,
    ).toBe(true);
  });

  it('a viewer reads team records but cannot write anything', async () => {
    const n = acc.accN;
    expect((await as.viewer.get(`/api/accounts/${n.id}`)).json<AccountDetail>().name).toBe(n.name);
    expect(
      (await as.viewer.get(`/api/contacts?accountId=${n.id}`)).json<PageOf<Contact>>().items.map((x) => x.id),
    ).toEqual([con.accN.id]);
    const writes = [
      await as.viewer.post('/api/accounts', { name: '观察员客户', ownershipType: 'soe' }),
      await as.viewer.patch(`/api/accounts/${n.id}`, { version: n.version, tier: 'A' }),
      await as.viewer.post(`/api/accounts/${n.id}/archive`, { version: n.version }),
      await as.viewer.put(`/api/accounts/${n.id}/members`, { members: [] }),
      await as.viewer.delete(`/api/accounts/${n.id}`),
      await as.viewer.post('/api/contacts', { accountId: n.id, name: '观察员联系人' }),
      await as.viewer.patch(`/api/contacts/${con.accN.id}`, { version: con.accN.version, title: 'x' }),
      await as.viewer.delete(`/api/contacts/${con.accN.id}`),
      await as.viewer.post('/api/contact-links', {
        fromContactId: con.accN.id,
        toContactId: con.accA.id,
        kind: 'peer',
      }),
    ];
    for (const res of writes) expect(res.statusCode, res.body).toBe(403);
    expect((await f.admin.get(`/api/accounts/${n.id}`)).json<AccountDetail>().version).toBe(n.version);
  });

  it('writers move accounts in their scope to the recycle bin; others get 404', async () => {
    for (const who of ['repA', 'northMgr', 'director'] as const) {
      const a = await f.account(as.repA, { name: `待删除-${who}` });
      expect((await as.repB.delete(`/api/accounts/${a.id}`)).statusCode, who).toBe(404);
      expect((await as[who].delete(`/api/accounts/${a.id}`)).statusCode, who).toBe(204);
      expect((await f.admin.get(`/api/accounts/${a.id}`)).statusCode).toBe(404);
      expect(
        (await f.admin.get('/api/recycle-bin?entity=account')).json().items.map((e: { id: string }) => e.id),
      ).toContain(a.id);
    }
  });
});

describe('account team membership', () => {
  it('membership shows an account to a rep outside the owner\u2019s scope, and removing it hides it again', async () => {
    const b = acc.accB;
    const put = await f.admin.put(`/api/accounts/${b.id}/members`, {
      members: [{ userId: uid.repA, role: 'support' }],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<AccountDetail>().members).toEqual([{ userId: uid.repA, name: 'repA', role: 'support' }]);

    expect((await as.repA.get(`/api/accounts/${b.id}`)).statusCode).toBe(200);
    const list = (await as.repA.get(`/api/accounts?tag=${encodeURIComponent(TAG)}`)).json<PageOf<Account>>();
    expect(keysOf(list.items.map((a) => a.id))).toEqual(['accA', 'accB']);
    expect((await as.repA.get(`/api/contacts/${con.accB.id}`)).statusCode).toBe(200);
    expect((await as.repA.get(`/api/accounts/${b.id}/org-chart`)).json<OrgChart>().nodes.map((x) => x.id)).toEqual([
      con.accB.id,
    ]);
    // Members work on the account (a support role still writes), but it stays invisible to repA's manager.
    expect((await as.repA.post('/api/contacts', { accountId: b.id, name: '成员新增' })).statusCode).toBe(201);
    expect((await as.northMgr.get(`/api/accounts/${b.id}`)).statusCode).toBe(404);

    const members = await f.admin.put(`/api/accounts/${b.id}/members`, { members: [] });
    expect(members.json<AccountDetail>().members).toEqual([]);
    expect((await as.repA.get(`/api/accounts/${b.id}`)).statusCode).toBe(404);
    expect((await as.repA.get(`/api/contacts/${con.accB.id}`)).statusCode).toBe(404);
  });

  it('refuses unknown or inactive members', async () => {
    const res = await f.admin.put(`/api/accounts/${acc.accAdmin.id}/members`, {
      members: [{ userId: '01890a5d-ac96-774b-bcce-b302099a8057', role: 'member' }],
    });
    expect(code(res)).toMatchObject({ path: 'members.0.userId', code: 'unknown_user' });
  });
});

describe('ownership', () => {
  it('a rep cannot hand an account to someone outside their scope', async () => {
    const a = await f.account(as.repA, { name: '转交测试' });
    for (const ownerId of [uid.repB, uid.northMgr]) {
      const res = await as.repA.patch(`/api/accounts/${a.id}`, { version: 1, ownerId });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toMatchObject({ path: 'ownerId', code: 'unknown_user' });
    }
    const create = await as.repA.post('/api/accounts', { name: '替别人建', ownershipType: 'soe', ownerId: uid.repB });
    expect(code(create)?.path).toBe('ownerId');
  });

  it('a scoped user cannot make an account ownerless (it would vanish from their view)', async () => {
    const create = await as.repA.post('/api/accounts', { name: '无主客户', ownershipType: 'soe', ownerId: null });
    expect(create.statusCode).toBe(400);
    expect(code(create)?.path).toBe('ownerId');
    expect(
      (await f.admin.get(`/api/accounts?q=${encodeURIComponent('无主客户')}`)).json<PageOf<Account>>().items,
    ).toEqual([]);
    const a = await f.account(as.repA, { name: '将无主' });
    const upd = await as.repA.patch(`/api/accounts/${a.id}`, { version: 1, ownerId: null });
    expect(upd.statusCode).toBe(400);
    expect((await as.repA.get(`/api/accounts/${a.id}`)).json<AccountDetail>().ownerId).toBe(uid.repA);
    // The admin (scope: all) may.
    expect(
      (await f.admin.patch(`/api/accounts/${a.id}`, { version: 1, ownerId: null })).json<AccountDetail>().ownerId,
    ).toBeNull();
  });

  it('a manager hands accounts around inside their scope', async () => {
    const a = await f.account(as.repA, { name: '经理转交' });
    const res = await as.northMgr.patch(`/api/accounts/${a.id}`, { version: 1, ownerId: uid.repC });
    expect(res.json<AccountDetail>()).toMatchObject({ ownerId: uid.repC, ownerName: 'repC' });
    expect((await as.repA.get(`/api/accounts/${a.id}`)).statusCode).toBe(404);
    expect((await as.repC.get(`/api/accounts/${a.id}`)).statusCode).toBe(200);
    expect(code(await as.northMgr.patch(`/api/accounts/${a.id}`, { version: 2, ownerId: uid.repB }))?.path).toBe(
      'ownerId',
    );
  });
});

describe('groups: parent and subsidiaries', () => {
  it('links subsidiaries to a parent and refuses cycles', async () => {
    const group = await f.account(f.admin, { name: '中国石化集团' });
    const sub = await f.account(f.admin, { name: '中国石化北京分公司', parentId: group.id });
    const subsub = await f.account(f.admin, { name: '北京加油站', parentId: sub.id });
    expect(sub).toMatchObject({ parentId: group.id, parentName: '中国石化集团' });
    expect((await f.admin.get(`/api/accounts/${group.id}`)).json<AccountDetail>().subsidiaries).toEqual([
      { id: sub.id, name: sub.name },
    ]);
    expect(
      (await f.admin.get(`/api/accounts?parentId=${group.id}`)).json<PageOf<Account>>().items.map((a) => a.id),
    ).toEqual([sub.id]);

    for (const parentId of [group.id, sub.id, subsub.id]) {
      const res = await f.admin.patch(`/api/accounts/${group.id}`, { version: 1, parentId });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toMatchObject({ path: 'parentId', code: 'cycle' });
    }
    const del = await f.admin.delete(`/api/accounts/${group.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json<ErrorBody>().code).toBe('account_has_children');
  });

  it('a rep cannot attach to a parent outside their scope, and sees only visible subsidiaries', async () => {
    const res = await as.repA.post('/api/accounts', { name: '挂到别人', ownershipType: 'soe', parentId: acc.accB.id });
    expect(code(res)).toMatchObject({ path: 'parentId', code: 'unknown_account' });
    const parent = await f.account(as.repA, { name: '我的集团' });
    await f.account(as.repB, { name: '别人的子公司' });
    const hidden = await f.account(f.admin, { name: '管理员的子公司', parentId: parent.id });
    const mine = await f.account(as.repA, { name: '我的子公司', parentId: parent.id });
    const subs = (await as.repA.get(`/api/accounts/${parent.id}`)).json<AccountDetail>().subsidiaries;
    expect(subs.map((s) => s.id)).toEqual([mine.id]);
    expect(
      (await f.admin.get(`/api/accounts/${parent.id}`))
        .json<AccountDetail>()
        .subsidiaries.map((s) => s.id)
        .sort(),
    ).toEqual([hidden.id, mine.id].sort());
  });

  it('a parent outside the caller\u2019s scope is invisible on a subsidiary they are on the team of', async () => {
    const group = await f.account(f.admin, { name: '国家电网集团', tags: ['母公司外'] });
    const sub = await f.account(f.admin, { name: '国网江苏分公司', parentId: group.id, tags: ['母公司外'] });
    expect(
      (await f.admin.put(`/api/accounts/${sub.id}/members`, { members: [{ userId: uid.repB, role: 'member' }] }))
        .statusCode,
    ).toBe(200);
    const hidden = { parentId: null, parentName: null };
    expect((await as.repB.get(`/api/accounts/${sub.id}`)).json<AccountDetail>()).toMatchObject(hidden);
    const listed = (await as.repB.get(`/api/accounts?tag=${encodeURIComponent('母公司外')}`)).json<PageOf<Account>>()
      .items;
    expect(listed.map((a) => [a.id, a.parentId, a.parentName])).toEqual([[sub.id, null, null]]);
    for (const path of ['/api/analysis/whitespace', `/api/analysis/whitespace?accountId=${sub.id}`]) {
      const rows = (await as.repB.get(path)).json<Whitespace>().rows.filter((r) => r.accountId === sub.id);
      expect(
        rows.map((r) => r.parentId),
        path,
      ).toEqual([null]);
    }
    expect(JSON.stringify((await as.repB.get(`/api/accounts/${sub.id}`)).json())).not.toContain(group.name);
    // The group tree already starts at the subsidiary for them; whoever sees the parent still gets it.
    expect((await as.repB.get(`/api/accounts/${sub.id}/group`)).json<AccountGroup>().root).toMatchObject({
      accountId: sub.id,
      children: [],
    });
    expect((await f.admin.get(`/api/accounts/${sub.id}`)).json<AccountDetail>()).toMatchObject({
      parentId: group.id,
      parentName: group.name,
    });
    const adminRows = (await f.admin.get(`/api/accounts?tag=${encodeURIComponent('母公司外')}`)).json<PageOf<Account>>()
      .items;
    expect(adminRows.find((a) => a.id === sub.id)).toMatchObject({ parentId: group.id, parentName: group.name });
    const adminGrid = (await f.admin.get(`/api/analysis/whitespace?accountId=${group.id}`)).json<Whitespace>().rows;
    expect(adminGrid.find((r) => r.accountId === sub.id)?.parentId).toBe(group.id);
  });
});

describe('contacts across scopes', () => {
  it('links to contacts outside the caller\u2019s scope do not reveal them', async () => {
    const link = (
      await f.admin.post('/api/contact-links', { fromContactId: con.accA.id, toContactId: con.accB.id, kind: 'social' })
    ).json<ContactLink>();
    const seen = (await as.repA.get(`/api/contacts/${con.accA.id}/links`)).json<{ items: ContactLink[] }>().items;
    expect(seen.map((l) => l.id)).not.toContain(link.id);
    expect(JSON.stringify(seen)).not.toContain(con.accB.name);
    expect(
      (await f.admin.get(`/api/contacts/${con.accA.id}/links`)).json<{ items: ContactLink[] }>().items.map((l) => l.id),
    ).toContain(link.id);
  });
});
