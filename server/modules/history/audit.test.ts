// Issue 23 (7): the audit log on both databases — changes, sign-ins and failed sign-ins, token use and
// exports in one newest-first list for admins, filtered by user, record type, action and date, paged by
// cursor and exportable; everyone else is refused, and another organisation's entries never show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { firstSheet, importFile, xlsx } from '../../test/uploads.ts';
import type { AuditPage } from '../../../core/schemas/audit.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

type User = Awaited<ReturnType<Factories['user']>>;
let t: TestApp;
let f: Factories;
let rep: User;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  rep = await f.user({ role: 'rep', name: '审计代表' });
});
afterAll(() => t?.close());

const audit = async (query: string) => {
  const res = await f.admin.get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
};

describe('audit log', () => {
  it('lists changes, sign-ins, failed sign-ins, token use and exports, newest first, with names', async () => {
    const account = await f.account(rep.client, { name: '审计测试医院' });
    await rep.client.patch(`/api/accounts/${account.id}`, { version: account.version, website: 'audit.example.cn' });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: rep.email, password: 'wrong-pass' },
    });
    const token = (await rep.client.post('/api/tokens', { name: '审计令牌' })).json<{ token: string }>().token;
    await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { authorization: `Bearer ${token}` } });
    await rep.client.get('/api/accounts?format=csv');
    const content = await xlsx([
      ['客户名称', '客户性质'],
      ['审计导入医院', '事业单位'],
    ]);
    const job = await importFile(t.app, rep.client, { name: '审计.xlsx', content }, { entity: 'accounts' });

    const mine = await audit(`userId=${rep.id}&limit=200`);
    const actions = mine.items.map((e) => `${e.entityType}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account:create',
        'account:update',
        'user:login',
        'token:token_used',
        'export:export',
        'import:import',
      ]),
    );
    const imported = mine.items.find((e) => e.action === 'import');
    expect(imported).toMatchObject({ entityId: job.id });
    expect(imported?.changes).toEqual(
      expect.arrayContaining([
        { field: 'file', old: null, new: '审计.xlsx' },
        { field: 'status', old: null, new: 'done' },
        { field: 'created', old: null, new: 1 },
      ]),
    );
    expect(mine.items.every((e) => e.actorName === '审计代表')).toBe(true);
    const update = mine.items.find((e) => e.action === 'update' && e.entityId === account.id);
    expect(update).toMatchObject({ entityName: '审计测试医院' });
    expect(update?.changes).toContainEqual({ field: 'website', old: null, new: 'audit.example.cn' });
    expect(mine.items.find((e) => e.action === 'token_used')?.entityName).toBe('审计令牌');
    // Newest first.
    const times = mine.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    // A failed sign-in has no actor: it is found by the user it was about.
    const failed = await audit('entity=user&action=login_failed&limit=200');
    expect(failed.items.map((e) => e.entityId)).toContain(rep.id);
    expect(failed.items.find((e) => e.entityId === rep.id)?.entityName).toBe('审计代表');
  });

  it('filters by date in the organisation’s zone and pages by cursor without gaps or repeats', async () => {
    expect((await audit('from=2000-01-01&to=2000-12-31')).items).toEqual([]);
    const all = await audit(`limit=200&from=2000-01-01`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditPage = await audit(`limit=3${cursor ? `&cursor=${cursor}` : ''}&from=2000-01-01`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it('is an admin’s: others get 403; bad filters get 400 naming the field', async () => {
    const refused = await rep.client.get('/api/audit');
    expect(refused.statusCode).toBe(403);
    const bad = await f.admin.get('/api/audit?from=2027-02-01&to=2027-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields?.[0].path).toBe('query.to');
    expect((await f.admin.get('/api/audit?cursor=nonsense')).statusCode).toBe(400);
    expect((await f.admin.get('/api/audit?entity=DROP%20TABLE')).statusCode).toBe(400);
  });

  it('exports the filtered log as .xlsx, in the list’s order', async () => {
    const page = await audit(`userId=${rep.id}&limit=200`);
    const res = await f.admin.get(`/api/audit?userId=${rep.id}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const sheet = await firstSheet(res.rawPayload);
    expect(sheet.getRow(1).getCell(3).text).toBe('操作人');
    expect(sheet.rowCount - 1).toBe(page.items.length);
    expect(sheet.getRow(2).getCell(6).text).toBe(page.items[0].action);
  });
});
