import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import type { Me } from '../../../core/schemas/org.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const URL = '/api/auth/me/preferences';

describe('user preferences', () => {
  it('a new user reads the defaults with /api/auth/me: compact money, no table choices', async () => {
    const u = await f.user({ role: 'rep' });
    const me = (await u.client.get('/api/auth/me')).json<Me>();
    expect(me.preferences).toEqual({ money: 'compact', tables: {} });
  });

  it('a change keeps the keys not sent, and is the user’s own', async () => {
    const u = await f.user({ role: 'rep' });
    const other = await f.user({ role: 'rep' });
    const res = await u.client.patch(URL, { money: 'full' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ money: 'full', tables: {} });
    const cols = { accounts: { hidden: ['owner'], widths: { name: 260 } } };
    expect((await u.client.patch(URL, { tables: cols })).json()).toEqual({ money: 'full', tables: cols });
    expect((await u.client.get('/api/auth/me')).json<Me>().preferences).toEqual({ money: 'full', tables: cols });
    // A table's entry set to null goes back to the default columns.
    expect((await u.client.patch(URL, { tables: { accounts: null } })).json()).toEqual({ money: 'full', tables: {} });
    expect((await other.client.get('/api/auth/me')).json<Me>().preferences.money).toBe('compact');
  });

  it('refuses an unknown style, an unknown key and a silly width, naming the field in both languages', async () => {
    const u = await f.user({ role: 'viewer' });
    const bad = await u.client.request('PATCH', URL, { money: 'huge' }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    const body = bad.json<ErrorBody>();
    expect(body.fields?.[0]?.path).toBe('money');
    expect(body.messages.zh).toBeTruthy();
    expect(body.fields?.[0]?.messages).toMatchObject({
      zh: expect.stringContaining('compact'),
      en: expect.stringContaining('compact'),
    });
    const unknown = await u.client.patch(URL, { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().fields?.[0]?.path).toBe('colour');
    const width = await u.client.patch(URL, { tables: { accounts: { hidden: [], widths: { name: 3 } } } });
    expect(width.statusCode).toBe(400);
    expect(width.json<ErrorBody>().fields?.[0]?.path).toBe('tables.accounts.widths.name');
    expect((await u.client.get('/api/auth/me')).json<Me>().preferences.money).toBe('compact');
  });

  it('signed out: 401', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: URL, payload: { money: 'full' } });
    expect(res.statusCode).toBe(401);
  });

  it('what was stored before a key existed, or by hand, is read with defaults', async () => {
    const u = await f.user({ role: 'rep' });
    await u.client.patch(URL, { money: 'full' });
    await t.app.db.execute(
      sql`update users set preferences = '{"money":"tiny","tables":{"x":{"hidden":1}}}'::jsonb where org_id = ${f.orgId} and id = ${u.id}`,
    );
    expect((await u.client.get('/api/auth/me')).json<Me>().preferences).toEqual({ money: 'compact', tables: {} });
  });
});
