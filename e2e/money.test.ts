// Money the Chinese way (issue 21 item 2): amounts read ¥1.43亿 by default, ¥142,810,000.00 after the
// user menu's switch (kept per user), ¥142.8M in English; the amount field reads "300万" and shows
// what it understood, and the API keeps the exact decimal string.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Me } from '../core/schemas/org.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import { WAIT, pickOption, formItem, waitForPath } from './util.ts';

const BIG = '央企数据中台金额测试';
const NEW = '三百万新项目';

function ok<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode >= 300) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

describe.skipIf(!hasChromium)('money display and input', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let account: AccountDetail;
  let page: Page;

  const row = (name: string) => page.locator('tr').filter({ hasText: name }).first();

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep' });
    account = await f.account(rep.client, { name: '中国国家电网金额测试分公司' });
    await f.deal(rep.client, { accountId: account.id, name: BIG, amount: '142810000.00' });
    page = await e.page({ cookie: rep.client.cookie });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the deals list reads ¥1.43亿; the user menu switches to ¥142,810,000.00 and keeps it', async () => {
    await page.goto('/opportunities');
    await expect.poll(() => row(BIG).textContent(), { timeout: WAIT }).toContain('¥1.43亿');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-money-full').click();
    await expect.poll(() => row(BIG).textContent(), { timeout: WAIT }).toContain('¥142,810,000.00');
    await expect
      .poll(async () => ok<Me>(await rep.client.get('/api/auth/me')).preferences.money, { timeout: WAIT })
      .toBe('full');

    await page.reload();
    await expect.poll(() => row(BIG).textContent(), { timeout: WAIT }).toContain('¥142,810,000.00');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-money-compact').click();
    await expect.poll(() => row(BIG).textContent(), { timeout: WAIT }).toContain('¥1.43亿');
  });

  test('typing 300万 shows the exact amount and saves "3000000.00"', async () => {
    await page.goto('/opportunities');
    await page.getByTestId('new-opportunity').click();
    await page.getByTestId('opportunity-form').waitFor({ timeout: WAIT });
    const accountSelect = formItem(page, 'accountId').locator('.ant-select');
    await accountSelect.click();
    await page.locator('#accountId').fill('国家电网');
    await pickOption(page, accountSelect, account.name);
    await page.locator('#name').fill(NEW);
    await page.locator('#amount').fill('300万');
    await expect
      .poll(() => page.getByTestId('opportunity-amount-parsed').textContent(), { timeout: WAIT })
      .toBe('= ¥3,000,000.00');
    await page.locator('#amount').fill('125.5万');
    await expect
      .poll(() => page.getByTestId('opportunity-amount-parsed').textContent(), { timeout: WAIT })
      .toBe('= ¥1,255,000.00');
    await page.locator('#amount').fill('300万');

    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/opportunities' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await page.getByTestId('opportunity-form-submit').click();
    expect(await created.then((r) => r.status()).catch(() => 0)).toBe(201);
    await waitForPath(page, /^\/opportunities\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(ok<OpportunityDetail>(await rep.client.get(`/api/opportunities/${id}`)).amount).toBe('3000000.00');
    await expect.poll(() => page.getByTestId('opportunity-amount').textContent(), { timeout: WAIT }).toBe('¥300万');
  });

  test('in English the compact form counts millions', async () => {
    const en = await e.context({ cookie: rep.client.cookie, locale: 'en-US' });
    await en.page.goto('/opportunities');
    await expect
      .poll(() => en.page.locator('tr').filter({ hasText: BIG }).first().textContent(), { timeout: WAIT })
      .toContain('¥142.8M');
  });
});
