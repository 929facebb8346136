// Feedback (issue 21 item 9): something on screen while the app or a record loads, a task ticked off
// before the server answers (and put back with a reason when the save fails), and every save says so.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Task } from '../core/schemas/tasks.ts';
import { localDate } from '../core/time.ts';
import { WAIT } from './util.ts';
import { browserContext, ok, TIME_ZONE } from './activities-util.ts';

/** A door the test opens: requests routed through it wait until `open()`. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { wait, open };
}

/** The checkbox's own input: antd puts the test id on a wrapper in some versions and on the input in others. */
const checkbox = (row: Locator) => row.locator('input[type="checkbox"]');

describe.skipIf(!hasChromium)('loading states, optimistic toggles and save messages', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let context: BrowserContext;
  let page: Page;
  let account: AccountDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    account = await f.account(f.admin, { name: '反馈测试客户' });
    ({ context, page } = await browserContext(e, { cookie: f.admin.cookie }));
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  test('a spinner shows while the app script loads, never a blank page', async () => {
    const door = gate();
    const held = (route: Route) => door.wait.then(() => route.continue());
    await page.route('**/*.js', held);
    await page.goto('/accounts', { waitUntil: 'commit' });
    await page.getByTestId('boot-loading').waitFor({ state: 'visible', timeout: WAIT });
    door.open();
    await page.getByTestId('boot-loading').waitFor({ state: 'detached', timeout: WAIT });
    await page.unroute('**/*.js', held);
  });

  test('a detail page shows its skeleton until the record arrives', async () => {
    const door = gate();
    const path = `**/api/accounts/${account.id}`;
    const held = (route: Route) => door.wait.then(() => route.continue());
    await page.route(path, held);
    await page.goto(`/accounts/${account.id}`);
    await page.getByTestId('page-skeleton').waitFor({ state: 'visible', timeout: WAIT });
    door.open();
    await page.getByText('反馈测试客户').first().waitFor({ timeout: WAIT });
    await page.getByTestId('page-skeleton').waitFor({ state: 'detached', timeout: WAIT });
    await page.unroute(path, held);
  });

  test('ticking a task off shows at once; a failed save puts it back and says what to do', async () => {
    const today = localDate(new Date(), TIME_ZONE);
    const task = ok<Task>(await f.admin.post('/api/tasks', { title: '乐观更新测试任务', dueDate: today }));
    const path = `**/api/tasks/${task.id}`;
    await page.goto('/tasks');
    const row = page.locator(`[data-task-id="${task.id}"]`);
    await row.waitFor({ timeout: WAIT });
    const box = checkbox(row);
    expect(await box.isChecked()).toBe(false);

    // The connection drops: ticked while waiting, unticked after, and the message says the change was lost.
    const failing = gate();
    const dropped = (route: Route) =>
      route.request().method() === 'PATCH' ? failing.wait.then(() => route.abort('failed')) : route.continue();
    await page.route(path, dropped);
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: WAIT }).toBe(true);
    failing.open();
    await expect.poll(() => box.isChecked(), { timeout: WAIT }).toBe(false);
    await page.locator('.ant-message-error').getByText('您的修改未保存').waitFor({ timeout: WAIT });
    expect(ok<Task>(await f.admin.get(`/api/tasks/${task.id}`)).done).toBe(false);
    await page.unroute(path, dropped);

    // A slow save: ticked before the server answers, then 已保存.
    const slow = gate();
    const delayed = (route: Route) =>
      route.request().method() === 'PATCH' ? slow.wait.then(() => route.continue()) : route.continue();
    await page.route(path, delayed);
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: WAIT }).toBe(true);
    expect(ok<Task>(await f.admin.get(`/api/tasks/${task.id}`)).done).toBe(false);
    slow.open();
    await page.locator('.ant-message-success').getByText('已保存').waitFor({ timeout: WAIT });
    await expect
      .poll(async () => ok<Task>(await f.admin.get(`/api/tasks/${task.id}`)).done, { timeout: WAIT })
      .toBe(true);
    await page.unroute(path, delayed);
  });

  test('a card moved on the board shows in its new column at once, and goes back when the save fails', async () => {
    const deal = await f.deal(f.admin, { accountId: account.id, name: '看板乐观测试商机' });
    const path = `**/api/opportunities/${deal.id}`;
    await page.goto('/pipeline');
    const card = page.locator(`[data-testid="board-card"][data-opportunity-id="${deal.id}"]`);
    await card.waitFor({ timeout: WAIT });
    const columnOf = () =>
      card.locator('xpath=ancestor::*[@data-testid="board-column"]').getAttribute('data-stage-id', { timeout: WAIT });
    const from = await columnOf();
    const moveToNext = async () => {
      await card.getByTestId('board-card-move').click();
      const item = page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').first();
      await item.waitFor({ timeout: WAIT });
      await item.click();
    };

    const failing = gate();
    const dropped = (route: Route) =>
      route.request().method() === 'PATCH' ? failing.wait.then(() => route.abort('failed')) : route.continue();
    await page.route(path, dropped);
    await moveToNext();
    await expect.poll(columnOf, { timeout: WAIT }).not.toBe(from);
    failing.open();
    await expect.poll(columnOf, { timeout: WAIT }).toBe(from);
    await page.locator('.ant-message-error').getByText('您的修改未保存').waitFor({ timeout: WAIT });
    await page.unroute(path, dropped);

    const slow = gate();
    const delayed = (route: Route) =>
      route.request().method() === 'PATCH' ? slow.wait.then(() => route.continue()) : route.continue();
    await page.route(path, delayed);
    await moveToNext();
    await expect.poll(columnOf, { timeout: WAIT }).not.toBe(from);
    const to = await columnOf();
    slow.open();
    // The seeded stages have exit criteria: the server asks first, and the card waits in its new column.
    const saved = page.locator('.ant-message-success').getByText('已移至');
    const ask = page.getByTestId('confirm-unmet');
    await saved.or(ask).first().waitFor({ timeout: WAIT });
    if (await ask.isVisible()) {
      expect(await columnOf()).toBe(to);
      // Watched from before the click: the message shows for 3 s, which a busy machine can spend
      // between the click and a wait that starts after it.
      const shown = saved.waitFor({ timeout: WAIT });
      await ask.click();
      await shown;
    }
    await expect
      .poll(async () => ok<{ stageId: string }>(await f.admin.get(`/api/opportunities/${deal.id}`)).stageId, {
        timeout: WAIT,
      })
      .toBe(to);
    await page.unroute(path, delayed);
  });

  test('a refusal for lack of permission tells the user to ask an admin', async () => {
    const today = localDate(new Date(), TIME_ZONE);
    const task = ok<Task>(await f.admin.post('/api/tasks', { title: '权限提示测试任务', dueDate: today }));
    const path = `**/api/tasks/${task.id}`;
    const refused = (route: Route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 403,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 403,
              code: 'forbidden',
              message: '没有权限执行此操作',
              messages: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
            }),
          })
        : route.continue();
    await page.route(path, refused);
    await page.goto('/tasks');
    const row = page.locator(`[data-task-id="${task.id}"]`);
    await row.waitFor({ timeout: WAIT });
    await checkbox(row).click();
    await page.locator('.ant-message-error').getByText('请联系管理员').waitFor({ timeout: WAIT });
    await expect.poll(() => checkbox(row).isChecked(), { timeout: WAIT }).toBe(false);
    await page.unroute(path, refused);
  });
});
