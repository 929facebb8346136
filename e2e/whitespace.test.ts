// Account health, the group tab and whitespace through the UI (issue 6): a rep opens the whitespace
// page and sees a won cell with its amount and a blank one, then on a 390 px phone opens the group's
// account, its health breakdown and the group tab with the roll-up.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { formatMoney } from '../web/lib/money.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT, pageScrollWidth, settled, shot, waitForPath, navTo } from './util.ts';

describe.skipIf(!hasChromium)('whitespace and account health', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let hq: { id: string };

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep', name: '陈小华' });
    hq = await f.account(rep.client, { name: '中国华能集团', ourRevenue: '5000000.00', scope: 'national' });
    await f.account(rep.client, { name: '华能华东分公司', ourRevenue: '1200000.00', parentId: hq.id });
    const product = async (name: string, category: string) =>
      ok<{ id: string }>(await f.admin.post('/api/products', { name, category, listPrice: '100.00' })).id;
    const hardware = await product('边缘服务器', '硬件');
    await product('运维平台', '软件');
    const won = ok<{ items: { id: string; kind: string }[] }>(await f.admin.get('/api/stages')).items.find(
      (s) => s.kind === 'won',
    )!;
    await f.deal(rep.client, {
      accountId: hq.id,
      amount: undefined,
      stageId: won.id,
      items: [{ productId: hardware, quantity: '2', price: '150000.00' }],
    });
    await f.contact(rep.client, { accountId: hq.id, influence: 'high', coverage: 'multiple', attitude: 3 });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the whitespace page shows a won cell with its amount and a blank one', async () => {
    const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
    await page.goto('/accounts');
    await navTo(page, 'nav-whitespace');
    await waitForPath(page, /^\/analysis\/whitespace$/);
    const grid = page.getByTestId('whitespace-grid');
    const row = grid
      .locator('tr')
      .filter({ has: page.getByTestId('whitespace-account').filter({ hasText: '中国华能集团' }) });
    await row.waitFor({ timeout: WAIT });
    const cells = row.getByTestId('whitespace-cell');
    await expect.poll(() => cells.count(), { timeout: WAIT }).toBe(2);
    // Columns by category name: 硬件 won, 软件 still blank.
    const won = row.locator('[data-state="won"]');
    expect(await won.textContent()).toContain(formatMoney('300000.00', 'zh-CN', 'compact'));
    expect(await row.locator('[data-state="none"]').textContent()).toBe('空白');
    await shot(page, 'whitespace');
  });

  test('on a phone: the account shows its health, the breakdown and the group roll-up', async () => {
    const page = await e.page({ cookie: rep.client.cookie, mobile: true, timezoneId: TIME_ZONE });
    await page.goto(`/accounts/${hq.id}`);
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });
    await page.getByTestId('account-health-link').click();
    const card = page.getByTestId('account-health-card');
    await card.waitFor({ timeout: WAIT });
    await expect.poll(() => card.getByTestId('account-health-part').count(), { timeout: WAIT }).toBe(4);
    expect(await card.locator('[data-key="coverage"]').textContent()).toContain('1 位关键人');
    await shot(page, 'account-health-mobile');
    // Many tabs overflow a phone's tab bar; the tab lives in the address, as every account tab does.
    await page.goto(`/accounts/${hq.id}?tab=group`);
    const tree = page.getByTestId('group-tree');
    await tree.waitFor({ timeout: WAIT });
    await settled(page);
    const top = tree.locator('tr').filter({ has: page.locator('[data-current="true"]') });
    expect(await top.getByTestId('group-rolled-up').textContent()).toBe(formatMoney('6200000.00', 'zh-CN', 'compact'));
    await tree.getByText('华能华东分公司').waitFor({ timeout: WAIT });
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'account-group-mobile');
  });
});
