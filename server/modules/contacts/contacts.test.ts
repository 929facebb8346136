import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { ContactPage, type Contact, type ContactLink, type OrgChart } from '../../../core/schemas/contacts.ts';
import { expectSchema } from '../../test/schema.ts';
import type { ErrorBody, HistoryEntry, PageOf } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const q = (s: string) => encodeURIComponent(s);
const list = async (query: string) => {
  const res = await f.admin.get(`/api/contacts?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  // The rows come raw from the driver: every page must be the documented shape.
  expectSchema(ContactPage, res.json());
  return res.json<PageOf<Contact>>();
};
const names = (p: PageOf<Contact>) => p.items.map((c) => c.name).sort();
const fieldOf = (res: { json<T>(): T }) =>
  res.json<ErrorBody & { fields: { path: string; code: string }[] }>().fields[0];

describe('contact lifecycle', () => {
  it('creates, reads, updates, archives, restores and deletes, with history', async () => {
    const account = await f.account(f.admin, { name: '国家电网华北分部' });
    const created = await f.admin.post('/api/contacts', {
      accountId: account.id,
      name: '  刘海涛 ',
      title: '信息中心主任',
      mobile: '139 1000 2000',
      influence: 'high',
      attitude: 3,
      birthday: '1975-06-01',
    });
    expect(created.statusCode).toBe(201);
    const c = created.json<Contact>();
    expect(c).toMatchObject({
      name: '刘海涛',
      accountName: '国家电网华北分部',
      coverage: 'none',
      attitude: 3,
      version: 1,
      archived: false,
      birthday: '1975-06-01',
    });

    expect((await f.admin.get(`/api/contacts/${c.id}`)).json<Contact>()).toEqual(c);

    const upd = await f.admin.patch(`/api/contacts/${c.id}`, {
      version: 1,
      title: '副总经理',
      attitude: -2,
      coverage: 'brief',
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json<Contact>()).toMatchObject({ title: '副总经理', attitude: -2, coverage: 'brief', version: 2 });

    // Nothing changed: no new version, no history entry.
    const same = await f.admin.patch(`/api/contacts/${c.id}`, { version: 2, title: '副总经理' });
    expect(same.json<Contact>().version).toBe(2);

    const stale = await f.admin.patch(`/api/contacts/${c.id}`, { version: 1, title: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('stale_version');

    const archived = await f.admin.post(`/api/contacts/${c.id}/archive`, { version: 2 });
    expect(archived.json<Contact>()).toMatchObject({ archived: true, version: 3 });
    expect((await list(`accountId=${account.id}`)).items).toHaveLength(0);
    expect((await list(`accountId=${account.id}&archived=true`)).items.map((x) => x.id)).toEqual([c.id]);
    expect((await f.admin.get(`/api/accounts/${account.id}`)).json<{ contactCount: number }>().contactCount).toBe(0);

    const restored = await f.admin.post(`/api/contacts/${c.id}/restore`, { version: 3 });
    expect(restored.json<Contact>()).toMatchObject({ archived: false, version: 4 });

    const hist = (await f.admin.get(`/api/contacts/${c.id}/history`)).json<{ items: HistoryEntry[] }>().items;
    expect(hist.map((h) => h.action)).toEqual(['restore', 'archive', 'update', 'create']);
    expect(hist[2].changes).toEqual(
      expect.arrayContaining([
        { field: 'title', old: '信息中心主任', new: '副总经理' },
        { field: 'attitude', old: 3, new: -2 },
        { field: 'coverage', old: 'none', new: 'brief' },
      ]),
    );
    expect(hist[2].changes).toHaveLength(3);
    expect(hist[3].changes).toEqual(expect.arrayContaining([{ field: 'name', old: null, new: '刘海涛' }]));
    expect(hist[3].actorName).toBe('管理员');

    expect((await f.admin.delete(`/api/contacts/${c.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`/api/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await f.admin.delete(`/api/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`/api/contacts/${c.id}/history`)).statusCode).toBe(404);
  });

  it('clears fields with null (not "" or 0) and records it in the history', async () => {
    const c = await f.contact(f.admin, { title: '处长', attitude: 2, mobile: '13700001111' });
    const res = await f.admin.patch(`/api/contacts/${c.id}`, { version: 1, title: null, attitude: null, mobile: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Contact>()).toMatchObject({ title: null, attitude: null, mobile: null, version: 2 });
    const hist = (await f.admin.get(`/api/contacts/${c.id}/history`)).json<{ items: HistoryEntry[] }>().items;
    expect(hist[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'title', old: '处长', new: null },
        { field: 'attitude', old: 2, new: null },
      ]),
    );
    expect(names(await list('q=13700001111'))).toEqual([]);
    // Zero is a value, not "empty".
    expect((await f.admin.patch(`/api/contacts/${c.id}`, { version: 2, attitude: 0 })).json<Contact>().attitude).toBe(
      0,
    );
    const a = await f.account(f.admin, { employees: 120, industry: '能源' });
    const cleared = await f.admin.patch(`/api/accounts/${a.id}`, {
      version: 1,
      employees: null,
      industry: null,
      tier: null,
    });
    expect(cleared.json()).toMatchObject({ employees: null, industry: null, tier: null });
    // Bodies are not coerced: a number sent as text is refused.
    expect((await f.admin.patch(`/api/contacts/${c.id}`, { version: '3', attitude: 1 })).statusCode).toBe(400);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await f.admin.get(`/api/contacts/${unknown}`)).statusCode).toBe(404);
    expect((await f.admin.patch(`/api/contacts/${unknown}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await f.admin.post(`/api/contacts/${unknown}/archive`, { version: 1 })).statusCode).toBe(404);
    const bad = await f.admin.get('/api/contacts/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad).path).toBe('params.id');
  });

  it('validates input: attitude range, e-mail, phone, unknown fields, unknown account and counterpart', async () => {
    const a = await f.account();
    for (const attitude of [6, -6]) {
      const res = await f.admin.post('/api/contacts', { accountId: a.id, name: '甲', attitude });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res).path).toBe('attitude');
    }
    for (const attitude of [5, -5, 0])
      expect((await f.admin.post('/api/contacts', { accountId: a.id, name: '甲', attitude })).statusCode).toBe(201);
    const email = await f.admin.post('/api/contacts', { accountId: a.id, name: '乙', email: 'not-an-email' });
    expect(email.statusCode).toBe(400);
    expect(fieldOf(email)).toMatchObject({ path: 'email', code: 'format' });
    const phone = await f.admin.post('/api/contacts', { accountId: a.id, name: '乙', mobile: '138abc' });
    expect(fieldOf(phone)).toMatchObject({ path: 'mobile', code: 'pattern' });
    const extra = await f.admin.post('/api/contacts', { accountId: a.id, name: '乙', salary: 1 });
    expect(extra.statusCode).toBe(400);
    expect(fieldOf(extra)).toMatchObject({ path: 'salary', code: 'unknown_field' });
    const noAccount = await f.admin.post('/api/contacts', {
      accountId: '01890a5d-ac96-774b-bcce-b302099a8057',
      name: '乙',
    });
    expect(fieldOf(noAccount)).toMatchObject({ path: 'accountId', code: 'unknown_account' });
    const noUser = await f.admin.post('/api/contacts', {
      accountId: a.id,
      name: '乙',
      counterpartId: '01890a5d-ac96-774b-bcce-b302099a8057',
    });
    expect(fieldOf(noUser)).toMatchObject({ path: 'counterpartId', code: 'unknown_user' });
    const badAttitude = await f.admin.patch(`/api/contacts/${(await f.contact()).id}`, { version: 1, attitude: 10 });
    expect(fieldOf(badAttitude).path).toBe('attitude');
  });
});

describe('reporting lines', () => {
  it('reportsToId must be a contact of the same account', async () => {
    const boss = await f.contact();
    const other = await f.contact();
    const res = await f.admin.post('/api/contacts', { accountId: other.accountId, name: '下属', reportsToId: boss.id });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toMatchObject({ path: 'reportsToId', code: 'other_account_contact' });
    const upd = await f.admin.patch(`/api/contacts/${other.id}`, { version: 1, reportsToId: boss.id });
    expect(fieldOf(upd)).toMatchObject({ path: 'reportsToId', code: 'other_account_contact' });
    const unknown = await f.admin.post('/api/contacts', {
      accountId: other.accountId,
      name: '下属',
      reportsToId: '01890a5d-ac96-774b-bcce-b302099a8057',
    });
    expect(fieldOf(unknown)).toMatchObject({ path: 'reportsToId', code: 'unknown_contact' });
  });

  it('refuses cycles: self, A→B then B→A, and longer loops', async () => {
    const a = await f.contact();
    const b = await f.contact(f.admin, { accountId: a.accountId });
    const c = await f.contact(f.admin, { accountId: a.accountId });
    const self = await f.admin.patch(`/api/contacts/${a.id}`, { version: 1, reportsToId: a.id });
    expect(fieldOf(self)).toMatchObject({ path: 'reportsToId', code: 'cycle' });
    const ab = await f.admin.patch(`/api/contacts/${a.id}`, { version: 1, reportsToId: b.id });
    expect(ab.json<Contact>()).toMatchObject({ reportsToId: b.id, reportsToName: b.name });
    const ba = await f.admin.patch(`/api/contacts/${b.id}`, { version: 1, reportsToId: a.id });
    expect(ba.statusCode).toBe(400);
    expect(fieldOf(ba)).toMatchObject({ path: 'reportsToId', code: 'cycle' });
    expect((await f.admin.patch(`/api/contacts/${b.id}`, { version: 1, reportsToId: c.id })).statusCode).toBe(200);
    const ca = await f.admin.patch(`/api/contacts/${c.id}`, { version: 1, reportsToId: a.id });
    expect(fieldOf(ca).code).toBe('cycle');
  });

  it('deleting a boss leaves the direct reports without a boss', async () => {
    const boss = await f.contact();
    const sub = await f.contact(f.admin, { accountId: boss.accountId, reportsToId: boss.id });
    expect(sub.reportsToId).toBe(boss.id);
    const del = await f.admin.delete(`/api/contacts/${boss.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect((await f.admin.get(`/api/contacts/${sub.id}`)).json<Contact>()).toMatchObject({
      reportsToId: null,
      reportsToName: null,
    });
  });

  it('deleting an account takes its contacts, reporting lines and links with it', async () => {
    const boss = await f.contact();
    const sub = await f.contact(f.admin, { accountId: boss.accountId, reportsToId: boss.id });
    expect(
      (await f.admin.post('/api/contact-links', { fromContactId: sub.id, toContactId: boss.id, kind: 'social' }))
        .statusCode,
    ).toBe(201);
    const del = await f.admin.delete(`/api/accounts/${boss.accountId}`);
    expect(del.statusCode, del.body).toBe(204);
    expect((await f.admin.get(`/api/contacts/${sub.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`/api/contacts/${boss.id}`)).statusCode).toBe(404);
  });
});

describe('contact search, paging and filters', () => {
  it('finds two Chinese characters of a name and phone digits in any format', async () => {
    const a = await f.account(f.admin, { name: '搜索测试客户' });
    await f.contact(f.admin, { accountId: a.id, name: '欧阳建国', mobile: '13800138000' });
    await f.contact(f.admin, { accountId: a.id, name: '司马建华', phone: '(010) 6512-3456' });
    await f.contact(f.admin, { accountId: a.id, name: '诸葛亮' });
    expect(names(await list(`q=${q('建国')}`))).toEqual(['欧阳建国']);
    expect(names(await list(`q=${q('建')}&accountId=${a.id}`))).toEqual(['司马建华', '欧阳建国']);
    expect(names(await list(`q=${q('国建')}`))).toEqual([]);
    for (const phone of ['13800138000', '138-0013-8000', '138 0013 8000', '0013']) {
      expect(names(await list(`q=${q(phone)}&accountId=${a.id}`)), phone).toEqual(['欧阳建国']);
    }
    expect(names(await list(`q=${q('010-65123456')}`))).toEqual(['司马建华']);

    // Renaming and changing numbers keeps the index current.
    const zg = (await list(`q=${q('诸葛')}`)).items[0];
    await f.admin.patch(`/api/contacts/${zg.id}`, { version: zg.version, name: '诸葛孔明', mobile: '186-1111-2222' });
    expect(names(await list(`q=${q('孔明')}`))).toEqual(['诸葛孔明']);
    expect(names(await list(`q=${q('18611112222')}`))).toEqual(['诸葛孔明']);
    expect(names(await list(`q=${q('诸葛亮')}`))).toEqual([]);
  });

  it('pages through contacts with a keyset cursor, in every sort', async () => {
    const a = await f.account(f.admin, { name: '分页测试客户' });
    const made: string[] = [];
    for (let i = 0; i < 7; i++)
      made.push(
        (
          await f.contact(f.admin, {
            accountId: a.id,
            name: `分页${String.fromCharCode(0x4e00 + ((i * 37) % 11))}${i}`,
          })
        ).id,
      );
    for (const sort of ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt']) {
      const seen: Contact[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: PageOf<Contact> = await list(
          `accountId=${a.id}&limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages, sort).toBe(3);
      expect(new Set(seen.map((c) => c.id)), sort).toEqual(new Set(made));
      const all = (await list(`accountId=${a.id}&limit=50&sort=${sort}`)).items.map((c) => c.id);
      expect(
        seen.map((c) => c.id),
        sort,
      ).toEqual(all);
    }
    const byName = (await list(`accountId=${a.id}&sort=name`)).items.map((c) => c.name);
    expect(byName).toEqual([...byName].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('refuses a forged or broken cursor with 400', async () => {
    const forged = [
      'not-base64-json',
      Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url'),
      Buffer.from(JSON.stringify(['not-a-time', '01890a5d-ac96-774b-bcce-b302099a8057'])).toString('base64url'),
      Buffer.from(JSON.stringify({ a: 1 })).toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await f.admin.get(`/api/contacts?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
    }
    const acc = await f.admin.get(
      `/api/accounts?sort=ourRevenue&cursor=${Buffer.from(JSON.stringify(['abc', '01890a5d-ac96-774b-bcce-b302099a8057'])).toString('base64url')}`,
    );
    expect(acc.statusCode).toBe(400);
  });

  it('filters by account, influence and coverage', async () => {
    const a = await f.account();
    const b = await f.account();
    await f.contact(f.admin, { accountId: a.id, name: '高影响', influence: 'high', coverage: 'in_depth' });
    await f.contact(f.admin, { accountId: a.id, name: '低影响', influence: 'low', coverage: 'brief' });
    await f.contact(f.admin, { accountId: b.id, name: '别家高影响', influence: 'high', coverage: 'brief' });
    expect(names(await list(`accountId=${a.id}`))).toEqual(['低影响', '高影响']);
    expect(names(await list(`accountId=${a.id}&influence=high`))).toEqual(['高影响']);
    expect(names(await list(`accountId=${b.id}&influence=high`))).toEqual(['别家高影响']);
    expect(names(await list(`accountId=${a.id}&coverage=brief`))).toEqual(['低影响']);
    expect(names(await list(`accountId=${a.id}&coverage=brief&influence=high`))).toEqual([]);
    const bad = await f.admin.get('/api/contacts?influence=huge');
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad).path).toBe('query.influence');
  });
});

describe('relationship links and the org chart', () => {
  it('creates, lists from both ends and deletes links; refuses self links', async () => {
    const a = await f.contact();
    const b = await f.contact(f.admin, { accountId: a.accountId });
    const other = await f.contact();
    const res = await f.admin.post('/api/contact-links', {
      fromContactId: a.id,
      toContactId: b.id,
      kind: 'superior',
      note: '老领导',
    });
    expect(res.statusCode).toBe(201);
    const link = res.json<ContactLink>();
    expect(link).toMatchObject({
      fromContactId: a.id,
      fromName: a.name,
      toContactId: b.id,
      toName: b.name,
      kind: 'superior',
      note: '老领导',
    });
    // Links may cross accounts (e.g. a former colleague at another customer).
    const cross = (
      await f.admin.post('/api/contact-links', { fromContactId: other.id, toContactId: a.id, kind: 'social' })
    ).json<ContactLink>();

    const ofA = (await f.admin.get(`/api/contacts/${a.id}/links`)).json<{ items: ContactLink[] }>().items;
    expect(ofA.map((l) => l.id).sort()).toEqual([link.id, cross.id].sort());
    const ofB = (await f.admin.get(`/api/contacts/${b.id}/links`)).json<{ items: ContactLink[] }>().items;
    expect(ofB.map((l) => l.id)).toEqual([link.id]);

    const self = await f.admin.post('/api/contact-links', { fromContactId: a.id, toContactId: a.id, kind: 'peer' });
    expect(self.statusCode).toBe(400);
    expect(fieldOf(self)).toMatchObject({ path: 'toContactId', code: 'self_link' });
    const badKind = await f.admin.post('/api/contact-links', { fromContactId: a.id, toContactId: b.id, kind: 'enemy' });
    expect(fieldOf(badKind)).toMatchObject({ path: 'kind', code: 'enum' });
    const unknown = await f.admin.post('/api/contact-links', {
      fromContactId: a.id,
      toContactId: '01890a5d-ac96-774b-bcce-b302099a8057',
      kind: 'peer',
    });
    expect(fieldOf(unknown)).toMatchObject({ path: 'toContactId', code: 'unknown_contact' });

    expect((await f.admin.delete(`/api/contact-links/${link.id}`)).statusCode).toBe(204);
    expect((await f.admin.delete(`/api/contact-links/${link.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`/api/contacts/${b.id}/links`)).json<{ items: ContactLink[] }>().items).toEqual([]);
  });

  it('returns the org chart: active contacts with reporting lines and links inside the account', async () => {
    const acc = await f.account(f.admin, { name: '组织图客户' });
    const ceo = await f.contact(f.admin, {
      accountId: acc.id,
      name: '总经理',
      title: 'CEO',
      influence: 'high',
      attitude: 4,
    });
    const cio = await f.contact(f.admin, {
      accountId: acc.id,
      name: '信息总监',
      reportsToId: ceo.id,
      coverage: 'multiple',
    });
    const eng = await f.contact(f.admin, { accountId: acc.id, name: '工程师', reportsToId: cio.id });
    const gone = await f.contact(f.admin, { accountId: acc.id, name: '已离职', reportsToId: ceo.id });
    await f.admin.post(`/api/contacts/${gone.id}/archive`, { version: 1 });
    const outside = await f.contact();
    const inner = (
      await f.admin.post('/api/contact-links', { fromContactId: eng.id, toContactId: ceo.id, kind: 'family' })
    ).json<ContactLink>();
    await f.admin.post('/api/contact-links', { fromContactId: eng.id, toContactId: outside.id, kind: 'social' });

    const res = await f.admin.get(`/api/accounts/${acc.id}/org-chart`);
    expect(res.statusCode).toBe(200);
    const chart = res.json<OrgChart>();
    const byName = new Map(chart.nodes.map((n) => [n.name, n]));
    expect([...byName.keys()].sort()).toEqual(['信息总监', '工程师', '总经理'].sort());
    expect(byName.get('总经理')).toMatchObject({
      id: ceo.id,
      reportsToId: null,
      title: 'CEO',
      influence: 'high',
      attitude: 4,
    });
    expect(byName.get('信息总监')).toMatchObject({ reportsToId: ceo.id, coverage: 'multiple' });
    expect(byName.get('工程师')).toMatchObject({ reportsToId: cio.id });
    expect(chart.links.map((l) => l.id)).toEqual([inner.id]);

    expect((await f.admin.get('/api/accounts/01890a5d-ac96-774b-bcce-b302099a8057/org-chart')).statusCode).toBe(404);
  });
});

describe("contacts follow their account's owner", () => {
  it('moves a rep’s contacts with the account, and shows those of accounts they are on the team of', async () => {
    const a = await f.user();
    const b = await f.user();
    const account = await f.account(a.client);
    const c = await f.contact(a.client, { accountId: account.id, name: '随客户移交' });
    const mine = async (u: typeof a) =>
      (await u.client.get('/api/contacts?limit=200')).json<PageOf<Contact>>().items.map((x) => x.id);
    expect(await mine(a)).toContain(c.id);
    expect(await mine(b)).not.toContain(c.id);
    expect((await f.admin.get(`/api/contacts?ownerId=${a.id}`)).json<PageOf<Contact>>().items.map((x) => x.id)).toEqual(
      [c.id],
    );

    const res = await f.admin.patch(`/api/accounts/${account.id}`, { version: account.version, ownerId: b.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await mine(a)).not.toContain(c.id);
    expect(await mine(b)).toContain(c.id);

    // On the account team, a rep sees its contacts though someone else owns it.
    const other = await f.account(b.client);
    const d = await f.contact(b.client, { accountId: other.id });
    const team = await f.admin.put(`/api/accounts/${other.id}/members`, {
      members: [{ userId: a.id, role: 'member' }],
    });
    expect(team.statusCode, team.body).toBeLessThan(300);
    expect(await mine(a)).toContain(d.id);
  });
});
