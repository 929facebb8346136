// API tokens (issue 23, item 1) in the browser: a rep opens API 令牌 from the user menu, makes a
// read-only token for the finance system, copies the secret shown once — which then reads the rep's
// accounts through the API and is refused a write — and revokes it, after which it answers 401. An
// admin sees every member's tokens; on a phone, in English, the page fits the screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, pageScrollWidth, settled, still } from './util.ts';

describe.skipIf(!hasChromium)('API tokens', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep', name: '令牌代表' });
    await f.account(rep.client, { name: '令牌读取医院', ownershipType: 'institution' });
  });
  afterAll(async () => {
    await e?.close();
  });

  const bearer = (token: string, method = 'GET', body?: unknown) =>
    fetch(`${e.baseUrl}/api/accounts`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });

  test('a rep makes a read-only token, uses it, and revokes it', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto('/accounts');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-tokens').click();
    await page.getByText('还没有令牌').waitFor({ timeout: WAIT });

    await page.getByTestId('token-create').click();
    const dialog = page.getByTestId('token-dialog');
    await still(dialog);
    await dialog.getByTestId('token-name').fill('财务系统读取');
    // Read-only is the default.
    expect(await dialog.getByTestId('token-read-only').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '新建令牌' }).click();
    const secret = (await dialog.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^okam_/);
    await expect.poll(() => dialog.getByText('令牌只显示这一次').count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: '我已保存' }).click();

    const row = page.getByTestId('tokens-table').locator('tr').filter({ hasText: '财务系统读取' });
    await row.waitFor({ timeout: WAIT });
    expect(await row.innerText()).toContain('只读');

    // The secret works for reads as the rep, and is refused writes.
    const read = await bearer(secret);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { items: { name: string }[] }).items.map((a) => a.name)).toContain('令牌读取医院');
    expect((await bearer(secret, 'POST', { name: '写入', ownershipType: 'institution' })).status).toBe(403);
    await page.reload();
    await row.waitFor({ timeout: WAIT });
    // Last used: a time now, no longer —.
    expect(await row.innerText()).not.toContain('—');

    await row.getByTestId('token-revoke').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('已撤销').waitFor({ timeout: WAIT });
    expect((await bearer(secret)).status).toBe(401);
  });

  test('an admin sees every member’s tokens; on a phone, in English, the page fits', async () => {
    await rep.client.post('/api/tokens', { name: 'BI 报表' });
    const page = await e.page({ cookie: f.admin.cookie, mobile: true, locale: 'en' });
    await page.goto('/tokens');
    await page.getByText('No tokens yet').waitFor({ timeout: WAIT });
    await page.getByTestId('tokens-scope').getByText('All members').click();
    const card = page.getByTestId('token-card').filter({ hasText: 'BI 报表' });
    await card.waitFor({ timeout: WAIT });
    expect(await card.innerText()).toContain('令牌代表');
    await settled(page);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });
});
