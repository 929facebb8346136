// Lists with totals (issue 21 item 4): every list says how many records match its filter (共 N 条, in
// the caller's scope, not the page), the sum of its money where it has any, the order it is in, and
// pages with the same "已显示 M / N 条 · 加载更多" footer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { WAIT } from './util.ts';
import type { ListSummary } from '../core/schemas/common.ts';

const TAG = '合计浏览器';

describe.skipIf(!hasChromium)('list totals, order and paging footer', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let page: Page;
  let accountId: string;

  const text = (id: string) => page.getByTestId(id).first().textContent();
  const money = () => page.getByTestId('list-amount').locator('[data-money]').getAttribute('data-money');

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep' });
    const other = await f.user({ role: 'rep' });
    const account = await f.account(rep.client, { name: `${TAG}客户`, ourRevenue: '20000000' });
    accountId = account.id;
    await f.account(other.client, { name: `${TAG}别人的客户`, ourRevenue: '90000000' });
    for (const amount of ['100000000', '42810000']) {
      await f.deal(rep.client, { accountId: account.id, name: `${TAG}商机${amount}`, amount });
    }
    await f.deal(other.client, { name: `${TAG}别人的商机`, amount: '555' });
    // More tasks than a page (30): the footer shows the page of the total and loads the rest.
    for (let i = 0; i < 32; i++) {
      const res = await rep.client.post('/api/tasks', { title: `${TAG}任务${i}`, dueDate: '2030-06-01' });
      expect(res.statusCode).toBe(201);
    }
    ({ page } = await e.context({ cookie: rep.client.cookie }));
  });
  afterAll(async () => {
    await e?.close();
  });

  test('deals: 共 N 条 and the amount total of the rep’s deals, the order named; a filter narrows both', async () => {
    await page.goto('/opportunities');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 2 条');
    expect(await text('list-amount')).toContain('¥1.43亿');
    // The exact sum from the server, in cents, behind the compact text.
    expect(await money()).toBe('142810000.00');
    expect(await text('list-sort')).toBe('排序：最近更新');
    expect(await text('list-shown')).toBe('已显示 2 / 2 条');

    await page.goto('/opportunities?status=won');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 0 条');
    expect(await money()).toBe('0.00');
  });

  test('accounts: our revenue total of the rep’s scope only', async () => {
    await page.goto('/accounts');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 1 条');
    expect(await money()).toBe('20000000.00');
    expect(await text('list-sort')).toBe('排序：最近更新');
  });

  test('an account’s deals tab: the same totals for that account', async () => {
    await page.goto(`/accounts/${accountId}?tab=opportunities`);
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 2 条');
    expect(await money()).toBe('142810000.00');
  });

  test('tasks: a page of 30 of 32, then the rest on 加载更多', async () => {
    await page.goto('/tasks');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 32 条');
    expect(await text('list-sort')).toBe('排序：未完成在前，按到期日');
    await expect.poll(() => text('list-shown'), { timeout: WAIT }).toBe('已显示 30 / 32 条');
    await page.getByTestId('load-more').click();
    await expect.poll(() => text('list-shown'), { timeout: WAIT }).toBe('已显示 32 / 32 条');
    expect(await page.getByTestId('load-more').count()).toBe(0);
  });

  test('in English', async () => {
    const { page: en } = await e.context({ cookie: rep.client.cookie, locale: 'en' });
    await en.goto('/opportunities');
    await expect.poll(() => en.getByTestId('list-total').textContent(), { timeout: WAIT }).toBe('2 in total');
    expect(await en.getByTestId('list-sort').textContent()).toBe('Sort: Recently updated');
    expect(await en.getByTestId('list-amount').textContent()).toContain('Amount total');
  });

  test('recycle bin and scores: 共 N 条 as their summaries count, the order named, M / N in the footer', async () => {
    const other = await f.user({ role: 'rep' });
    for (const [client, name] of [
      [rep.client, `${TAG}删除一`],
      [rep.client, `${TAG}删除二`],
      [other.client, `${TAG}别人删除`],
    ] as const) {
      const created = await f.account(client, { name });
      expect((await client.delete(`/api/accounts/${created.id}`)).statusCode).toBe(204);
    }
    const count = async (url: string) => (await rep.client.get(url)).json<ListSummary>().count;

    // The rep's two deletions, not the other rep's.
    expect(await count('/api/recycle-bin/summary')).toBe(2);
    await page.goto('/recycle-bin');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 2 条');
    expect(await text('list-sort')).toBe('排序：最近删除在前');
    await expect.poll(() => text('list-shown'), { timeout: WAIT }).toBe('已显示 2 / 2 条');
    await page.goto('/recycle-bin?entity=contact');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 0 条');

    // The rep's one live account; the deleted ones are not scored.
    expect(await count('/api/analysis/scores/summary')).toBe(1);
    await page.goto('/analysis/scoring');
    await expect.poll(() => text('list-total'), { timeout: WAIT }).toBe('共 1 条');
    expect(await text('list-sort')).toBe('排序：分数从高到低');
    await expect.poll(() => text('list-shown'), { timeout: WAIT }).toBe('已显示 1 / 1 条');
  });

  test('the admin catalogues (users, products, competitors) say how many they hold', async () => {
    const admin = await e.page({ cookie: f.admin.cookie });
    for (const [path, api] of [
      ['/admin/users', '/api/users'],
      ['/products', '/api/products'],
      ['/competitors', '/api/competitors'],
    ]) {
      const rows = (await f.admin.get(api)).json<{ items: unknown[] }>().items;
      await admin.goto(path);
      await expect
        .poll(() => admin.getByTestId('list-total').first().textContent(), { timeout: WAIT })
        .toBe(`共 ${rows.length} 条`);
    }
  });
});
