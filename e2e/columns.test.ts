// Per-user list columns (issue 21 item 4): the accounts list's column chooser hides a column and
// sets a width; both are saved in the user's preferences and come back after a reload.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Me } from '../core/schemas/org.ts';
import { WAIT, still } from './util.ts';

describe.skipIf(!hasChromium)('list columns per user', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let page: Page;

  const headers = () => page.getByTestId('accounts-table').locator('thead th').allInnerTexts();
  const prefs = async () => (await rep.client.get('/api/auth/me')).json<Me>().preferences.tables.accounts;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep' });
    await f.account(rep.client, { name: '列设置测试客户' });
    page = await e.page({ cookie: rep.client.cookie });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('hide a column and set a width on the accounts list; both are kept for the user', async () => {
    await page.goto('/accounts');
    await expect.poll(headers, { timeout: WAIT }).toContain('客户等级');

    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-toggle-tier').click();
    await expect.poll(headers, { timeout: WAIT }).not.toContain('客户等级');
    // The name column is the row's link: it cannot be hidden.
    const nameLocked = await page
      .getByTestId('column-toggle-name')
      .evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.disabled);
    expect(nameLocked).toBe(true);

    const width = page
      .locator('input[data-testid="column-width-owner"], [data-testid="column-width-owner"] input')
      .first();
    await width.fill('200');
    await width.press('Enter');
    await expect.poll(prefs, { timeout: WAIT }).toEqual({ hidden: ['tier'], widths: { owner: 200 } });

    await page.reload();
    await expect.poll(headers, { timeout: WAIT }).toContain('客户经理');
    expect(await headers()).not.toContain('客户等级');
    const ownerWidth = await page
      .getByTestId('accounts-table')
      .locator('thead th')
      .filter({ hasText: '客户经理' })
      .first()
      .evaluate((th) => th.getBoundingClientRect().width);
    expect(Math.round(ownerWidth)).toBe(200);

    await page.getByTestId('columns-button').click();
    // Under load a click while the pop-over still opens is lost: wait for it to stand still first.
    await page.getByTestId('columns-reset').waitFor({ timeout: WAIT });
    await still(page.locator('.ant-popover').filter({ has: page.getByTestId('columns-reset') }));
    await page.getByTestId('columns-reset').click();
    await expect.poll(headers, { timeout: WAIT }).toContain('客户等级');
    await expect.poll(prefs, { timeout: WAIT }).toBeUndefined();
  });
});
