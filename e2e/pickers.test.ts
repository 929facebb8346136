// Pickers instead of free text (issue 21, item 3): 云南省 → 昆明市 → a district and an industry in the
// account form, the list filtered by province, and a lost reason picked from the organisation's list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { WAIT, pickOption, still, waitForPath } from './util.ts';

const ACCOUNT = '昆明市五华区教育局';

/** Opens a cascader and clicks through its menus, one label per level. */
async function cascade(page: Page, picker: Locator, labels: (string | RegExp)[]) {
  // The division data is a chunk of its own: open the picker once it has its options.
  await expect.poll(() => picker.textContent(), { timeout: WAIT }).not.toMatch(/正在加载|Loading/);
  await picker.click();
  for (const [level, label] of labels.entries()) {
    const menu = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu').nth(level);
    const item = menu.locator('.ant-cascader-menu-item').filter({ hasText: label }).first();
    await item.waitFor({ state: 'visible', timeout: WAIT });
    await still(menu);
    await item.click();
  }
}

describe.skipIf(!hasChromium)('region, industry and list pickers', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    await f.account(f.admin, { name: '广州市某医院', regionCode: '440100' });
    page = await e.page({ cookie: f.admin.cookie });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the account form picks 云南省 → 昆明市 → 五华区 and an industry; the page shows their names', async () => {
    await page.goto('/accounts');
    await page.getByTestId('new-account').click();
    await page.getByTestId('account-form').waitFor({ timeout: WAIT });
    await page.locator('#name').fill(ACCOUNT);
    await pickOption(
      page,
      page
        .locator('.ant-form-item')
        .filter({ has: page.locator('#ownershipType') })
        .locator('.ant-select'),
      '政府机关',
    );
    await cascade(page, page.getByTestId('region-picker'), ['云南省', '昆明市', '五华区']);
    await expect.poll(() => page.getByTestId('region-picker').textContent(), { timeout: WAIT }).toContain('五华区');
    await cascade(page, page.getByTestId('industry-picker'), [/^P /, /^83 /]);
    await page.keyboard.press('Escape');
    await page.getByTestId('account-form-submit').click();
    await waitForPath(page, /^\/accounts\/[0-9a-f-]{36}$/);
    const profile = page.getByTestId('account-page');
    await profile.getByText('云南省 · 昆明市 · 五华区').waitFor({ timeout: WAIT });
    await profile.getByText('教育').first().waitFor({ timeout: WAIT });
  });

  test('the list filters by province, and 按省份 counts what one sees', async () => {
    await page.getByTestId('nav-accounts').click();
    await waitForPath(page, /^\/accounts$/);
    const links = page.getByTestId('account-link');
    await links.filter({ hasText: '广州市某医院' }).waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('province-530000').textContent(), { timeout: WAIT }).toBe('云南省 1');
    await cascade(page, page.getByTestId('filter-region'), ['云南省']);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('region'), { timeout: WAIT }).toBe('530000');
    await expect.poll(() => links.allTextContents(), { timeout: WAIT }).toEqual([ACCOUNT]);
  });

  test('a lost deal records a reason picked from the list', async () => {
    const deal = await f.deal(f.admin, { name: '教育城域网项目' });
    await page.goto(`/opportunities/${deal.id}`);
    await pickOption(page, page.getByTestId('stage-select'), '输单 · 0%');
    const form = page.getByTestId('close-deal-form');
    await form.waitFor({ timeout: WAIT });
    await pickOption(page, page.getByTestId('lost-reason'), '预算取消');
    await page.getByTestId('close-deal-submit').click();
    await expect.poll(() => page.getByTestId('lost-reason-text').textContent(), { timeout: WAIT }).toBe('预算取消');
    const stored = await f.admin.get(`/api/opportunities/${deal.id}`);
    expect(stored.json().lostReason).toBe('预算取消');
  });
});
