// Account lists (keyset paging in every sort, filters), credit codes and team-membership history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { creditCodeCheckChar } from '../../../core/credit-code.ts';
import { ACCOUNT_SORTS, AccountPage, type Account, type AccountDetail } from '../../../core/schemas/accounts.ts';
import { expectSchema } from '../../test/schema.ts';
import type { ErrorBody, HistoryEntry, PageOf } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

let serial = 100000000;
const validCode = () => {
  const first = '9111000' + String(serial++).padStart(10, '0');
  return first + creditCodeCheckChar(first);
};
const page = async (query: string) => {
  const res = await f.admin.get(`/api/accounts?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PageOf<Account>>();
};
const field = (res: { json<T>(): T }) => res.json<ErrorBody>().fields?.[0];

describe('keyset paging', () => {
  it('walks every sort page by page, with nulls and ties, matching the one-page order', async () => {
    const tag = 'paging';
    const revenues = [null, '100.00', '100.00', null, '0.50', '99999999.99', '100.00', null];
    const ids: string[] = [];
    for (const [i, ourRevenue] of revenues.entries()) {
      // Repeated names exercise the id tie-break.
      const a = await f.account(f.admin, {
        name: `分页客户${i % 3}`,
        ourRevenue,
        potential: i % 2 ? String(i) : null,
        tags: [tag],
      });
      ids.push(a.id);
    }
    await f.admin.patch(`/api/accounts/${ids[2]}`, { version: 1, tier: 'A' });
    for (const sort of ACCOUNT_SORTS) {
      const all = (await page(`tag=${tag}&sort=${sort}&limit=200`)).items.map((a) => a.id);
      expect(new Set(all), sort).toEqual(new Set(ids));
      const walked: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const p: PageOf<Account> = await page(`tag=${tag}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...p.items.map((a) => a.id));
        cursor = p.nextCursor;
        if (!cursor) break;
      }
      expect(walked, sort).toEqual(all);
    }
    // The rows come raw from the driver: their values must be the documented shape.
    const whole = await page(`tag=${tag}&sort=-ourRevenue&limit=200`);
    expectSchema(AccountPage, whole);
    expectSchema(AccountPage, await page(`tag=${tag}&limit=2&health=false`));
    const byRevenue = whole.items.map((a) => a.ourRevenue);
    expect(byRevenue.slice(0, 5)).toEqual(['99999999.99', '100.00', '100.00', '100.00', '0.50']);
    expect(byRevenue.slice(5)).toEqual([null, null, null]);
  });

  it('an exact page has no next cursor', async () => {
    const tag = 'exact';
    for (let i = 0; i < 2; i++) await f.account(f.admin, { tags: [tag] });
    expect((await page(`tag=${tag}&limit=2`)).nextCursor).toBeNull();
    const bad = await f.admin.get('/api/accounts?limit=0');
    expect(field(bad)?.path).toBe('query.limit');
    expect((await f.admin.get('/api/accounts?limit=201')).statusCode).toBe(400);
    expect((await f.admin.get('/api/accounts?sort=color')).statusCode).toBe(400);
  });
});

describe('filters', () => {
  it('filters by ownership, tier, province, owner, team and archive state', async () => {
    const tag = 'filters';
    const team = await f.team();
    const rep = await f.user({ teamId: team.id });
    const a = await f.account(f.admin, { tags: [tag], ownershipType: 'government', tier: 'A', province: '北京' });
    const b = await f.account(rep.client, { tags: [tag], ownershipType: 'private', tier: 'B', province: '上海' });
    const ids = async (q: string) => (await page(`tag=${tag}&${q}`)).items.map((x) => x.id);
    expect(await ids('ownershipType=government')).toEqual([a.id]);
    expect(await ids('tier=B')).toEqual([b.id]);
    expect(await ids(`province=${encodeURIComponent('北京')}`)).toEqual([a.id]);
    expect(await ids(`ownerId=${rep.id}`)).toEqual([b.id]);
    expect(await ids(`teamId=${team.id}`)).toEqual([b.id]);
    await f.admin.post(`/api/accounts/${a.id}/archive`, { version: 1 });
    expect(await ids('archived=false')).toEqual([b.id]);
    expect(await ids('archived=true')).toEqual([a.id]);
    const restored = await f.admin.post(`/api/accounts/${a.id}/restore`, { version: 2 });
    expect(restored.json<AccountDetail>()).toMatchObject({ archived: false, version: 3 });
    const stale = await f.admin.post(`/api/accounts/${a.id}/archive`, { version: 2 });
    expect(stale.statusCode).toBe(409);
  });
});

describe('credit codes', () => {
  it('stores codes upper-case, refuses duplicates in any case, and finds accounts by code', async () => {
    const code = validCode();
    const a = await f.account(f.admin, { name: '信用代码甲', creditCode: code.toLowerCase() });
    expect(a.creditCode).toBe(code);
    const dup = await f.admin.post('/api/accounts', {
      name: '信用代码乙',
      ownershipType: 'soe',
      creditCode: code.toLowerCase(),
    });
    // 查重 (issue 22): a conflict with another record, 409 duplicate_account naming the field.
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ code: string }>().code).toBe('duplicate_account');
    expect(field(dup)).toMatchObject({ path: 'creditCode', code: 'credit_code_taken' });
    // Re-saving one's own code is fine.
    expect(
      (await f.admin.patch(`/api/accounts/${a.id}`, { version: 1, creditCode: code, name: '信用代码甲改' })).statusCode,
    ).toBe(200);
    expect((await page(`q=${code.slice(4, 12)}`)).items.map((x) => x.id)).toEqual([a.id]);
    // Cleared, it may go to another account.
    expect(
      (await f.admin.patch(`/api/accounts/${a.id}`, { version: 2, creditCode: null })).json<AccountDetail>().creditCode,
    ).toBeNull();
    expect((await page(`q=${code.slice(4, 12)}`)).items).toEqual([]);
    expect(
      (await f.admin.post('/api/accounts', { name: '信用代码乙', ownershipType: 'soe', creditCode: code })).statusCode,
    ).toBe(201);
    const wrong = await f.admin.post('/api/accounts', {
      name: '信用代码丙',
      ownershipType: 'soe',
      creditCode: code.slice(0, 17) + (code[17] === '0' ? '1' : '0'),
    });
    expect(field(wrong)).toMatchObject({ path: 'creditCode', code: 'invalid_credit_code' });
  });
});

describe('input rules', () => {
  it('refuses unknown fields, bad money and out-of-range numbers', async () => {
    const extra = await f.admin.post('/api/accounts', { name: 'X', ownershipType: 'soe', secret: 1 });
    expect(field(extra)).toMatchObject({ path: 'secret', code: 'unknown_field' });
    for (const ourRevenue of ['1.234', '-1', 'abc', '12345678901234567']) {
      const res = await f.admin.post('/api/accounts', { name: 'X', ownershipType: 'soe', ourRevenue });
      expect(field(res), ourRevenue).toMatchObject({ path: 'ourRevenue', code: 'money' });
    }
    expect(
      field(await f.admin.post('/api/accounts', { name: 'X', ownershipType: 'soe', marketStrength: 0 }))?.path,
    ).toBe('marketStrength');
    expect(field(await f.admin.post('/api/accounts', { name: 'X', ownershipType: 'soe', tags: [''] }))?.path).toBe(
      'tags.0',
    );
    const noVersion = await f.admin.patch(`/api/accounts/${(await f.account()).id}`, { name: 'Y' });
    expect(field(noVersion)).toMatchObject({ path: 'version', code: 'required' });
  });
});

describe('account team', () => {
  it('records membership changes in the history and ignores duplicates', async () => {
    const a = await f.account();
    const u1 = await f.user({ name: '成员甲' });
    const u2 = await f.user({ name: '成员乙' });
    const res = await f.admin.put(`/api/accounts/${a.id}/members`, {
      members: [
        { userId: u1.id, role: 'member' },
        { userId: u2.id, role: 'executive_sponsor' },
        { userId: u1.id, role: 'support' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const members = res.json<AccountDetail>().members;
    expect(members).toHaveLength(2);
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: u1.id, name: '成员甲', role: 'support' },
        { userId: u2.id, name: '成员乙', role: 'executive_sponsor' },
      ]),
    );
    const hist = (await f.admin.get(`/api/accounts/${a.id}/history`)).json<{ items: HistoryEntry[] }>().items;
    expect(hist[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'members', old: [], new: ['成员乙:executive_sponsor', '成员甲:support'].sort() }],
    });
  });
});
