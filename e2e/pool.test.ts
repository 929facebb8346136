// Prospect review and the shared pool 公海 (issue 6), one story: (1) a manager opens the prospect
// review, sees their rep's accounts without won deals ranked by score with the bottom 35% flagged,
// and drops the last one to 公海 after confirming; (2) another rep, whose scope is their own
// accounts, opens 公海 on a phone, finds it, claims it after confirming, sees their claim count go
// up and the account in their own accounts list; the page fits 390 px.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { PoolPage } from '../core/schemas/pool.ts';
import { ok } from './activities-util.ts';
import { WAIT, pageScrollWidth, settled, shot, still, waitForPath, navTo } from './util.ts';

const WIDTH = 390;

describe.skipIf(!hasChromium)('prospect review and the shared pool', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let manager: Awaited<ReturnType<Factories['user']>>;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let target: AccountDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const team = await f.team({ name: '华东区' });
    manager = await f.user({ role: 'manager', teamId: team.id, name: '周经理' });
    const owner = await f.user({ role: 'rep', teamId: team.id, managerId: manager.id, name: '陈一鸣' });
    rep = await f.user({ role: 'rep', name: '林小雨' });
    const scored: [string, number][] = [
      ['苏州轨道交通集团', 85],
      ['常州市第二人民医院', 60],
      ['无锡市人民医院', 15],
    ];
    for (const [name, score] of scored) {
      const a = await f.account(owner.client, {
        name,
        ownershipType: 'institution',
        province: '江苏省',
        industry: '医疗',
      });
      await e.t.database.db.execute(sql`update accounts set score = ${score} where id = ${a.id}`);
      if (score === 15) target = a;
    }
    // Billed before OpenKAM, no deal won in it yet: a customer, so never on the prospect list.
    const billed = await f.account(owner.client, { name: '上海市第六人民医院', ourRevenue: '95900000.00' });
    await e.t.database.db.execute(sql`update accounts set score = 95 where id = ${billed.id}`);
    await f.account(f.admin, {
      name: '苏州工业园区管委会',
      ownershipType: 'government',
      ownerId: null,
      province: '江苏省',
      city: '苏州市',
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('a manager drops the lowest-scored prospect to 公海', async () => {
    const page = await e.page({ cookie: manager.client.cookie });
    await page.goto('/accounts');
    await navTo(page, 'nav-prospects');
    await waitForPath(page, /^\/analysis\/prospects$/);
    const table = page.getByTestId('prospects-table');
    await expect
      .poll(() => table.getByTestId('prospect-name').allTextContents(), { timeout: WAIT })
      .toEqual(['苏州轨道交通集团', '常州市第二人民医院', '无锡市人民医院']);
    // ⌈3 × 35%⌉ = 2 flagged, the bottom two.
    expect(await page.getByTestId('prospect-candidates').locator('.ant-statistic-content-value').textContent()).toBe(
      '2',
    );
    expect(await page.getByTestId('prospect-cut').textContent()).toBe('3 的 35% = 1.05 → 2（向上取整）');
    const rows = table.locator('tr.ant-table-row');
    expect(await rows.nth(0).getByTestId('drop-candidate').count()).toBe(0);
    expect(await rows.nth(2).getByTestId('drop-candidate').count()).toBe(1);
    await settled(page);
    await shot(page, 'prospects');

    await rows.nth(2).getByTestId('review-pool').click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '放入公海？' });
    await confirm.waitFor({ timeout: WAIT });
    await still(confirm);
    const reviewed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/accounts/${target.id}/review` && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await confirm.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    const res = await reviewed;
    expect(res.status(), await res.text()).toBe(200);
    // Now nobody's prospect: off the list.
    await expect
      .poll(() => table.getByTestId('prospect-name').allTextContents(), { timeout: WAIT })
      .toEqual(['苏州轨道交通集团', '常州市第二人民医院']);
  });

  test('another rep opens 公海 on a phone, claims it with confirmation and finds it among their accounts', async () => {
    const page = await e.page({ mobile: true, cookie: rep.client.cookie });
    await page.goto('/pool');
    await page.getByTestId('pool-page').waitFor({ timeout: WAIT });
    const cards = page.getByTestId('pool-card');
    await expect
      .poll(async () => (await cards.getByTestId('pool-name').allTextContents()).sort(), { timeout: WAIT })
      .toEqual(['无锡市人民医院', '苏州工业园区管委会']);
    expect(await page.getByTestId('my-claims').textContent()).toBe('我已领取 0 / 20');
    await settled(page);
    await shot(page, 'pool-mobile');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(WIDTH + 1);

    await page.getByTestId('pool-search').locator('input').fill('无锡');
    await page.getByTestId('pool-search').locator('input').press('Enter');
    await expect
      .poll(() => cards.getByTestId('pool-name').allTextContents(), { timeout: WAIT })
      .toEqual(['无锡市人民医院']);

    await cards.getByTestId('claim').click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '领取“无锡市人民医院”？' });
    await confirm.waitFor({ timeout: WAIT });
    await still(confirm);
    expect(await confirm.textContent()).toContain('1 / 20');
    const claimed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/pool/${target.id}/claim` && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await confirm.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    const res = await claimed;
    expect(res.status(), await res.text()).toBe(200);
    await page.getByTestId('claimed-message').waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('my-claims').textContent(), { timeout: WAIT }).toBe('我已领取 1 / 20');
    await expect.poll(() => cards.count(), { timeout: WAIT }).toBe(0);

    expect(ok<PoolPage>(await rep.client.get('/api/pool')).items.map((i) => i.name)).toEqual(['苏州工业园区管委会']);
    await page.goto('/accounts');
    await expect
      .poll(() => page.getByTestId('account-card').getByTestId('account-link').allTextContents(), { timeout: WAIT })
      .toEqual(['无锡市人民医院']);
  });
});
