// Issue 21 (1): the grouped side menu and what each role is offered, the one settings page, Ctrl-K
// search, and breadcrumbs on detail pages that lead back. Few page loads: most steps navigate in-app.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import { WAIT, navTo, settled, shot, still, waitForPath } from './util.ts';

const GROUPS = ['customers', 'sales', 'analysis', 'plan', 'admin'];

/** Opens every group of the menu (the side bar's or the phone drawer's) and lists the items offered. */
async function offered(page: Page): Promise<string[]> {
  const nav = page.getByTestId('side-nav');
  for (const g of GROUPS) {
    const title = nav.getByTestId(`nav-group-${g}`);
    if (!(await title.count())) continue;
    const submenu = nav.locator('.ant-menu-submenu').filter({ has: page.getByTestId(`nav-group-${g}`) });
    if (!(await submenu.getAttribute('class'))?.includes('ant-menu-submenu-open')) await title.click();
    await submenu.locator('.ant-menu-item').first().waitFor({ state: 'visible', timeout: WAIT });
  }
  const ids = await nav
    .locator('.ant-menu-item [data-testid^="nav-"]')
    .evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-testid') ?? '').filter((id) => id !== 'nav-tasks-overdue'),
    );
  return ids.sort();
}

describe.skipIf(!hasChromium)('navigation', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let account: AccountDetail;
  let deal: OpportunityDetail;
  let contact: Contact;
  let activityId: string;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    account = await f.account(f.admin, { name: '北京市卫生健康委员会', ownershipType: 'government' });
    deal = await f.deal(f.admin, { accountId: account.id, name: '全民健康信息平台' });
    contact = await f.contact(f.admin, { accountId: account.id, name: '欧阳建华', title: '主任' });
    const res = await f.admin.post('/api/activities', {
      type: 'visit',
      subject: '拜访信息中心主任',
      accountId: account.id,
      opportunityId: deal.id,
      plannedStart: '2026-12-20T09:00:00+08:00',
      plannedEnd: '2026-12-20T10:00:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    activityId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an admin: grouped menu, breadcrumbs that lead back, Ctrl-K search, the settings page saves', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto(`/accounts/${account.id}`);
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });
    const nav = page.getByTestId('side-nav');
    // Five groups, the current page's (客户) open and its list selected; the others closed.
    await expect
      .poll(() => nav.locator('.ant-menu-submenu-title [data-testid^="nav-group-"]').allTextContents())
      .toEqual(['客户', '销售', '分析', '预测与计划', '管理']);
    expect(await nav.getByTestId('nav-accounts').isVisible()).toBe(true);
    expect(await nav.locator('.ant-menu-item-selected').textContent()).toBe('客户');
    expect(await nav.getByTestId('nav-pareto').isVisible()).toBe(false);

    // Breadcrumbs: 客户 / 北京市卫生健康委员会, the first a link back to the list.
    const crumbs = page.getByTestId('breadcrumbs');
    expect(await crumbs.getByTestId('crumb-current').textContent()).toBe(account.name);
    await shot(page, 'nav-account');
    await crumbs.getByRole('link', { name: '客户' }).click();
    await waitForPath(page, /^\/accounts$/);

    // Ctrl-K from the page focuses the search; the shortcut is shown in the box.
    expect(await page.getByTestId('search-shortcut').textContent()).toBe('Ctrl K');
    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    const search = page.getByTestId('global-search');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Enter straight after typing (before the hits arrive) opens the first hit.
    await page.keyboard.type('卫生健康');
    await page.keyboard.press('Enter');
    await waitForPath(page, new RegExp(`^/accounts/${account.id}$`));
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });
    // Esc closes an open search.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('卫生');
    const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await popup.getByTestId('search-result-account').first().waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden', timeout: WAIT });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(false);

    // The deal's Blue Sheet: 客户 / 北京市卫生健康委员会 / 商机 / 全民健康信息平台, each crumb a link.
    await page.goto(`/opportunities/${deal.id}`);
    await page.getByTestId('blue-sheet').waitFor({ timeout: WAIT });
    const links = crumbs.getByTestId('crumb-link');
    expect(await links.allTextContents()).toEqual(['客户', account.name, '商机']);
    expect(await crumbs.getByTestId('crumb-current').textContent()).toBe(deal.name);
    expect(await links.nth(2).getAttribute('href')).toBe(`/accounts/${account.id}?tab=opportunities`);
    // The 销售 group opened for the deal's page.
    expect(await nav.getByTestId('nav-opportunities').isVisible()).toBe(true);
    await links.nth(1).click();
    await waitForPath(page, new RegExp(`^/accounts/${account.id}$`));
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });

    // 管理 → 设置: every setting on one page; the recycle bin's retention saves from here.
    await navTo(page, 'nav-settings');
    await waitForPath(page, /^\/settings$/);
    await page.getByTestId('settings-pareto-summary').getByText(/A 类/).waitFor({ timeout: WAIT });
    for (const id of ['settings-scoring', 'settings-prospects', 'settings-retention', 'cadence-card'])
      expect(await page.getByTestId(id).count(), id).toBe(1);
    await settled(page);
    await shot(page, 'nav-settings');
    const retention = page.getByTestId('bin-retention');
    await retention.fill('45');
    await page.getByTestId('bin-retention-save').click();
    await expect
      .poll(async () => (await f.admin.get('/api/settings/recycle-bin')).json<{ retentionDays: number }>(), {
        timeout: WAIT,
      })
      .toEqual({ retentionDays: 45 });
    // The Pareto editor opens from here too, the same one the Pareto page uses.
    await page.getByTestId('settings-edit-pareto').click();
    await page.getByTestId('pareto-settings-form').waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await page.getByTestId('pareto-settings-form').waitFor({ state: 'hidden', timeout: WAIT });

    // A tablet-wide window: the side bar shrinks to icons and groups open as fly-outs, on hover,
    // never by themselves after a page change.
    await page.setViewportSize({ width: 900, height: 800 });
    const flyouts = page.locator('.ant-menu-submenu-popup:not(.ant-menu-submenu-hidden)');
    await page.locator('.ant-layout-sider-collapsed').waitFor({ timeout: WAIT });
    await expect.poll(() => flyouts.count()).toBe(0);
    // Hovered while the side bar still narrows, the pointer can end up beside the group: no fly-out.
    await still(page.locator('.ant-layout-sider'));
    await nav
      .locator('.ant-menu-submenu')
      .filter({ has: page.getByTestId('nav-group-analysis') })
      .hover();
    // The fly-out opens after a short hover delay and slides in; a click during the slide is lost.
    const flyout = flyouts.filter({ has: page.getByTestId('nav-pareto') });
    await flyout.waitFor({ timeout: WAIT });
    await still(flyout);
    await page.getByTestId('nav-pareto').click();
    await waitForPath(page, /^\/analysis\/pareto$/);
    await page.mouse.move(800, 600);
    await expect.poll(() => flyouts.count(), { timeout: WAIT }).toBe(0);
  });

  test("a contact's, an activity's and a plan print page's breadcrumbs lead back along the account", async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    const crumbs = page.getByTestId('breadcrumbs');
    const links = crumbs.getByTestId('crumb-link');
    await page.goto(`/contacts/${contact.id}`);
    await page.getByTestId('contact-title').waitFor({ timeout: WAIT });
    expect(await links.allTextContents()).toEqual(['客户', account.name, '联系人']);
    expect(await crumbs.getByTestId('crumb-current').textContent()).toBe(contact.name);

    // The print sheet (no menu around it): 客户 / account / deal / 活动 / subject / 打印.
    await page.goto(`/activities/${activityId}/print`);
    await page.getByTestId('plan-sheet').waitFor({ timeout: WAIT });
    expect(await links.allTextContents()).toEqual(['客户', account.name, deal.name, '活动', '拜访信息中心主任']);
    expect(await crumbs.getByTestId('crumb-current').textContent()).toBe('打印');
    await links.nth(4).click();
    await waitForPath(page, new RegExp(`^/activities/${activityId}$`));
    await page.getByTestId('activity-title').waitFor({ timeout: WAIT });
    expect(await links.allTextContents()).toEqual(['客户', account.name, deal.name, '活动']);
    await links.nth(2).click();
    await waitForPath(page, new RegExp(`^/opportunities/${deal.id}$`));
    await page.getByTestId('blue-sheet').waitFor({ timeout: WAIT });
  });

  test('a rep (in English) is offered no admin pages; a viewer on a phone no pages that only write', async () => {
    const team = await f.team({ name: '华北销售部' });
    const rep = await f.user({ role: 'rep', teamId: team.id, name: '陈小华' });
    const viewer = await f.user({ role: 'viewer', teamId: team.id, name: '孙只读' });
    const own = await f.account(rep.client, { name: '天津港集团有限公司', ownershipType: 'soe' });

    const repCtx = await e.context({ cookie: rep.client.cookie, locale: 'en' });
    try {
      const { page } = repCtx;
      await page.goto(`/accounts/${own.id}`);
      await page.getByTestId('account-title').waitFor({ timeout: WAIT });
      const crumbs = page.getByTestId('breadcrumbs');
      expect(await crumbs.getByTestId('crumb-link').allTextContents()).toEqual(['Accounts']);
      expect(
        await page
          .getByTestId('side-nav')
          .locator('.ant-menu-submenu-title [data-testid^="nav-group-"]')
          .allTextContents(),
      ).toEqual(['Customers', 'Sales', 'Analysis', 'Forecast & plan', 'Admin']);
      const items = await offered(page);
      for (const id of ['nav-users', 'nav-teams', 'nav-stages', 'nav-activity-types', 'nav-settings', 'nav-dashboard'])
        expect(items, id).not.toContain(id);
      for (const id of ['nav-pool', 'nav-prospects', 'nav-planner', 'nav-products', 'nav-recycle-bin'])
        expect(items, id).toContain(id);
      await shot(page, 'nav-rep-en');
    } finally {
      await repCtx.context.close();
    }

    const viewerCtx = await e.context({ cookie: viewer.client.cookie, mobile: true });
    try {
      const { page } = viewerCtx;
      await page.goto('/accounts');
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-group-customers').waitFor({ state: 'visible', timeout: WAIT });
      const items = await offered(page);
      for (const id of ['nav-pool', 'nav-prospects', 'nav-planner', 'nav-recycle-bin', 'nav-users', 'nav-settings'])
        expect(items, id).not.toContain(id);
      for (const id of ['nav-accounts', 'nav-pipeline', 'nav-dashboard', 'nav-forecast', 'nav-products'])
        expect(items, id).toContain(id);
      await shot(page, 'nav-viewer-phone');
      // The drawer's menu navigates and closes like the side bar's.
      await page.getByTestId('nav-forecast').click();
      await waitForPath(page, /^\/forecast$/);
      await page.getByTestId('nav-forecast').waitFor({ state: 'hidden', timeout: WAIT });
    } finally {
      await viewerCtx.context.close();
    }
  });
});
