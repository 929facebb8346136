// GET /api/accounts?format=xlsx|csv (issue 22): the list's filter, sort and scope, opened again and
// compared cell by cell, in zh and en, with its history row; read page by page through a small batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { column, exportHistory, openCsv, openXlsx } from '../../test/export.ts';
import type { AccountListItem } from '../../../core/schemas/accounts.ts';
import type { ErrorBody, PageOf } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let repId: string;
const TAG = '导出测试';
const zh = { 'accept-language': 'zh-CN' };
const en = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const u = await f.user({ role: 'rep', name: '导出代表' });
  rep = u.client;
  repId = u.id;
  const other = await f.user({ role: 'rep' });
  await f.account(rep, {
    name: '甲市卫生健康委员会',
    ownershipType: 'government',
    tier: 'A',
    ourRevenue: '1234567.5',
    province: '北京',
    tags: [TAG],
  });
  await f.account(rep, { name: '=HYPERLINK("http://evil")', ownershipType: 'soe', potential: '20000', tags: [TAG] });
  await f.account(rep, { name: '乙公司', ownershipType: 'private', tags: [TAG] });
  await f.account(other.client, { name: '他人的客户', ownershipType: 'government', tags: [TAG] });
});
afterAll(() => t.close());

describe('accounts export', () => {
  it('xlsx: zh headers, enum names, money as numbers with two decimals, dates as dates, formulas neutralised, scope held', async () => {
    const res = await rep.get(`/api/accounts?format=xlsx&tag=${encodeURIComponent(TAG)}&sort=name`, zh);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const sheet = await openXlsx(res);
    expect(sheet.header.slice(0, 3)).toEqual(['客户名称', '简称', '单位性质']);
    expect(sheet.header).toContain('我方年收入');
    // The list's own order and scope: the other rep's account is not there.
    const list = (await rep.get(`/api/accounts?tag=${encodeURIComponent(TAG)}&sort=name`)).json<
      PageOf<AccountListItem>
    >();
    expect(column(sheet, '客户名称')).toEqual(list.items.map((a) => (a.name.startsWith('=') ? `'${a.name}` : a.name)));
    expect(column(sheet, '客户名称')).not.toContain('他人的客户');
    expect(sheet.rows).toHaveLength(3);
    const row = sheet.rows[column(sheet, '客户名称').indexOf('甲市卫生健康委员会')];
    const at = (h: string) => row[sheet.header.indexOf(h)];
    expect(at('单位性质')).toBe('政府机关');
    expect(at('客户等级')).toBe('A 级');
    expect(at('我方年收入')).toBe(1234567.5);
    expect(sheet.formats[sheet.header.indexOf('我方年收入')]).toBe('#,##0.00');
    expect(at('省份')).toBe('北京');
    expect(at('客户经理')).toBe('导出代表');
    expect(at('创建时间')).toBeInstanceOf(Date);
    expect(column(sheet, '客户名称')).toContain(`'=HYPERLINK("http://evil")`);
  });

  it('English headers and names for an English reader; the filter holds', async () => {
    const res = await rep.get(`/api/accounts?format=xlsx&tag=${encodeURIComponent(TAG)}&ownershipType=government`, en);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''Accounts-`);
    const sheet = await openXlsx(res);
    expect(sheet.header.slice(0, 3)).toEqual(['Account name', 'Short name', 'Ownership']);
    expect(sheet.rows).toHaveLength(1);
    expect(column(sheet, 'Ownership')).toEqual(['Government agency']);
  });

  it('CSV: BOM, money with its two decimals, dates as YYYY-MM-DD, formulas neutralised', async () => {
    const res = await rep.get(`/api/accounts?format=csv&tag=${encodeURIComponent(TAG)}&sort=name`, zh);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const sheet = openCsv(res);
    expect(sheet.header[0]).toBe('客户名称');
    expect(column(sheet, '我方年收入')).toContain('1234567.50');
    expect(column(sheet, '潜在规模')).toContain('20000.00');
    expect(column(sheet, '客户名称')).toContain(`'=HYPERLINK("http://evil")`);
    for (const d of column(sheet, '更新时间')) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('records who exported which list, the format, the filter and the row count', async () => {
    await rep.get(`/api/accounts?format=csv&tag=${encodeURIComponent(TAG)}&ownershipType=soe`, zh);
    const last = (await exportHistory(t.app.db, f.orgId)).at(-1);
    expect(last).toMatchObject({
      actorId: repId,
      action: 'export',
      list: 'accounts',
      format: 'csv',
      rows: 1,
      filter: { tag: TAG, ownershipType: 'soe' },
    });
  });

  it('an unknown format is a 400 naming format in zh and en', async () => {
    const res = await rep.get('/api/accounts?format=pdf', zh);
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.fields?.[0].path).toBe('query.format');
    expect(body.fields?.[0].messages.zh).toBeTruthy();
    expect(body.fields?.[0].messages.en).toBeTruthy();
  });
});

describe('accounts export in small batches', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await build({ exportBatchSize: 2 });
  });
  afterAll(() => small.close());

  it('reads the list page by page (2 rows a page) and writes every row in the list order', async () => {
    const client = {
      ...rep,
      get: (url: string) => small.app.inject({ method: 'GET', url, headers: { cookie: rep.cookie } }),
    };
    for (let i = 0; i < 4; i++) await f.account(rep, { name: `分批${i}`, tags: [`${TAG}分批`] });
    const res = await client.get(`/api/accounts?format=csv&tag=${encodeURIComponent(`${TAG}分批`)}&sort=-name`);
    expect(column(openCsv(res), '客户名称')).toEqual(['分批3', '分批2', '分批1', '分批0']);
    const last = (await exportHistory(t.app.db, f.orgId)).at(-1);
    expect(last).toMatchObject({ list: 'accounts', rows: 4 });
  });

  it('Pareto reads its ranking in pages of ten batches (20 rows here) and ranks across them without a gap', async () => {
    const ranked = await f.user({ role: 'rep' });
    for (let i = 1; i <= 23; i++) await f.account(ranked.client, { name: `排名${i}`, ourRevenue: String(i * 1000) });
    const res = await small.app.inject({
      method: 'GET',
      url: '/api/analysis/pareto?format=csv&metric=ourRevenue',
      headers: { cookie: ranked.client.cookie },
    });
    const sheet = openCsv(res);
    expect(column(sheet, '排名')).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
    expect(column(sheet, '客户')).toEqual(Array.from({ length: 23 }, (_, i) => `排名${23 - i}`));
  });
});
