// 查重 (issue 22): accounts by credit code and normalised name, contacts by mobile and e-mail, open deals
// by account and name — the 409s, the confirmation flags, what leaks outside the caller's scope (only
// the owner's name), the shared pool, archived and deleted records, and the backfill of stored keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import { fillDuplicateKeys } from '../../db/duplicate-keys.ts';
import { creditCodeCheckChar } from '../../../core/credit-code.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { Contact } from '../../../core/schemas/contacts.ts';
import type { DuplicateMatch, ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let repA: { id: string; client: Client };
let repB: { id: string; client: Client };

/** A valid credit code, different per call. */
let serial = 0;
function creditCode(): string {
  const body = `91440300${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(3, '0')}`.slice(0, 17);
  return body + creditCodeCheckChar(body);
}

const matchesOf = (res: { json(): unknown }) => (res.json() as { matches: DuplicateMatch[] }).matches;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  // Two reps of different teams: neither sees the other's accounts.
  repA = await f.user({ name: '张三' });
  repB = await f.user({ name: '李四' });
});
afterAll(() => t.close());

describe('accounts', () => {
  it('two reps registering one customer at the same moment: one gets it, the other is told (撞单)', async () => {
    for (let i = 0; i < 8; i++) {
      const code = creditCode();
      const name = `同时登记${i}医院`;
      const [a, b] = await Promise.all([
        repA.client.post('/api/accounts', { name, creditCode: code, ownershipType: 'institution' }),
        repB.client.post('/api/accounts', { name: `${name}（分院）`, creditCode: code, ownershipType: 'institution' }),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([201, 409]);
      // The same name typed twice at once: the second is asked to confirm, not silently doubled.
      const [c, d] = await Promise.all([
        repA.client.post('/api/accounts', { name: `同名${i}委员会`, ownershipType: 'government' }),
        repB.client.post('/api/accounts', { name: `同名${i}委员会`, ownershipType: 'government' }),
      ]);
      expect([c.statusCode, d.statusCode].sort(), `${c.body} ${d.body}`).toEqual([201, 409]);
    }
  });

  it('refuses the same credit code (409 duplicate_account, whatever the flag) and says only whose it is out of scope', async () => {
    const code = creditCode();
    const a = await f.account(repA.client, { name: '深圳市甲乙科技有限公司', creditCode: code });
    const res = await repB.client.post('/api/accounts', {
      name: '完全不同的名字',
      ownershipType: 'private',
      creditCode: code.toLowerCase(),
      allowDuplicateName: true,
    });
    expect(res.statusCode).toBe(409);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('duplicate_account');
    expect(body.messages.zh).toBeTruthy();
    expect(body.messages.en).toBeTruthy();
    expect(body.fields?.[0]).toMatchObject({ path: 'creditCode', code: 'credit_code_taken' });
    // Nothing but the owner's name leaks: no id, no account name.
    expect(body.matches).toEqual([{ field: 'creditCode', inScope: false, ownerName: '张三', pool: false }]);
    expect(res.body).not.toContain(a.id);
    expect(res.body).not.toContain('甲乙科技');
  });

  it('answers a normalised-name match with 409 unless allowDuplicateName, and names it in scope', async () => {
    await f.account(repA.client, { name: '（深圳）某某医疗器械股份有限公司', allowDuplicateName: false });
    // Full-width brackets, spaces and another legal-form suffix: the same customer.
    const payload = { name: '(深圳) 某某医疗器械有限公司', ownershipType: 'private' };
    const mine = await repA.client.post('/api/accounts', payload);
    expect(mine.statusCode).toBe(409);
    const body = mine.json<ErrorBody>();
    expect(body.fields?.[0]).toMatchObject({ path: 'name', code: 'name_taken' });
    expect(body.matches).toEqual([
      expect.objectContaining({
        field: 'name',
        inScope: true,
        name: '（深圳）某某医疗器械股份有限公司',
        ownerName: '张三',
        pool: false,
        archived: false,
        id: expect.any(String),
      }),
    ]);
    // Another rep is told only whose it is.
    const other = await repB.client.post('/api/accounts', payload);
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().matches).toEqual([
      { field: 'name', inScope: false, ownerName: '张三', pool: false },
    ]);
    // Confirmed, it is created.
    const ok = await repB.client.post('/api/accounts', { ...payload, allowDuplicateName: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<AccountDetail>()).not.toHaveProperty('allowDuplicateName');
    expect(ok.json<AccountDetail>()).not.toHaveProperty('nameKey');
  });

  it('GET /api/accounts/duplicates shows matches while typing, in and out of scope', async () => {
    const code = creditCode();
    const a = await f.account(repA.client, { name: '某市卫生健康委员会', creditCode: code });
    const mine = await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('某市 卫生健康委员会')}`);
    expect(mine.statusCode).toBe(200);
    expect(matchesOf(mine)).toEqual([
      {
        field: 'name',
        inScope: true,
        id: a.id,
        name: '某市卫生健康委员会',
        ownerName: '张三',
        pool: false,
        archived: false,
      },
    ]);
    const theirs = await repB.client.get(
      `/api/accounts/duplicates?name=${encodeURIComponent('某市卫生健康委员会')}&creditCode=${code}`,
    );
    expect(matchesOf(theirs)).toEqual([{ field: 'creditCode', inScope: false, ownerName: '张三', pool: false }]);
    // The account being edited is not its own duplicate.
    expect(matchesOf(await repA.client.get(`/api/accounts/duplicates?creditCode=${code}&excludeId=${a.id}`))).toEqual(
      [],
    );
    expect(matchesOf(await repA.client.get('/api/accounts/duplicates?name='))).toEqual([]);
    expect((await repA.client.get('/api/accounts/duplicates?excludeId=nope')).statusCode).toBe(400);
  });

  it('checks a rename and a new credit code on update, excluding the account itself', async () => {
    const code = creditCode();
    await f.account(repA.client, { name: '更新查重甲公司', creditCode: code });
    const b = await f.account(repA.client, { name: '更新查重乙' });
    // The same name, re-typed with a suffix, is not a change of key: no check.
    const same = await repA.client.patch(`/api/accounts/${b.id}`, { version: b.version, name: '更新查重乙有限公司' });
    expect(same.statusCode).toBe(200);
    const renamed = await repA.client.patch(`/api/accounts/${b.id}`, { version: 2, name: '更新查重甲' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json<ErrorBody>().code).toBe('duplicate_account');
    const recoded = await repA.client.patch(`/api/accounts/${b.id}`, { version: 2, creditCode: code });
    expect(recoded.statusCode).toBe(409);
    expect(recoded.json<ErrorBody>().fields?.[0].path).toBe('creditCode');
    const confirmed = await repA.client.patch(`/api/accounts/${b.id}`, {
      version: 2,
      name: '更新查重甲',
      allowDuplicateName: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<AccountDetail>().name).toBe('更新查重甲');
  });

  it('counts the shared pool (owner 公海) and archived accounts, not deleted ones', async () => {
    const pooled = await f.account(f.admin, { name: '公海查重客户' });
    await t.app.db.execute(
      sql`update accounts set owner_id = null, pooled_at = now() where org_id = ${f.orgId} and id = ${pooled.id}`,
    );
    const res = await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('公海查重客户')}`);
    expect(matchesOf(res)).toEqual([{ field: 'name', inScope: false, ownerName: '公海', pool: true }]);
    const en = await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('公海查重客户')}`, {
      'accept-language': 'en',
    });
    expect(matchesOf(en)[0].pool).toBe(true);

    const archived = await f.account(repA.client, { name: '归档查重客户' });
    expect((await repA.client.post(`/api/accounts/${archived.id}/archive`, { version: 1 })).statusCode).toBe(200);
    expect(
      matchesOf(await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('归档查重客户')}`)),
    ).toEqual([expect.objectContaining({ id: archived.id, archived: true })]);

    const deleted = await f.account(repA.client, { name: '已删除查重客户' });
    expect((await repA.client.delete(`/api/accounts/${deleted.id}`)).statusCode).toBe(204);
    expect(
      matchesOf(await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('已删除查重客户')}`)),
    ).toEqual([]);
    expect(
      (await repA.client.post('/api/accounts', { name: '已删除查重客户', ownershipType: 'private' })).statusCode,
    ).toBe(201);
  });
});

describe('contacts', () => {
  it('warns on the same mobile or e-mail within the organisation, in scope and out', async () => {
    const accA = await f.account(repA.client, { name: '联系人查重客户甲' });
    const accB = await f.account(repB.client, { name: '联系人查重客户乙' });
    const c = await f.contact(repA.client, {
      accountId: accA.id,
      name: '王五',
      mobile: '138 0013 8000',
      email: 'Wang.Wu@Example.com',
      allowDuplicate: false,
    });
    // +86 and another spelling of the e-mail: the same person.
    const again = await repA.client.post('/api/contacts', {
      accountId: accA.id,
      name: '王五',
      mobile: '+8613800138000',
    });
    expect(again.statusCode).toBe(409);
    const body = again.json<ErrorBody>();
    expect(body.code).toBe('duplicate_contact');
    expect(body.fields?.[0]).toMatchObject({ path: 'mobile', code: 'contact_taken' });
    expect(body.matches).toEqual([
      {
        field: 'mobile',
        inScope: true,
        id: c.id,
        name: '王五',
        accountId: accA.id,
        accountName: '联系人查重客户甲',
        ownerName: '张三',
        pool: false,
        archived: false,
      },
    ]);
    const other = await repB.client.post('/api/contacts', {
      accountId: accB.id,
      name: '老王',
      email: 'wang.wu@example.com',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().matches).toEqual([
      { field: 'email', inScope: false, ownerName: '张三', pool: false },
    ]);
    expect(other.body).not.toContain(c.id);
    const ok = await repB.client.post('/api/contacts', {
      accountId: accB.id,
      name: '老王',
      email: 'wang.wu@example.com',
      allowDuplicate: true,
    });
    expect(ok.statusCode).toBe(201);

    const typed = await repB.client.get('/api/contacts/duplicates?mobile=13800138000');
    expect(matchesOf(typed)).toEqual([{ field: 'mobile', inScope: false, ownerName: '张三', pool: false }]);
    // A short number matches nothing.
    expect(matchesOf(await repB.client.get('/api/contacts/duplicates?mobile=123'))).toEqual([]);
  });

  it('checks a changed mobile on update, not the contact itself', async () => {
    const acc = await f.account(repA.client, { name: '联系人更新查重客户' });
    await f.contact(repA.client, { accountId: acc.id, name: '甲', mobile: '13911112222' });
    const b = await f.contact(repA.client, { accountId: acc.id, name: '乙', mobile: '13933334444' });
    expect((await repA.client.patch(`/api/contacts/${b.id}`, { version: 1, mobile: '139-3333-4444' })).statusCode).toBe(
      200,
    );
    const clash = await repA.client.patch(`/api/contacts/${b.id}`, { version: 2, mobile: '13911112222' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<ErrorBody>().code).toBe('duplicate_contact');
    const ok = await repA.client.patch(`/api/contacts/${b.id}`, {
      version: 2,
      mobile: '13911112222',
      allowDuplicate: true,
    });
    expect(ok.json<Contact>().mobile).toBe('13911112222');
  });
});

describe('deals', () => {
  it('the same deal or the same person entered twice at the same moment: the second is asked to confirm', async () => {
    const acc = await f.account(repA.client, { name: '同时录入客户' });
    for (let i = 0; i < 6; i++) {
      const deals = await Promise.all(
        [0, 1].map(() =>
          repA.client.post('/api/opportunities', { accountId: acc.id, name: `同时商机${i}`, amount: '3000000' }),
        ),
      );
      expect(deals.map((r) => r.statusCode).sort(), deals.map((r) => r.body).join(' ')).toEqual([201, 409]);
      const people = await Promise.all(
        [0, 1].map((n) =>
          repA.client.post('/api/contacts', { accountId: acc.id, name: `同时${n}`, mobile: `1390000${1000 + i}` }),
        ),
      );
      expect(people.map((r) => r.statusCode).sort(), people.map((r) => r.body).join(' ')).toEqual([201, 409]);
    }
  });

  it('warns when an open deal of the same account has the same normalised name', async () => {
    const acc = await f.account(repA.client, { name: '商机查重客户' });
    const first = await f.deal(repA.client, { accountId: acc.id, name: '2027 年 信息化采购', allowDuplicate: false });
    const again = await repA.client.post('/api/opportunities', {
      accountId: acc.id,
      name: '2027年信息化采购',
      amount: '3000000',
    });
    expect(again.statusCode).toBe(409);
    const body = again.json<ErrorBody>();
    expect(body.code).toBe('duplicate_deal');
    expect(body.fields?.[0]).toMatchObject({ path: 'name', code: 'deal_name_taken' });
    expect(body.matches).toEqual([
      { field: 'name', inScope: true, id: first.id, name: '2027 年 信息化采购', ownerName: '张三', pool: false },
    ]);
    const typed = await repA.client.get(
      `/api/opportunities/duplicates?accountId=${acc.id}&name=${encodeURIComponent('2027年信息化采购')}`,
    );
    expect(matchesOf(typed)).toHaveLength(1);
    // Another rep cannot probe an account they do not see.
    const probe = await repB.client.get(`/api/opportunities/duplicates?accountId=${acc.id}&name=x`);
    expect(probe.statusCode).toBe(400);
    expect(probe.json<ErrorBody>().fields?.[0].path).toBe('accountId');
    // Another account, or confirmed: no warning.
    const otherAcc = await f.account(repA.client, { name: '商机查重客户二' });
    expect(
      (await repA.client.post('/api/opportunities', { accountId: otherAcc.id, name: '2027年信息化采购' })).statusCode,
    ).toBe(201);
    const ok = await repA.client.post('/api/opportunities', {
      accountId: acc.id,
      name: '2027年信息化采购',
      allowDuplicate: true,
    });
    expect(ok.statusCode).toBe(201);
    // A rename onto an open deal's name is checked too, excluding the deal itself.
    const third = await f.deal(repA.client, { accountId: acc.id, name: '运维服务', allowDuplicate: false });
    const renamed = await repA.client.patch(`/api/opportunities/${third.id}`, {
      version: third.version,
      name: '2027年信息化采购',
    });
    expect(renamed.statusCode).toBe(409);
    expect(
      (await repA.client.patch(`/api/opportunities/${third.id}`, { version: third.version, name: '运维服务（二期）' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('stored keys', () => {
  it('are written on insert and rename, and rows without them are filled by the backfill', async () => {
    const a = await f.account(repA.client, { name: 'ＡＢＣ 科技 有限公司' });
    const c = await f.contact(repA.client, { accountId: a.id, mobile: '0086 139 0000 1234', email: 'X@Y.CN' });
    const d = await f.deal(repA.client, { accountId: a.id, name: 'Ｐｈａｓｅ 1' });
    const keys = () =>
      rowsOf<{ a: string | null; m: string | null; e: string | null; d: string | null }>(
        t.app.db,
        sql`select (select name_key from accounts where org_id = ${f.orgId} and id = ${a.id}) as a,
                   (select mobile_key from contacts where org_id = ${f.orgId} and id = ${c.id}) as m,
                   (select email_key from contacts where org_id = ${f.orgId} and id = ${c.id}) as e,
                   (select name_key from opportunities where org_id = ${f.orgId} and id = ${d.id}) as d`,
      );
    const expected = { a: 'abc科技', m: '13900001234', e: 'x@y.cn', d: 'phase1' };
    expect((await keys())[0]).toEqual(expected);

    // Rows from before the migration: no keys until the backfill (run by openDatabase after migrating).
    await t.app.db.execute(sql`update accounts set name_key = null where org_id = ${f.orgId} and id = ${a.id}`);
    await t.app.db.execute(
      sql`update contacts set mobile_key = null, email_key = null where org_id = ${f.orgId} and id = ${c.id}`,
    );
    await t.app.db.execute(sql`update opportunities set name_key = null where org_id = ${f.orgId} and id = ${d.id}`);
    expect((await keys())[0]).toEqual({ a: null, m: null, e: null, d: null });
    expect(await fillDuplicateKeys(t.app.db)).toBeGreaterThanOrEqual(3);
    expect((await keys())[0]).toEqual(expected);
    // Idempotent: nothing left to fill of these rows, and their version and times did not move.
    expect(await fillDuplicateKeys(t.app.db, { orgId: f.orgId, ids: [a.id, c.id, d.id] })).toBe(0);
    const after = (await repA.client.get(`/api/accounts/${a.id}`)).json<AccountDetail>();
    expect(after.version).toBe(a.version);
    expect(after.updatedAt).toBe(a.updatedAt);
    // The filled key is what the check reads.
    expect(
      matchesOf(await repA.client.get(`/api/accounts/duplicates?name=${encodeURIComponent('abc科技')}`)),
    ).toHaveLength(1);
  });

  it('come back with a record restored from the recycle bin', async () => {
    const a = await f.account(repA.client, { name: '回收站查重客户' });
    expect((await repA.client.delete(`/api/accounts/${a.id}`)).statusCode).toBe(204);
    // As if deleted before the migration: the captured row has no key.
    await t.app.db.execute(
      sql`update recycle_bin set rows = jsonb_set(rows, '{0,rows,0,name_key}', 'null'::jsonb) where org_id = ${f.orgId} and id = ${a.id}`,
    );
    expect((await f.admin.post(`/api/recycle-bin/${a.id}/restore`, {})).statusCode).toBe(200);
    const [row] = await rowsOf<{ k: string | null }>(
      t.app.db,
      sql`select name_key as k from accounts where org_id = ${f.orgId} and id = ${a.id}`,
    );
    expect(row.k).toBe('回收站查重客户');
  });
});
