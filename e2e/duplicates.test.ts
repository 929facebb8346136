// 查重 in the account form (issue 22): a rep types the name of a customer another rep registered, out
// of their scope, and is told only whose it is ("已由 张三 登记") while typing; the same credit code is
// refused under its field with no way round; a name match asks "仍要创建？" and creates once confirmed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { creditCodeCheckChar } from '../core/credit-code.ts';
import { WAIT, fieldError, formItem, pickOption, shot, still, waitForPath } from './util.ts';

const REGISTERED = '某市卫生健康委员会';
const FIRST17 = '11440300MB0000123';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);

describe.skipIf(!hasChromium)('duplicate check in the account form', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    // Two reps of different teams: neither sees the other's accounts.
    const zhang = await f.user({ role: 'rep', name: '张三' });
    const li = await f.user({ role: 'rep', name: '李四' });
    await f.account(zhang.client, { name: REGISTERED, ownershipType: 'government', creditCode: CODE });
    page = await e.page({ cookie: li.client.cookie });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('typing a registered name shows only its owner; the same credit code is refused; a name match is confirmed', async () => {
    await page.goto('/accounts');
    await page.getByTestId('new-account').click();
    await page.getByTestId('account-form').waitFor({ timeout: WAIT });

    // Spaces and a different spelling of the name: the same customer.
    await page.locator('#name').fill('某市 卫生健康委员会');
    const nameHint = formItem(page, 'name').getByTestId('duplicate-hint-account');
    await expect.poll(() => nameHint.textContent(), { timeout: WAIT }).toBe('名称相同 · 已由 张三 登记');
    await pickOption(
      page,
      page
        .locator('.ant-form-item')
        .filter({ has: page.locator('#ownershipType') })
        .locator('.ant-select'),
      '政府机关',
    );

    // The same credit code: shown while typing, refused on save, no question asked.
    await page.locator('#creditCode').fill(CODE);
    const codeHint = formItem(page, 'creditCode').getByTestId('duplicate-hint-account');
    await expect.poll(() => codeHint.textContent(), { timeout: WAIT }).toBe('统一社会信用代码相同 · 已由 张三 登记');
    await shot(page, 'account-form-duplicate-hint');
    await page.getByTestId('account-form-submit').click();
    await expect
      .poll(() => fieldError(page, 'creditCode'), { timeout: WAIT })
      .toBe('该统一社会信用代码已被其他客户使用');
    expect(await page.getByTestId('duplicate-confirm').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/accounts');
    // Nothing but the owner's name reached the page.
    expect(await page.getByTestId('account-form').textContent()).not.toContain(REGISTERED);

    // Without the code, the name match asks first: cancelled, nothing is created.
    await page.locator('#creditCode').fill('');
    await page.getByTestId('account-form-submit').click();
    const confirm = page.getByTestId('duplicate-confirm');
    await confirm.waitFor({ timeout: WAIT });
    await expect
      .poll(() => page.locator('.ant-modal-confirm-title').textContent(), { timeout: WAIT })
      .toBe('仍要创建？');
    expect(await confirm.textContent()).toContain('已由 张三 登记');
    await shot(page, 'account-form-duplicate-confirm');
    // Under load a click while the dialog still zooms in is lost: wait for it to stand still.
    await still(page.locator('.ant-modal-confirm'));
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await confirm.waitFor({ state: 'detached', timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/accounts');

    // Confirmed: created, and its page opens.
    await page.getByTestId('account-form-submit').click();
    await page.getByTestId('duplicate-confirm').waitFor({ timeout: WAIT });
    await still(page.locator('.ant-modal-confirm'));
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '仍要保存' }).click();
    await waitForPath(page, /^\/accounts\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('account-title').textContent(), { timeout: WAIT })
      .toBe('某市 卫生健康委员会');
  });
});
