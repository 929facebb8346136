// (7) Field-ready: on a 390 px phone the main pages fit the screen and the menu is one tap away.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import { WAIT, pageScrollWidth, settled, shot, waitForPath } from './util.ts';

const WIDTH = 390;

describe.skipIf(!hasChromium)('390 px phone layout', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let account: AccountDetail;
  let boss: Contact;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    // Long names, long numbers and tags: the things that push a narrow layout sideways.
    account = await f.account(f.admin, {
      name: '中国石油天然气集团有限公司华北地区销售分公司信息技术服务中心',
      shortName: '中石油华北销售信息中心',
      ownershipType: 'soe',
      scope: 'national',
      province: '河北省',
      city: '石家庄市',
      address: '河北省石家庄市长安区中山东路一百八十八号中石油大厦二十三层',
      website: 'https://www.example-very-long-domain-name-for-testing.com.cn/path',
      annualRevenue: '123456789012.34',
      ourRevenue: '9876543.21',
      tier: 'A',
      tags: ['能源', '央企', '信息化', '重点客户'],
      needs: '统一身份认证、数据中台建设、办公自动化升级，以及覆盖全部加油站的移动巡检系统。',
    });
    boss = await f.contact(f.admin, {
      accountId: account.id,
      name: '欧阳志远',
      title: '总经理',
      department: '总经理办公室',
      mobile: '+86 138 0013 8000',
      influence: 'high',
      attitude: 3,
    });
    await f.contact(f.admin, {
      accountId: account.id,
      name: '诸葛明',
      title: '信息技术服务中心副主任兼首席信息安全官',
      reportsToId: boss.id,
      email: 'zhuge.ming.long.address@example-company.com.cn',
    });
    for (let i = 0; i < 4; i++)
      await f.account(f.admin, { name: `华北电力设计院有限公司第${i + 1}分院`, ownershipType: 'soe', city: '北京' });
  });
  afterAll(async () => {
    await e?.close();
  });

  async function fits(page: Page, name: string): Promise<void> {
    await settled(page);
    await shot(page, `mobile-${name}`);
    const width = await pageScrollWidth(page);
    expect(width, `${name}: page is ${width}px wide on a ${WIDTH}px screen`).toBeLessThanOrEqual(WIDTH + 1);
  }

  test('accounts list, account page, contacts list and contact page fit 390 px', async () => {
    const page = await e.page({ mobile: true, cookie: f.admin.cookie });
    await page.goto('/accounts');
    // Phones get cards, not the wide table.
    await page.getByTestId('account-card').first().waitFor({ timeout: WAIT });
    expect(await page.locator('.ant-table').count()).toBe(0);
    await expect.poll(() => page.getByTestId('account-card').count(), { timeout: WAIT }).toBe(5);
    await fits(page, 'accounts');

    await page.goto(`/accounts/${account.id}`);
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });
    await fits(page, 'account-profile');
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('contact-card').first().waitFor({ timeout: WAIT });
    await fits(page, 'account-contacts');
    await page.getByTestId('tab-org').click();
    await page.locator('.react-flow__node').first().waitFor({ timeout: WAIT });
    await fits(page, 'account-org');

    await page.goto('/contacts');
    await expect.poll(() => page.getByTestId('contact-card').count(), { timeout: WAIT }).toBe(2);
    await fits(page, 'contacts');

    await page.goto(`/contacts/${boss.id}`);
    await page.getByTestId('contact-title').waitFor({ timeout: WAIT });
    await page.getByText('+86 138 0013 8000').first().waitFor({ timeout: WAIT });
    await fits(page, 'contact');
  });

  test('the navigation is behind a menu button that opens a drawer', async () => {
    const page = await e.page({ mobile: true, cookie: f.admin.cookie });
    await page.goto('/accounts');
    const toggle = page.getByTestId('nav-toggle');
    await toggle.waitFor({ timeout: WAIT });
    // No permanent side bar eating a third of the screen.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.getByTestId('nav-contacts').isVisible()).toBe(false);

    await toggle.click();
    await page.getByTestId('nav-contacts').waitFor({ state: 'visible', timeout: WAIT });
    await shot(page, 'mobile-drawer');
    await page.getByTestId('nav-contacts').click();
    await waitForPath(page, /^\/contacts$/);
    await page.getByTestId('nav-contacts').waitFor({ state: 'hidden', timeout: WAIT });
    await page.getByTestId('contact-card').first().waitFor({ timeout: WAIT });

    await toggle.click();
    await page.getByTestId('nav-accounts').click();
    await waitForPath(page, /^\/accounts$/);
    await page.getByTestId('account-card').first().waitFor({ timeout: WAIT });
    // The header controls are still within reach on the phone.
    for (const id of ['global-search', 'lang-switch', 'user-menu']) {
      const box = await page.getByTestId(id).first().boundingBox();
      expect(box, id).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), id).toBeLessThanOrEqual(WIDTH + 1);
    }
  });
});
