// Webhooks (issue 23, item 2) in the browser: an admin allows the company network, subscribes the ERP's
// URL to won deals and new accounts, copies the secret shown once, and sees in the delivery log a failed
// first attempt (the receiver answered 500), resends it and sees it delivered — the same delivery id
// and body, signed with the secret. On a phone, in English, the page fits the screen.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { startReceiver, type Receiver } from '../server/test/receiver.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, pageScrollWidth, settled, still } from './util.ts';

describe.skipIf(!hasChromium)('webhooks', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rx: Receiver;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rx = await startReceiver();
  });
  afterAll(async () => {
    // Paused: nothing of this organisation's waits in the worker's database for a later file.
    const items = (await f.admin.get('/api/webhooks')).json<{ items: { id: string }[] }>().items;
    for (const w of items) await f.admin.delete(`/api/webhooks/${w.id}`);
    await rx?.close();
    await e?.close();
  });

  test('an admin subscribes a URL, reads the delivery log and resends a failed delivery', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/admin/webhooks');
    await page.getByText('还没有推送').waitFor({ timeout: WAIT });
    // The receiver runs on loopback: the company network has to be allowed first.
    await page.getByTestId('outbound-private').click();
    await expect.poll(() => page.getByTestId('outbound-private').getAttribute('aria-checked')).toBe('true');

    await page.getByTestId('webhook-create').click();
    const dialog = page.getByTestId('webhook-dialog');
    await still(dialog);
    await dialog.getByTestId('webhook-url').fill(`${rx.url}/erp`);
    await dialog.getByTestId('webhook-name').fill('ERP 同步');
    await dialog.getByTestId('webhook-event-account.created').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const secret = (await dialog.getByTestId('webhook-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    const violations = await seriousViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    const row = page.getByTestId('webhooks-table').locator('tr').filter({ hasText: 'ERP 同步' });
    await row.waitFor({ timeout: WAIT });
    expect(await row.innerText()).toContain('新建客户');

    // Edited twice while the page stays open: each save goes through (the form starts afresh each time).
    for (const name of ['ERP 同步（财务）', 'ERP 同步']) {
      await row.getByTestId('webhook-edit').click();
      await still(dialog);
      await dialog.getByTestId('webhook-name').fill(name);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: WAIT });
      await expect
        .poll(async () => (await f.admin.get('/api/webhooks')).json<{ items: { name: string }[] }>().items[0]?.name)
        .toBe(name);
    }

    rx.answer(500);
    const account = await f.account(f.admin, { name: '推送测试医院' });
    await e.t.app.webhooks.tick();
    await row.getByTestId('webhook-deliveries').click();
    const log = page.getByTestId('delivery-log');
    const delivery = log.getByTestId('delivery-row').filter({ hasText: '新建客户' });
    await delivery.waitFor({ timeout: WAIT });
    expect(await delivery.innerText()).toContain('重试中');
    expect(await delivery.innerText()).toContain('500');
    await delivery.click();
    await log.getByTestId('delivery-detail').waitFor({ timeout: WAIT });
    expect(await log.getByTestId('delivery-detail').textContent()).toContain('X-OpenKAM-Delivery');
    await log.getByTestId('delivery-resend').click();
    await page.getByText('已重新加入发送队列').waitFor({ timeout: WAIT });
    await e.t.app.webhooks.tick();
    await expect
      .poll(async () => await log.getByTestId('delivery-row').first().innerText(), { timeout: WAIT })
      .toContain('成功');

    const ours = rx.received.filter((r) => r.body.includes(account.id));
    expect(ours).toHaveLength(2);
    expect(ours[1].headers['x-openkam-delivery']).toBe(ours[0].headers['x-openkam-delivery']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(ours[1].headers['x-openkam-signature'])) ?? [];
    expect(createHmac('sha256', secret).update(`${t}.${ours[1].body}`).digest('hex')).toBe(v1);
  });

  test('on a phone, in English, the page fits the screen', async () => {
    const page = await e.page({ cookie: f.admin.cookie, mobile: true, locale: 'en' });
    await page.goto('/admin/webhooks');
    await page.getByTestId('webhook-card').first().waitFor({ timeout: WAIT });
    await page.getByText('Outbound addresses').waitFor({ timeout: WAIT });
    await settled(page);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });
});
