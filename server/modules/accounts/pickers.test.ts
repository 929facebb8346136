// Region (GB/T 2260) and industry (GB/T 4754) codes on accounts: writes, names, filters, 按省份, the
// start-up backfill of free text, and 400s that name the field.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { backfillAccountCodes } from './backfill.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const names = (res: { json(): { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((a) => a.name)
    .sort();

describe('region and industry codes', () => {
  it('stores the codes, fills the text columns with their names and shows the region path', async () => {
    const a = await f.account(f.admin, { name: '昆明五华客户', regionCode: '530102', industryCode: '65' });
    expect(a).toMatchObject({
      regionCode: '530102',
      regionName: '云南省 · 昆明市 · 五华区',
      province: '云南省',
      city: '昆明市',
      industryCode: '65',
      industry: '软件和信息技术服务业',
    });
    const moved = await f.admin.patch(`/api/accounts/${a.id}`, { version: a.version, regionCode: '110105' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ regionName: '北京市 · 朝阳区', province: '北京市', city: '北京市' });
    const listed = (await f.admin.get('/api/accounts?q=昆明五华客户')).json().items[0];
    expect(listed).toMatchObject({ regionCode: '110105', regionName: '北京市 · 朝阳区', industryCode: '65' });
  });

  it('refuses unknown codes with a 400 naming the field in both languages', async () => {
    const bad = await f.admin.post('/api/accounts', { name: 'x', ownershipType: 'private', regionCode: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'regionCode', code: 'unknown_region' });
    expect(bad.json().fields[0].messages.zh).toMatch(/行政区划/);
    expect(bad.json().fields[0].messages.en).toMatch(/GB\/T 2260/);
    const badIndustry = await f.admin.post('/api/accounts', {
      name: 'x',
      ownershipType: 'private',
      industryCode: '98',
    });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json().fields[0]).toMatchObject({ path: 'industryCode', code: 'unknown_industry' });
    expect((await f.admin.get('/api/accounts?region=123456')).statusCode).toBe(400);
    expect((await f.admin.get('/api/accounts?industryCode=ZZ')).statusCode).toBe(400);
  });

  it('filters by province, city or district and by industry section or division', async () => {
    const rep = await f.user({ role: 'rep' });
    await f.account(rep.client, { name: '滇-官渡', regionCode: '530111', industryCode: '44' });
    await f.account(rep.client, { name: '滇-曲靖', regionCode: '530300', industryCode: '45' });
    await f.account(rep.client, { name: '粤-广州', regionCode: '440100', industryCode: '83' });
    await f.account(f.admin, { name: '滇-他人', regionCode: '530100' });
    const get = (q: string) => rep.client.get(`/api/accounts?${q}`);
    expect(names(await get('region=530000'))).toEqual(['滇-官渡', '滇-曲靖']);
    expect(names(await get('region=530100'))).toEqual(['滇-官渡']);
    expect(names(await get('region=530111'))).toEqual(['滇-官渡']);
    expect(names(await get('industryCode=D'))).toEqual(['滇-官渡', '滇-曲靖']);
    expect(names(await get('industryCode=83'))).toEqual(['粤-广州']);
    // Data scope unchanged: the admin's account in 昆明 is not the rep's.
    const byProvince = (await rep.client.get('/api/accounts/by-province')).json().items;
    expect(byProvince).toEqual(
      expect.arrayContaining([
        { provinceCode: '530000', name: '云南省', count: 2 },
        { provinceCode: '440000', name: '广东省', count: 1 },
      ]),
    );
    const inEnglish = (await rep.client.get('/api/accounts/by-province', { 'accept-language': 'en' })).json().items;
    expect(inEnglish).toEqual(expect.arrayContaining([{ provinceCode: '530000', name: 'Yunnan', count: 2 }]));
  });

  it('gives free text the codes it names at start-up, keeps text that names none, and does so once', async () => {
    const typed: [string, string | null, string | null, string | null][] = [
      ['旧-云南', '云南省·昆明', null, '制造业'],
      ['旧-广东', '广东·广州', null, '软件和信息技术服务'],
      ['旧-北京', '北京', '北京', '教育'],
      ['旧-火星', '火星', null, '宇宙贸易'],
    ];
    for (const [name, province, city, industry] of typed) await f.account(f.admin, { name, province, city, industry });
    await backfillAccountCodes(t.app.db);
    const read = () =>
      rowsOf<{
        name: string;
        region_code: string | null;
        industry_code: string | null;
        province: string;
        version: number;
      }>(
        t.app.db,
        sql`select name, region_code, industry_code, province, version from accounts
             where org_id = ${f.orgId} and name like '旧-%' order by name`,
      );
    const rows = await read();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['旧-云南']).toMatchObject({ region_code: '530100', industry_code: 'C', province: '云南省·昆明' });
    expect(byName['旧-广东']).toMatchObject({ region_code: '440100', industry_code: '65' });
    expect(byName['旧-北京']).toMatchObject({ region_code: '110000', industry_code: '83' });
    expect(byName['旧-火星']).toMatchObject({ region_code: null, industry_code: null, province: '火星', version: 1 });
    await backfillAccountCodes(t.app.db);
    expect(await read()).toEqual(rows);
    // The unmatched value is still shown as typed; the matched one by its code's names.
    const listed = (await f.admin.get('/api/accounts?q=旧-火星')).json().items[0];
    expect(listed).toMatchObject({ province: '火星', regionCode: null, regionName: null, industry: '宇宙贸易' });
    expect(names(await f.admin.get('/api/accounts?region=530000&q=旧'))).toEqual(['旧-云南']);
  });
});
