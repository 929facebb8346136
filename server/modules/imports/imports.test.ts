// Issue 22 (1, 6): spreadsheet import of accounts and contacts through the API, on both databases —
// headers that map themselves, messy amounts, matching that updates instead of duplicating, the two
// modes, the error report, scope and roles, bad files, and a job resumed after its instance stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { rowsOf } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../plugins/config.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { firstSheet, importFile, upload, xlsx } from '../../test/uploads.ts';
import { creditCodeCheckChar } from '../../../core/credit-code.ts';
import type { ImportJob, ImportPreview } from '../../../core/schemas/imports.ts';

type User = Awaited<ReturnType<Factories['user']>>;
let t: TestApp;
let f: Factories;
let manager: User, rep: User, other: User, viewer: User;

const code = (body: string) => `${body}${creditCodeCheckChar(body)}`;
const CODE_A = code('91440300MA5FXXXX0');
const HEADERS = ['客户名称', '统一社会信用代码', '客户性质', '省份', '城市', '负责人', '我方收入（万元）', '标签'];

async function accountsNamed(prefix: string) {
  return rowsOf<{ name: string; owner_id: string | null; our_revenue: string | null; region_code: string | null }>(
    t.database.db,
    sql`select name, owner_id, our_revenue, region_code from accounts where org_id = ${f.orgId} and name like ${`${prefix}%`} order by name`,
  );
}

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const east = await f.team({ name: '华东' });
  manager = await f.user({ role: 'manager', teamId: east.id, name: '王经理' });
  rep = await f.user({ teamId: east.id, managerId: manager.id, name: '李四' });
  other = await f.user({ name: '张三' });
  viewer = await f.user({ role: 'viewer', teamId: east.id });
});
afterAll(() => t?.close());

describe('accounts', () => {
  it('maps Chinese headers, reads 万 and thousands separators, skips a bad row and reports it', async () => {
    const content = await xlsx([
      HEADERS,
      ['导入测试市卫生健康委员会', CODE_A, '政府', '广东省', '深圳市', '李四', '1,250', '医疗、重点'],
      ['导入测试科技有限公司', null, '民企', '浙江', '杭州', '王经理', 125.5, null],
      ['导入测试坏金额公司', null, '国企', null, null, '李四', '很多', null],
    ]);
    const job = await importFile(
      t.app,
      manager.client,
      { name: '客户.xlsx', content },
      { entity: 'accounts', mode: 'skip' },
    );
    expect(job).toMatchObject({ status: 'done', total: 3, done: 3, created: 2, rejected: 1, reportAvailable: true });
    const rows = await accountsNamed('导入测试');
    expect(rows.map((r) => r.name)).toEqual(['导入测试市卫生健康委员会', '导入测试科技有限公司']);
    expect(rows[0]).toMatchObject({ owner_id: rep.id, our_revenue: '12500000.00', region_code: '440300' });
    // Scored on the way in, as the scoring model scores it when asked again.
    const [scored] = await rowsOf<{ id: string; score: number | null }>(
      t.database.db,
      sql`select id, score from accounts where org_id = ${f.orgId} and name = '导入测试市卫生健康委员会'`,
    );
    expect(scored.score).not.toBeNull();
    const fresh = (await manager.client.get(`/api/accounts/${scored.id}/score`)).json<{ score: number }>();
    expect(fresh.score).toBe(scored.score);
    const report = await manager.client.get(`/api/imports/${job.id}/report`);
    expect(report.statusCode).toBe(200);
    const sheet = await firstSheet(report.rawPayload);
    expect(sheet.getRow(1).getCell(HEADERS.length + 2).text).toBe('错误原因 Reason');
    expect(sheet.getRow(2).getCell(2).text).toBe('导入测试坏金额公司');
    expect(sheet.getRow(2).getCell(HEADERS.length + 2).text).toContain('金额无法识别');
    // History names the importer and the import.
    const history = await rowsOf<{ actor_id: string; import_id: string }>(
      t.database.db,
      sql`select actor_id, import_id from history where entity_type = 'account' and import_id = ${job.id}`,
    );
    expect(history).toHaveLength(2);
    expect(history.every((h) => h.actor_id === manager.id)).toBe(true);
  });
});

describe('matching, modes and scope', () => {
  it('a second file of the same customers, named differently, updates them instead of adding them', async () => {
    const first = await xlsx([
      ['名称', '客户性质', '我方收入'],
      ['匹配测试股份有限公司', '国企', '100'],
      ['匹配测试二（深圳）有限公司', '民企', '200'],
    ]);
    const a = await importFile(t.app, rep.client, { name: 'a.xlsx', content: first }, { entity: 'accounts' });
    expect(a).toMatchObject({ status: 'done', created: 2 });
    const second = await xlsx([
      ['Name', 'Our revenue'],
      ['匹配测试有限公司', '1.5万'],
      ['匹配测试二(深圳) 有限责任公司', '300'],
      ['匹配测试三', '400'],
    ]);
    const b = await importFile(
      t.app,
      rep.client,
      { name: 'b.xlsx', content: second },
      { entity: 'accounts', match: 'update', mode: 'skip' },
    );
    expect(b).toMatchObject({ status: 'done', updated: 2, created: 0, rejected: 1 });
    const rows = await accountsNamed('匹配测试');
    expect(rows.map((r) => [r.name, r.our_revenue])).toEqual([
      ['匹配测试二（深圳）有限公司', '300.00'],
      ['匹配测试股份有限公司', '15000.00'],
    ]);
  });

  it('the same file again matches every row and records no change (stored "300.00" is the sheet\'s 300)', async () => {
    const content = await xlsx([
      ['名称', '客户性质', '我方收入'],
      ['重导测试有限公司', '国企', '300'],
      ['重导测试二有限公司', '民企', 0],
    ]);
    const first = await importFile(t.app, rep.client, { name: 'r.xlsx', content }, { entity: 'accounts' });
    expect(first).toMatchObject({ status: 'done', created: 2 });
    const again = await importFile(t.app, rep.client, { name: 'r.xlsx', content }, { entity: 'accounts' });
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 2, rejected: 0 });
    const history = await rowsOf<{ action: string }>(
      t.database.db,
      sql`select action from history where entity_type = 'account' and import_id = ${again.id}`,
    );
    expect(history).toEqual([]);
  });

  it('all-or-nothing writes nothing when one row is bad; a dry run writes nothing at all', async () => {
    const content = await xlsx([
      ['客户名称', '员工人数'],
      ['全有全无甲', '10'],
      ['全有全无乙', '很多'],
    ]);
    const job = await importFile(t.app, rep.client, { name: 'x.xlsx', content }, { entity: 'accounts', mode: 'all' });
    expect(job).toMatchObject({ status: 'failed', rejected: 1, created: 0, reportAvailable: true });
    expect(job.error).toContain('未写入任何数据');
    const dry = await importFile(
      t.app,
      rep.client,
      { name: 'x.xlsx', content },
      { entity: 'accounts', dryRun: 'true' },
    );
    expect(dry).toMatchObject({ status: 'done', dryRun: true, created: 1, rejected: 1 });
    expect(await accountsNamed('全有全无')).toEqual([]);
  });

  it('a customer another rep registered is reported by its owner only; an owner outside scope names no user', async () => {
    await f.account(other.client, { name: '他人客户医院' });
    const content = await xlsx([
      ['客户名称', '负责人'],
      ['他人客户医院', '李四'],
      ['范围外负责人公司', '张三'],
    ]);
    const job = await importFile(t.app, rep.client, { name: 'y.xlsx', content }, { entity: 'accounts', mode: 'skip' });
    expect(job).toMatchObject({ created: 0, rejected: 2 });
    const report = await rep.client.get(`/api/imports/${job.id}/report`);
    const sheet = await firstSheet(report.rawPayload);
    const reasons = [2, 3].map((r) => sheet.getRow(r).getCell(4).text);
    expect(reasons[0]).toContain('已由 张三 登记');
    expect(reasons[1]).toContain('找不到该负责人');
    // Someone else's import is not found; a viewer may not import.
    expect((await other.client.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await manager.client.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`/api/imports/${job.id}`)).statusCode).toBe(200);
    const refused = await upload(
      t.app,
      viewer.client,
      '/api/imports',
      { name: 'y.xlsx', content },
      { entity: 'accounts' },
    );
    expect(refused.statusCode).toBe(403);
    // The pool is an admin's target: a rep's accounts would leave their own view.
    const pool = await upload(
      t.app,
      rep.client,
      '/api/imports',
      { name: 'y.xlsx', content },
      { entity: 'accounts', ownerId: 'pool' },
    );
    expect(pool.statusCode).toBe(400);
    expect(pool.json().fields[0].path).toBe('ownerId');
  });
});

describe('files', () => {
  it('reads a GBK CSV as Excel on Chinese Windows saves it; forced UTF-8 says what it is', async () => {
    const csv = iconv.encode('客户名称,省份,城市,我方收入\r\nGBK测试局,云南省,昆明,"1,000.50"\r\n', 'gb18030');
    const job = await importFile(t.app, f.admin, { name: 'gbk.csv', content: csv }, { entity: 'accounts' });
    expect(job).toMatchObject({ status: 'done', created: 1 });
    expect((await accountsNamed('GBK测试'))[0]).toMatchObject({ our_revenue: '1000.50', region_code: '530100' });
    const forced = await upload(
      t.app,
      f.admin,
      '/api/imports',
      { name: 'gbk.csv', content: csv },
      { entity: 'accounts', encoding: 'utf-8' },
    );
    expect(forced.statusCode).toBe(400);
    expect(forced.json().fields[0]).toMatchObject({ path: 'file', code: 'import_file_encoding' });
  });

  it('refuses empty, corrupt and unknown files, unknown mappings and missing required columns with a 4xx naming the field', async () => {
    const send = (file: { name: string; content: Buffer } | null, fields: Record<string, string>) =>
      upload(t.app, f.admin, '/api/imports', file, fields);
    const good = await xlsx([['客户名称'], ['某客户']]);
    const cases: [Awaited<ReturnType<typeof send>>, number, string][] = [
      [await send(null, { entity: 'accounts' }), 400, 'file'],
      [await send({ name: 'e.csv', content: Buffer.from('') }, { entity: 'accounts' }), 400, 'file'],
      [await send({ name: 'h.csv', content: Buffer.from('客户名称\r\n') }, { entity: 'accounts' }), 400, 'file'],
      [
        await send({ name: 'c.xlsx', content: Buffer.from('PK\u0003\u0004 not a zip') }, { entity: 'accounts' }),
        400,
        'file',
      ],
      [await send({ name: 'p.pdf', content: good }, { entity: 'accounts' }), 400, 'file'],
      [await send({ name: 'g.xlsx', content: good }, { entity: 'widgets' }), 400, 'entity'],
      [
        await send({ name: 'g.xlsx', content: good }, { entity: 'accounts', mapping: '{"客户名称":"nope"}' }),
        400,
        'mapping',
      ],
      [await send({ name: 'g.xlsx', content: good }, { entity: 'accounts', mapping: 'not json' }), 400, 'mapping'],
      [
        await send({ name: 'g.xlsx', content: good }, { entity: 'accounts', mapping: '{"客户名称":null}' }),
        400,
        'mapping',
      ],
      [await send({ name: 'g.xlsx', content: good }, { entity: 'accounts', mode: 'maybe' }), 400, 'mode'],
    ];
    for (const [res, status, path] of cases) {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().fields[0].path).toBe(path);
      expect(res.json().messages.zh).toBeTruthy();
    }
    expect(
      await rowsOf(t.database.db, sql`select 1 from accounts where org_id = ${f.orgId} and name = '某客户'`),
    ).toEqual([]);
  });

  it('previews the first rows as they will be stored, with the mapping it found and the errors', async () => {
    const content = await xlsx([
      ['* 客户名称', '我方收入（万元）', '没见过的列', '员工人数'],
      ['预览客户', '12.5', 'x', '10'],
      ['预览坏客户', '8', 'y', '很多'],
    ]);
    const res = await upload(
      t.app,
      rep.client,
      '/api/imports/preview',
      { name: 'p.xlsx', content },
      { entity: 'accounts' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<ImportPreview>();
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'ourRevenue', null, 'employees']);
    expect(p.columns[1].unit).toBe('10000');
    expect(p.missing).toEqual([]);
    expect(p.rows[0]).toMatchObject({ row: 2, values: { name: '预览客户', ourRevenue: '125000' }, errors: [] });
    expect(p.rows[1].errors[0]).toMatchObject({ field: 'employees', code: 'import_integer' });
    // A rejected row shows what could be read as it would be stored, the bad cell as typed.
    expect(p.rows[1].values).toMatchObject({ name: '预览坏客户', ourRevenue: '80000', employees: '很多' });
    expect(await accountsNamed('预览')).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses a file over the size limit with 413 and fails a job over the row limit, naming both limits', async () => {
    const app = await buildApp({
      config: loadConfig({ OPENKAM_IMPORT_MAX_MB: '1', OPENKAM_IMPORT_MAX_ROWS: '2' }),
      database: t.database,
    });
    try {
      const big = Buffer.from(`客户名称\r\n${'超大文件客户\r\n'.repeat(80_000)}`);
      const tooBig = await upload(
        app,
        f.admin,
        '/api/imports',
        { name: 'big.csv', content: big },
        { entity: 'accounts' },
      );
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().messages.zh).toBe('文件超过 1 MB 的上限');
      const rows = Buffer.from('客户名称\r\n行数甲\r\n行数乙\r\n行数丙\r\n');
      const job = await importFile(app, f.admin, { name: 'rows.csv', content: rows }, { entity: 'accounts' });
      expect(job).toMatchObject({ status: 'failed', created: 0, error: '超过 2 行的上限' });
      expect(await accountsNamed('行数')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('contacts', () => {
  it('imports contacts onto accounts named in the sheet and updates them on a second file', async () => {
    const account = await f.account(rep.client, { name: '联系人导入医院', creditCode: code('12440000MB0000000') });
    const content = await xlsx([
      ['客户名称', '姓名', '职务', '手机', '邮箱'],
      ['联系人导入医院', '陈主任', '信息科主任', '138 0013 8000', null],
      [account.creditCode, '刘院长', '院长', null, 'liu@example.com'],
      ['不存在的客户', '某人', null, null, null],
    ]);
    const job = await importFile(t.app, rep.client, { name: 'c.xlsx', content }, { entity: 'contacts', mode: 'skip' });
    expect(job).toMatchObject({ status: 'done', created: 2, rejected: 1 });
    const again = await xlsx([
      ['所属客户', '联系人', '职务', '手机号'],
      ['联系人导入医院', '陈 主任', '副院长', '+86 13800138000'],
    ]);
    const second = await importFile(t.app, rep.client, { name: 'c2.xlsx', content: again }, { entity: 'contacts' });
    expect(second).toMatchObject({ status: 'done', updated: 1, created: 0 });
    const rows = await rowsOf<{ name: string; title: string }>(
      t.database.db,
      sql`select name, title from contacts where account_id = ${account.id} order by name`,
    );
    expect(rows).toEqual([
      { name: '刘院长', title: '院长' },
      { name: '陈主任', title: '副院长' },
    ]);
  });
});

describe('jobs', () => {
  it('a job left running by a stopped instance is resumed after its last committed row', async () => {
    const content = await xlsx([['客户名称'], ['续传甲'], ['续传乙'], ['续传丙']]);
    const job = await importFile(t.app, f.admin, { name: 'r.xlsx', content }, { entity: 'accounts', mode: 'skip' });
    expect(job.created).toBe(3);
    // As if its instance had stopped after the first row: claim lapsed, the file still stored.
    await t.database.db.execute(sql`delete from accounts where org_id = ${f.orgId} and name in ('续传乙', '续传丙')`);
    await t.database.db.execute(
      sql`update imports set status = 'running', done = 1, created = 1, lease_owner = 'gone', lease_until = now() - interval '1 minute' where id = ${job.id}`,
    );
    await t.database.db.execute(
      sql`insert into import_files (org_id, import_id, content) values (${f.orgId}, ${job.id}, ${content})`,
    );
    await t.app.imports.sweep();
    await t.app.imports.idle();
    const resumed = (await f.admin.get(`/api/imports/${job.id}`)).json<ImportJob>();
    expect(resumed).toMatchObject({ status: 'done', done: 3, created: 3 });
    expect((await accountsNamed('续传')).map((r) => r.name).sort()).toEqual(['续传丙', '续传乙', '续传甲'].sort());
  });

  it('lists the caller own imports, newest first, and remembers the mapping for the next file', async () => {
    const list = (await rep.client.get('/api/imports')).json<{ items: ImportJob[] }>();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((j) => j.userId === rep.id)).toBe(true);
    const saved = (await rep.client.get('/api/imports/mapping?entity=contacts')).json<{
      mapping: Record<string, string>;
    }>();
    expect(saved.mapping).toMatchObject({ 所属客户: 'account', 联系人: 'name' });
  });
});
