// Pickers instead of free text (issue 21, item 3): 云南省 → 昆明市 → a district and an industry in the
// account form, the list filtered by province, a lost reason picked from the organisation's list, won/lost
// by deal source and by province (按省份), the pipeline by province, and the settings page that keeps the
// lists and the organisation's time zone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { WAIT, navTo, pickOption, still, waitForPath } from './util.ts';

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

  test('the dashboard groups won and lost by deal source and by province; the forecast sums the pipeline by province', async () => {
    const stages: { id: string; kind: string }[] = (await f.admin.get('/api/stages')).json().items;
    const wonStage = stages.find((s) => s.kind === 'won')!.id;
    const lostStage = stages.find((s) => s.kind === 'lost')!.id;
    const dali = await f.account(f.admin, { name: '大理州人民医院', regionCode: '532901' });
    const guangzhou = await f.account(f.admin, { name: '广州市疾控中心', regionCode: '440100' });
    await f.deal(f.admin, { accountId: dali.id, name: '影像云', source: '展会', stageId: wonStage });
    await f.deal(f.admin, {
      accountId: dali.id,
      name: '体检系统',
      source: '展会',
      stageId: lostStage,
      lostReason: '价格',
    });
    await f.deal(f.admin, { accountId: guangzhou.id, name: '疾控平台', amount: '3000000', source: '官网' });

    await navTo(page, 'nav-dashboard');
    await waitForPath(page, /^\/dashboard$/);
    const sources = page.getByTestId('win-loss-sources');
    const exhibition = sources.locator('tr').filter({ hasText: '展会' });
    await expect.poll(() => exhibition.textContent(), { timeout: WAIT }).toBe('展会1150%');
    const provinces = page.getByTestId('win-loss-provinces');
    // The deal lost on the stage select above has an account without a region: it is counted as 未填地区.
    await expect
      .poll(() => provinces.locator('tbody tr.ant-table-row').allTextContents(), { timeout: WAIT })
      .toEqual(['云南省1150%', '未填地区010%']);

    await navTo(page, 'nav-forecast');
    await waitForPath(page, /^\/forecast$/);
    const byProvince = page.getByTestId('pipeline-by-province');
    await expect
      .poll(() => byProvince.locator('tbody tr.ant-table-row td:first-child').allTextContents(), { timeout: WAIT })
      .toContain('广东省');
    expect(await byProvince.locator('tbody tr.ant-table-row').first().textContent()).toContain('广东省');

    // In English the provinces have English names.
    const en = await e.context({ locale: 'en-US', cookie: f.admin.cookie });
    try {
      await en.page.goto('/dashboard');
      const enProvinces = en.page.getByTestId('win-loss-provinces');
      await expect
        .poll(() => enProvinces.locator('tbody tr.ant-table-row td:first-child').allTextContents(), { timeout: WAIT })
        .toEqual(['Yunnan', 'No region']);
    } finally {
      await en.context.close();
    }

    // Switching the language reads the server's names again, in English. (Another admin: the switch
    // is saved as the user's choice, which would follow the first admin into the next tests.)
    const other = await f.user({ role: 'admin', name: '换语言的管理员' });
    const zh = await e.context({ cookie: other.client.cookie });
    try {
      await zh.page.goto('/forecast');
      const cells = zh.page.getByTestId('pipeline-by-province').locator('tbody tr.ant-table-row td:first-child');
      await expect.poll(() => cells.first().textContent(), { timeout: WAIT }).toBe('广东省');
      await zh.page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await expect.poll(() => cells.first().textContent(), { timeout: WAIT }).toBe('Guangdong');
    } finally {
      await zh.context.close();
    }
  });

  test('in English, the history of an account names its industries in English', async () => {
    const acc = await f.account(f.admin, { name: '杭州软件公司', industryCode: '65' });
    const res = await f.admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, industryCode: '83' });
    expect(res.statusCode, res.body).toBe(200);
    const en = await e.context({ locale: 'en-US', cookie: f.admin.cookie });
    try {
      await en.page.goto(`/accounts/${acc.id}`);
      await en.page.getByTestId('tab-history').click();
      const entry = en.page.getByTestId('history-entry').first();
      await expect
        .poll(() => entry.textContent(), { timeout: WAIT })
        .toContain('Software and information technology services → Education');
      expect(await entry.textContent()).not.toMatch(/教育|软件/);
    } finally {
      await en.context.close();
    }
  });

  test('the settings page keeps the option lists and the time zone; the stages page points there', async () => {
    await navTo(page, 'nav-stages');
    await page.getByTestId('stages-deal-lists-link').click();
    await waitForPath(page, /^\/settings$/);
    const lists = page.getByTestId('deal-lists-card');
    await lists.waitFor({ timeout: WAIT });
    const sources = page.getByTestId('deal-list-dealSources');
    await sources.locator('input').fill('行业协会');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('deal-lists-save').click();
    await expect
      .poll(async () => (await f.admin.get('/api/settings/deal-lists')).json<{ dealSources: string[] }>().dealSources, {
        timeout: WAIT,
      })
      .toContain('行业协会');

    const zone = page.getByTestId('org-time-zone');
    await expect.poll(() => zone.textContent(), { timeout: WAIT }).toBe('Asia/Shanghai');
    await zone.click();
    await page.keyboard.type('Tokyo');
    await pickOption(page, zone, 'Asia/Tokyo');
    await page.getByTestId('org-time-zone-save').click();
    await expect
      .poll(async () => (await f.admin.get('/api/settings/time-zone')).json<{ timeZone: string }>().timeZone, {
        timeout: WAIT,
      })
      .toBe('Asia/Tokyo');
    await f.admin.put('/api/settings/time-zone', { timeZone: 'Asia/Shanghai' });
  });
});
