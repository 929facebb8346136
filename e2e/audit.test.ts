// The audit log (issue 23, item 7) in the browser: an admin opens 审计日志 from the 管理 menu, finds a
// rep's change to an account and their failed sign-in, narrows the list to the rep and to 登录失败, and
// takes the filtered log out as Excel; a rep has no such page. On a phone, in English, it fits.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { WAIT, navTo, pageScrollWidth, pickOption, settled } from './util.ts';

describe.skipIf(!hasChromium)('audit log', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep', name: '审计小王' });
    const account = await f.account(rep.client, { name: '审计浏览器医院' });
    await rep.client.patch(`/api/accounts/${account.id}`, { version: account.version, website: 'audit.example.cn' });
    await e.t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: rep.email, password: 'not-the-password' },
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an admin finds a rep’s change and failed sign-in, filters, and exports', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    await navTo(page, 'nav-audit');
    const table = page.getByTestId('audit-table');
    await table.locator('tr').filter({ hasText: '审计浏览器医院' }).first().waitFor({ timeout: WAIT });
    const change = table.locator('tr').filter({ hasText: 'audit.example.cn' });
    expect(await change.innerText()).toContain('审计小王');
    expect(await change.innerText()).toContain('修改');

    await pickOption(page, page.getByTestId('audit-action'), '登录失败');
    const failed = table.locator('tr').filter({ hasText: '审计小王' });
    await failed.first().waitFor({ timeout: WAIT });
    expect(await table.locator('tbody tr').filter({ hasText: '修改' }).count()).toBe(0);

    await page.getByTestId('export').click();
    const item = page.getByTestId('export-xlsx');
    await item.waitFor({ timeout: WAIT });
    const download = page.waitForEvent('download', { timeout: WAIT });
    await item.click();
    expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  test('a rep has no audit log; on a phone, in English, the admin’s log fits', async () => {
    const repPage = await e.page({ cookie: rep.client.cookie });
    await repPage.goto('/admin/audit');
    await repPage.locator('.ant-result-403').waitFor({ timeout: WAIT });

    const page = await e.page({ cookie: f.admin.cookie, mobile: true, locale: 'en' });
    await page.goto('/admin/audit');
    await page.getByTestId('audit-card').first().waitFor({ timeout: WAIT });
    await settled(page);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });
});
