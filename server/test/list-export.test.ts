// GET <list>?format=xlsx|csv for every list but accounts (server/modules/accounts/export.test.ts):
// each file opened again and checked cell by cell — headers in zh and en, money as numbers with two
// decimals, dates as dates, text that would run as a formula neutralised, the list's filter and the
// caller's data scope held — and each download recorded in history with its row count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from './helper.ts';
import { seedOrg, type Factories } from './factories.ts';
import { column, exportHistory, openCsv, openXlsx } from './export.ts';
import { quarterOfDate } from '../../core/period.ts';
import { todayIn } from '../../core/time.ts';

let t: TestApp;
let f: Factories;
let rep: Client;
let other: Client;
let repId: string;
let accountId: string;
const TAG = '导出各表';
const zh = { 'accept-language': 'zh-CN' };
const en = { 'accept-language': 'en' };
const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;
const today = todayIn('Asia/Shanghai');
const year = Number(today.slice(0, 4)) + 1;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const team = await f.team();
  const r = await f.user({ role: 'rep', teamId: team.id, name: '导出代表' });
  const o = await f.user({ role: 'rep' });
  rep = r.client;
  other = o.client;
  repId = r.id;
  const mine = await f.account(rep, { name: '导出客户甲', tags: [TAG], ourRevenue: '88000.5' });
  accountId = mine.id;
  const theirs = await f.account(other, { name: '他人客户', tags: [TAG], ourRevenue: '99' });
  for (const [client, acc, who] of [
    [rep, mine.id, '我'],
    [other, theirs.id, '他'],
  ] as const) {
    await f.deal(client, { accountId: acc, name: `=${who}的商机`, amount: '1234567.8', expectedCloseDate: today });
    await f.contact(client, { accountId: acc, name: `${who}联系人`, mobile: '+8613800138000' });
    const call = await client.post('/api/activities', {
      type: 'visit',
      subject: `@${who}拜访`,
      accountId: acc,
      plannedStart: at('2030-03-04', '09:30'),
      plannedEnd: at('2030-03-04', '11:00'),
    });
    expect(call.statusCode, call.body).toBe(201);
    const task = await client.post('/api/tasks', { title: `-${who}的任务`, dueDate: '2030-06-01', accountId: acc });
    expect(task.statusCode, task.body).toBe(201);
  }
  await f.account(f.admin, { name: '+公海客户', ownerId: null, ownershipType: 'government' });
});
afterAll(() => t.close());

const lastExport = async () => (await exportHistory(t.app.db, f.orgId)).at(-1);

describe('exports of every list', () => {
  it('contacts: the caller’s rows only, a + number kept as text, the account filter', async () => {
    const res = await rep.get(`/api/contacts?format=xlsx&accountId=${accountId}`, zh);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await openXlsx(res);
    expect(sheet.header.slice(0, 2)).toEqual(['姓名', '所属客户']);
    expect(sheet.rows).toHaveLength(1);
    expect(column(sheet, '姓名')).toEqual(['我联系人']);
    expect(column(sheet, '手机')).toEqual(["'+8613800138000"]);
    expect(column(sheet, '覆盖程度')).toEqual(['未接触']);
    expect(column(sheet, '更新时间')[0]).toBeInstanceOf(Date);
    const out = await other.get(`/api/contacts?format=csv&accountId=${accountId}`, en);
    expect(openCsv(out).header[0]).toBe('Name');
    expect(openCsv(out).rows).toHaveLength(0);
    expect(await lastExport()).toMatchObject({ list: 'contacts', format: 'csv', rows: 0 });
  });

  it('deals: money as numbers with two decimals, the close date as a date, the name neutralised', async () => {
    const res = await rep.get(`/api/opportunities?format=xlsx&accountId=${accountId}`, zh);
    const sheet = await openXlsx(res);
    expect(sheet.header.slice(0, 4)).toEqual(['商机名称', '客户', '销售阶段', '金额']);
    expect(column(sheet, '商机名称')).toEqual(["'=我的商机"]);
    expect(column(sheet, '金额')).toEqual([1234567.8]);
    expect(sheet.formats[3]).toBe('#,##0.00');
    expect(column(sheet, '预计签约日期')[0]).toEqual(new Date(`${today}T00:00:00Z`));
    expect(column(sheet, '状态')).toEqual(['进行中']);
    const csv = openCsv(await rep.get('/api/opportunities?format=csv', en));
    expect(csv.header.slice(0, 4)).toEqual(['Opportunity name', 'Account', 'Sales stage', 'Amount']);
    expect(column(csv, 'Amount')).toEqual(['1234567.80']);
    expect(column(csv, 'Status')).toEqual(['Open']);
    expect(await lastExport()).toMatchObject({ actorId: repId, list: 'opportunities', format: 'csv', rows: 1 });
  });

  it('activities: the day as a date, the time beside it, the kind by its name', async () => {
    const sheet = await openXlsx(await rep.get('/api/activities?format=xlsx', zh));
    expect(sheet.rows).toHaveLength(1);
    expect(column(sheet, '日期')).toEqual([new Date('2030-03-04T00:00:00Z')]);
    expect(column(sheet, '开始时间')).toEqual(['09:30']);
    expect(column(sheet, '类型')).toEqual(['拜访']);
    expect(column(sheet, '主题')).toEqual(["'@我拜访"]);
    expect(column(sheet, '状态')).toEqual(['计划中']);
    const csv = openCsv(await rep.get('/api/activities?format=csv', en));
    expect(column(csv, 'Date')).toEqual(['2030-03-04']);
    expect(column(csv, 'Type')).toEqual(['Visit']);
  });

  it('tasks: due dates as dates, done as 是/否, the done filter', async () => {
    const sheet = await openXlsx(await rep.get('/api/tasks?format=xlsx&done=false', zh));
    expect(column(sheet, '任务')).toEqual(["'-我的任务"]);
    expect(column(sheet, '截止日期')).toEqual([new Date('2030-06-01T00:00:00Z')]);
    expect(column(sheet, '完成')).toEqual(['否']);
    expect((await openXlsx(await rep.get('/api/tasks?format=xlsx&done=true', zh))).rows).toHaveLength(0);
    expect(await lastExport()).toMatchObject({ list: 'tasks', rows: 0, filter: { done: true } });
  });

  it('the pool: unowned accounts with their ownership type named; a viewer is refused as on the list', async () => {
    const sheet = await openXlsx(await rep.get('/api/pool?format=xlsx', zh));
    expect(sheet.header[0]).toBe('客户名称');
    expect(column(sheet, '客户名称')).toContain("'+公海客户");
    expect(column(sheet, '单位性质')).toContain('政府机关');
    const viewer = await f.user({ role: 'viewer' });
    expect((await viewer.client.get('/api/pool?format=xlsx')).statusCode).toBe(403);
  });

  it('Pareto: every ranked account of the caller, value as money, shares as percentages', async () => {
    const sheet = await openXlsx(await rep.get('/api/analysis/pareto?format=xlsx&metric=ourRevenue', zh));
    expect(sheet.header.slice(0, 5)).toEqual(['排名', '客户', '负责人', '客户等级', '我方收入']);
    expect(column(sheet, '客户')).toEqual(['导出客户甲']);
    expect(column(sheet, '我方收入')).toEqual([88000.5]);
    expect(column(sheet, '占比')).toEqual([1]);
    expect(sheet.formats[5]).toBe('0.00%');
    expect(await lastExport()).toMatchObject({ list: 'pareto', rows: 1 });
  });

  it('forecast: the rows then the totals, in the reader’s language', async () => {
    const period = quarterOfDate(today);
    const res = await rep.get(`/api/forecast?format=xlsx&period=${period}`, en);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await openXlsx(res);
    expect(sheet.header.slice(0, 3)).toEqual(['Rep', 'Deals', 'Closed won']);
    expect(column(sheet, 'Rep')).toEqual(['导出代表', 'Total']);
    expect(column(sheet, 'Pipeline').every((v) => typeof v === 'number')).toBe(true);
    expect((await rep.get('/api/forecast?format=doc&period=2027', zh)).json().fields[0].path).toBe('query.format');
  });

  it("planner: the schedule's months and stages of the draft plan", async () => {
    expect(
      (await f.admin.post('/api/quotas', { userId: repId, period: String(year), target: '900000' })).statusCode,
    ).toBe(201);
    expect((await rep.put(`/api/planner/plans/${year}`, { averageDealSize: '450000' })).statusCode).toBe(200);
    const draft = (await rep.get(`/api/planner/draft?year=${year}`)).json();
    const sheet = await openXlsx(await rep.get(`/api/planner/draft?year=${year}&format=xlsx`, zh));
    expect(sheet.header[0]).toBe('月份');
    expect(sheet.header.at(-1)).toBe('合计');
    expect(sheet.header.slice(1, -1)).toEqual(draft.plan.stageTotals.map((s: { name: string }) => s.name));
    const months = draft.plan.months.map((m: { month: string }) => m.month);
    expect(column(sheet, '月份').slice(-12)).toEqual(months);
    expect(column(sheet, '合计').slice(-12)).toEqual(draft.plan.months.map((m: { total: number }) => m.total));
    expect(await lastExport()).toMatchObject({ list: 'planner', filter: { year } });
  });
});
