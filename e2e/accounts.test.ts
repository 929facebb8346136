// (2) create an account through the form, (3) add contacts with reporting lines, (4) the org chart.
// One story in order: each test builds on what the previous one made.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { creditCodeCheckChar } from '../core/credit-code.ts';
import { WAIT, fieldError, pickOption, settled, shot, waitForPath } from './util.ts';

const ACCOUNT = '北京市卫生健康委员会';
const PEOPLE = [
  { name: '张国强', title: '局长', reportsTo: null },
  { name: '李文华', title: '处长', reportsTo: '张国强' },
  { name: '王晓明', title: '科长', reportsTo: '李文华' },
] as const;

describe.skipIf(!hasChromium)('account, contacts and org chart through the UI', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;
  let accountPath = '';

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    page = await e.page({ cookie: f.admin.cookie });
  });
  afterAll(async () => {
    await e?.close();
  });

  test("create an account: required fields, the server's credit-code error inline, then its page", async () => {
    await page.goto('/accounts');
    await page.getByTestId('new-account').click();
    const form = page.getByTestId('account-form');
    await form.waitFor({ timeout: WAIT });

    // Empty submit: the browser-side rules stop it and say which fields are missing.
    await page.getByTestId('account-form-submit').click();
    await expect.poll(() => fieldError(page, 'name'), { timeout: WAIT }).toBe('必填');
    await expect.poll(() => fieldError(page, 'ownershipType'), { timeout: WAIT }).toBe('必填');

    await page.locator('#name').fill(ACCOUNT);
    await pickOption(
      page,
      page
        .locator('.ant-form-item')
        .filter({ has: page.locator('#ownershipType') })
        .locator('.ant-select'),
      '政府机关',
    );
    // 18 digits passes the form's pattern, but the check character is wrong: only the server knows.
    const bad = '911100000000000000';
    await page.locator('#creditCode').fill(bad);
    await page.getByTestId('account-form-submit').click();
    // The server's message, without the API's field name in front of it.
    await expect.poll(() => fieldError(page, 'creditCode'), { timeout: WAIT }).toBe('统一社会信用代码校验失败');
    await shot(page, 'account-form-credit-code-error');
    expect(new URL(page.url()).pathname).toBe('/accounts');

    const first17 = '12110000MB0000000';
    const good = first17 + creditCodeCheckChar(first17);
    await page.locator('#creditCode').fill(good);
    await page.getByTestId('account-form-submit').click();

    await waitForPath(page, /^\/accounts\/[0-9a-f-]{36}$/);
    accountPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('account-title').textContent(), { timeout: WAIT }).toBe(ACCOUNT);
    await page.getByTestId('account-page').getByText('政府机关').first().waitFor({ timeout: WAIT });
    await page.getByTestId('account-page').getByText(good).waitFor({ timeout: WAIT });
    await shot(page, 'account-page');

    // And it is in the list.
    await page.getByTestId('nav-accounts').click();
    await waitForPath(page, /^\/accounts$/);
    await page.getByTestId('account-link').filter({ hasText: ACCOUNT }).waitFor({ timeout: WAIT });
  });

  test('add a 局长, a 处长 reporting to the 局长 and a 科长 reporting to the 处长', async () => {
    expect(accountPath).not.toBe('');
    await page.goto(accountPath);
    await page.getByTestId('tab-contacts').click();
    const table = page.getByTestId('account-contacts-table');
    await table.waitFor({ timeout: WAIT });

    for (const p of PEOPLE) {
      await page.getByTestId('add-contact').click();
      await page.getByTestId('contact-form').waitFor({ timeout: WAIT });
      await page.locator('#name').fill(p.name);
      await page.locator('#title').fill(p.title);
      if (p.reportsTo) await pickOption(page, page.getByTestId('reports-to-select'), p.reportsTo);
      await page.getByTestId('contact-form-submit').click();
      await page.getByTestId('contact-form').waitFor({ state: 'detached', timeout: WAIT });
      await table.getByTestId('contact-link').filter({ hasText: p.name }).waitFor({ timeout: WAIT });
    }
    await settled(page);
    await shot(page, 'account-contacts');

    // The table's 汇报对象 column shows the chain.
    for (const p of PEOPLE) {
      const row = table.locator('tr').filter({ has: page.getByTestId('contact-link').filter({ hasText: p.name }) });
      await expect.poll(() => row.locator('td').nth(3).textContent(), { timeout: WAIT }).toBe(p.reportsTo ?? '—');
    }
    await expect.poll(() => page.getByTestId('tab-contacts').textContent(), { timeout: WAIT }).toContain('(3)');
  });

  test('the org chart draws three nodes and two reporting edges; a click opens the contact', async () => {
    await page.goto(`${accountPath}?tab=org`);
    const chart = page.getByTestId('org-chart');
    await chart.waitFor({ timeout: WAIT });
    await expect.poll(() => chart.locator('.react-flow__node').count(), { timeout: WAIT }).toBe(3);
    await expect.poll(() => chart.locator('.react-flow__edge').count(), { timeout: WAIT }).toBe(2);
    for (const p of PEOPLE)
      await chart.locator('.react-flow__node').filter({ hasText: p.name }).waitFor({ timeout: WAIT });
    await shot(page, 'org-chart');

    // The tree is drawn top-down: 局长 above 处长 above 科长.
    const y = async (name: string) =>
      (await chart.locator('.react-flow__node').filter({ hasText: name }).boundingBox())?.y ?? NaN;
    const [top, mid, low] = [await y(PEOPLE[0].name), await y(PEOPLE[1].name), await y(PEOPLE[2].name)];
    expect(top).toBeLessThan(mid);
    expect(mid).toBeLessThan(low);

    await chart.locator('.react-flow__node').filter({ hasText: PEOPLE[1].name }).click();
    await waitForPath(page, /^\/contacts\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('contact-title').textContent(), { timeout: WAIT })
      .toContain(PEOPLE[1].name);
    // Its page names the person it reports to.
    await page.getByTestId('contact-page').getByRole('link', { name: PEOPLE[0].name }).waitFor({ timeout: WAIT });
  });
});
