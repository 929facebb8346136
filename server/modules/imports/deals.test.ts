// Issue 22 (1): importing deals and calls through their own services — stage by name, 万 amounts and
// Chinese dates, an open deal updated by a second file, a visit log whose past rows are logged calls —
// on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { importFile, xlsx } from '../../test/uploads.ts';

type User = Awaited<ReturnType<Factories['user']>>;
let t: TestApp;
let f: Factories;
let rep: User;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  rep = await f.user({ name: '赵六' });
  await f.account(rep.client, { name: '商机导入集团' });
});
afterAll(() => t?.close());

describe('deals', () => {
  it('creates deals at the stage the sheet names, then a second file updates the open deal', async () => {
    const content = await xlsx([
      ['客户名称', '项目名称', '金额（万元）', '预计签约日期', '阶段', '负责人'],
      ['商机导入集团', '数据中台二期', '300', '2027年3月31日', '咨询/诊断', '赵六'],
      ['商机导入集团', '安全运维', '1,250,000', '2027/6/30', null, null],
      ['商机导入集团', '坏阶段项目', '10', null, '不存在的阶段', null],
      ['没有的客户', '某项目', '10', null, null, null],
    ]);
    const job = await importFile(
      t.app,
      rep.client,
      { name: 'deals.xlsx', content },
      { entity: 'opportunities', mode: 'skip' },
    );
    expect(job).toMatchObject({ status: 'done', created: 2, rejected: 2 });
    const deals = await rowsOf<{ name: string; amount: string; expected_close_date: string; stage: string }>(
      t.database.db,
      sql`select o.name, o.amount, o.expected_close_date::text, s.name as stage from opportunities o
          join stages s on s.org_id = o.org_id and s.id = o.stage_id where o.org_id = ${f.orgId} and o.name in ('数据中台二期', '安全运维') order by o.name`,
    );
    expect(deals.find((d) => d.name === '数据中台二期')).toMatchObject({
      amount: '3000000.00',
      expected_close_date: '2027-03-31',
    });
    const history = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from history where entity_type = 'opportunity' and import_id = ${job.id}`,
    );
    expect(history[0].n).toBe(2);

    const again = await xlsx([
      ['客户', '商机名称', '金额'],
      ['商机导入集团', '数据中台 二期', '320万'],
    ]);
    const second = await importFile(
      t.app,
      rep.client,
      { name: 'deals2.xlsx', content: again },
      { entity: 'opportunities' },
    );
    expect(second).toMatchObject({ status: 'done', updated: 1, created: 0 });
    const after = await rowsOf<{ n: number; amount: string }>(
      t.database.db,
      sql`select count(*)::int as n, max(amount)::text as amount from opportunities where org_id = ${f.orgId} and name like '数据中台%'`,
    );
    expect(after[0]).toEqual({ n: 1, amount: '3200000.00' });
  });
});

describe('calls', () => {
  it('imports a visit log: past rows with an outcome are logged calls, the same file again changes nothing', async () => {
    const content = await xlsx([
      ['客户名称', '拜访类型', '主题', '拜访时间', '拜访结果'],
      ['商机导入集团', '拜访', '首次拜访信息中心', '2026-11-02 14:30', '对方同意做需求调研'],
      ['商机导入集团', '拜访', '方案交流', '2027-01-15', null],
      ['商机导入集团', '不存在的类型', '某事', '2027-01-15', null],
    ]);
    const job = await importFile(
      t.app,
      rep.client,
      { name: 'calls.xlsx', content },
      { entity: 'activities', mode: 'skip' },
    );
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', created: 2, rejected: 1 });
    const calls = await rowsOf<{ subject: string; status: string; planned_start: string }>(
      t.database.db,
      sql`select subject, status, to_char(planned_start at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as planned_start
          from activities where org_id = ${f.orgId} and subject in ('首次拜访信息中心', '方案交流') order by planned_start`,
    );
    expect(calls).toEqual([
      { subject: '首次拜访信息中心', status: 'done', planned_start: '2026-11-02 14:30' },
      { subject: '方案交流', status: 'planned', planned_start: '2027-01-15 09:00' },
    ]);
    const again = await importFile(
      t.app,
      rep.client,
      { name: 'calls.xlsx', content },
      { entity: 'activities', mode: 'skip' },
    );
    expect(again).toMatchObject({ created: 0, updated: 2 });
  });
});
