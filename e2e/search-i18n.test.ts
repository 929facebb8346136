// (5) Chinese search in the accounts list and the header; (6) switching the UI language.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import { WAIT, settled, shot, waitForPath } from './util.ts';

describe.skipIf(!hasChromium)('Chinese search and language switch', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let health: AccountDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    health = await f.account(f.admin, {
      name: '北京市卫生健康委员会',
      shortName: '北京市卫健委',
      ownershipType: 'government',
      city: '北京',
    });
    const shanghai = await f.account(f.admin, { name: '上海市卫生局', ownershipType: 'government' });
    await f.account(f.admin, { name: '北京市教育委员会', ownershipType: 'government' });
    await f.account(f.admin, { name: '中国石油天然气集团有限公司', ownershipType: 'soe' });
    await f.contact(f.admin, { accountId: health.id, name: '欧阳建华', title: '主任' });
    await f.contact(f.admin, { accountId: shanghai.id, name: '司马光明', title: '局长' });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the accounts list finds 北京市卫生健康委员会 by two characters of its name, and only it', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    const links = page.getByTestId('accounts-table').getByTestId('account-link');
    await expect.poll(() => links.count(), { timeout: WAIT }).toBe(4);

    const search = page.getByPlaceholder('搜索名称、简称、信用代码');
    const names = () => links.allTextContents();
    await search.fill('健康');
    await search.press('Enter');
    await expect.poll(names, { timeout: WAIT }).toEqual(['北京市卫生健康委员会']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('健康');
    await shot(page, 'list-search-jiankang');

    // 卫健 is how people say it; it is not in the full name, but it is in the short name.
    await search.fill('卫健');
    await search.press('Enter');
    await expect.poll(names, { timeout: WAIT }).toEqual(['北京市卫生健康委员会']);

    // Two characters shared by several names find all of them, and nothing else.
    await search.fill('卫生');
    await search.press('Enter');
    await expect
      .poll(async () => (await names()).sort(), { timeout: WAIT })
      .toEqual(['上海市卫生局', '北京市卫生健康委员会'].sort());

    await search.fill('委员');
    await search.press('Enter');
    await expect
      .poll(async () => (await names()).sort(), { timeout: WAIT })
      .toEqual(['北京市卫生健康委员会', '北京市教育委员会'].sort());

    // A search that matches nothing says so.
    await search.fill('铁路');
    await search.press('Enter');
    await expect.poll(() => links.count(), { timeout: WAIT }).toBe(0);
    await page.getByText('暂无客户').waitFor({ timeout: WAIT });
  });

  test('the header search finds an account and a contact by two Chinese characters', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/contacts');
    const box = page.getByPlaceholder('搜索客户、联系人、电话…');
    await box.waitFor({ timeout: WAIT });

    await box.fill('健康');
    const account = page.getByTestId('search-result-account');
    await account.first().waitFor({ timeout: WAIT });
    await expect
      .poll(() => account.allTextContents(), { timeout: WAIT })
      .toEqual([expect.stringContaining('北京市卫生健康委员会')]);
    await expect.poll(() => page.getByTestId('search-result-contact').count(), { timeout: WAIT }).toBe(0);
    await shot(page, 'header-search-account');
    await account.first().click();
    await waitForPath(page, new RegExp(`^/accounts/${health.id}$`));
    await expect
      .poll(() => page.getByTestId('account-title').textContent(), { timeout: WAIT })
      .toBe('北京市卫生健康委员会');

    await box.fill('欧阳');
    const contact = page.getByTestId('search-result-contact');
    await contact.first().waitFor({ timeout: WAIT });
    await expect
      .poll(() => contact.allTextContents(), { timeout: WAIT })
      .toEqual([expect.stringContaining('欧阳建华')]);
    // The hint line names the contact's account, so two people with one name can be told apart.
    expect((await contact.allTextContents())[0]).toContain('北京市卫生健康委员会');
    await expect.poll(() => page.getByTestId('search-result-account').count(), { timeout: WAIT }).toBe(0);
    await shot(page, 'header-search-contact');
    await contact.first().click();
    await waitForPath(page, /^\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('contact-title').textContent(), { timeout: WAIT }).toContain('欧阳建华');
  });

  test('the header switch turns the UI from Chinese to English and back', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    const nav = page.getByTestId('nav-accounts');
    await expect.poll(() => nav.textContent(), { timeout: WAIT }).toBe('客户');
    expect(await page.getByTestId('nav-contacts').textContent()).toBe('联系人');
    expect(await page.getByTestId('new-account').textContent()).toContain('新建客户');

    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => nav.textContent(), { timeout: WAIT }).toBe('Accounts');
    expect(await page.getByTestId('nav-contacts').textContent()).toBe('Contacts');
    expect(await page.getByTestId('new-account').textContent()).toContain('New account');
    await page.getByRole('columnheader', { name: 'Account name' }).waitFor({ timeout: WAIT });
    await page.getByPlaceholder('Search accounts, contacts, phone…').waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await settled(page);
    await shot(page, 'accounts-en');

    // The choice survives a reload (and, saved on the server, follows the user).
    await page.reload();
    await expect.poll(() => nav.textContent(), { timeout: WAIT }).toBe('Accounts');

    await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
    await expect.poll(() => nav.textContent(), { timeout: WAIT }).toBe('客户');
    expect(await page.getByTestId('new-account').textContent()).toContain('新建客户');
    await page.getByRole('columnheader', { name: '客户名称' }).waitFor({ timeout: WAIT });
  });

  test('a browser set to en-US starts in English, a zh-CN one in Chinese', async () => {
    const manager = await f.user({ role: 'manager', name: '赵经理' });
    const en = await e.context({ locale: 'en-US' });
    try {
      await en.page.goto('/login');
      await en.page.getByTestId('login-submit').filter({ hasText: 'Sign in' }).waitFor({ timeout: WAIT });
      await en.context.addCookies([
        { name: 'okam_session', value: manager.client.cookie.split('=')[1], url: e.baseUrl },
      ]);
      await en.page.goto('/accounts');
      await expect.poll(() => en.page.getByTestId('nav-accounts').textContent(), { timeout: WAIT }).toBe('Accounts');
      expect(await en.page.getByTestId('nav-contacts').textContent()).toBe('Contacts');
    } finally {
      await en.context.close();
    }
    const zh = await e.context({ locale: 'zh-CN' });
    try {
      await zh.page.goto('/login');
      await zh.page.getByTestId('login-submit').filter({ hasText: '登' }).waitFor({ timeout: WAIT });
    } finally {
      await zh.context.close();
    }
  });
});
