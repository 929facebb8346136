// Group robots (issue 23, item 3) in the browser: an admin opens 群机器人, adds the team's 钉钉 robot (a
// loopback fake of 钉钉 that checks the 加签 signature) with its secret and events, sends a test message
// and sees it delivered in the delivery log; with a mistyped secret the next test shows 签名不匹配 there.
// On a phone, in English, the page fits the screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { fakeDingtalk, type FakeService } from '../server/test/robot-services.ts';
import type { RobotList } from '../core/schemas/robots.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, formItem, shot, navTo, pageScrollWidth, settled, still } from './util.ts';

const SECRET = `SEC${'9f8e'.repeat(16)}`;

describe.skipIf(!hasChromium)('group robots', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let ding: FakeService;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    ding = await fakeDingtalk(SECRET);
    await f.team({ name: '华东销售部' });
    // The fake runs on loopback: the company network has to be allowed.
    await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true });
  });
  afterAll(async () => {
    // Gone: nothing of this organisation's waits in the worker's database for a later file.
    const items = (await f.admin.get('/api/robots')).json<RobotList>().items;
    for (const r of items) await f.admin.delete(`/api/robots/${r.id}`);
    await ding?.close();
    await e?.close();
  });

  test('an admin adds a team’s 钉钉 robot, sends a test message and reads the delivery log', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    await navTo(page, 'nav-robots');
    await page.getByText('还没有群机器人').waitFor({ timeout: WAIT });

    await page.getByTestId('robot-create').click();
    const dialog = page.getByTestId('robot-dialog');
    await still(dialog);
    const teamSelect = formItem(page, 'teamId').locator('.ant-select');
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    const option = dropdown.getByText('华东销售部');
    const chosen = teamSelect.filter({ hasText: '华东销售部' });
    // A click while the tree's dropdown is still opening can be lost: pick until the select shows it.
    await expect
      .poll(
        async () => {
          if (await chosen.isVisible()) return true;
          if (!(await option.isVisible())) await teamSelect.click();
          await option.waitFor({ timeout: 2_000 }).catch(() => undefined);
          if (!(await option.isVisible())) return false;
          await still(dropdown.first());
          await option.click({ timeout: 2_000 }).catch(() => undefined);
          return chosen.isVisible();
        },
        { timeout: WAIT },
      )
      .toBe(true);
    // antd puts the test id on the radio's hidden input: its label is what a person clicks.
    await dialog
      .locator('label')
      .filter({ has: page.getByTestId('robot-kind-dingtalk') })
      .click();
    await dialog.getByTestId('robot-url').fill(ding.robotUrl);
    await dialog.getByTestId('robot-secret').fill(SECRET);
    await dialog.getByTestId('robot-event-followups.overdue').click();
    await dialog.getByTestId('robot-name').fill('华东销售群');
    const violations = await seriousViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();

    const row = page.getByTestId('robots-table').locator('tr').filter({ hasText: '华东销售群' });
    await row.waitFor({ timeout: WAIT });
    const text = await row.textContent();
    for (const part of ['华东销售部', '钉钉', '赢单', '逾期跟进提醒']) expect(text).toContain(part);
    expect(text).not.toContain(SECRET);

    await row.getByTestId('robot-test').click();
    await page.getByText('测试消息已加入发送队列').waitFor({ timeout: WAIT });
    await e.t.app.webhooks.tick();
    expect(ding.received).toHaveLength(1);
    expect(JSON.parse(ding.received[0].body).markdown.title).toBe('OpenKAM 群机器人测试消息');

    await row.getByTestId('robot-deliveries').click();
    const log = page.getByTestId('delivery-log');
    const delivery = log.getByTestId('delivery-row').filter({ hasText: '测试消息' });
    await delivery.waitFor({ timeout: WAIT });
    await expect.poll(() => delivery.textContent(), { timeout: WAIT }).toContain('成功');
    // Opened: its attempts and body; its id is the log's own (a robot gets no X-OpenKAM-Delivery header).
    await delivery.click();
    const detail = log.getByTestId('delivery-detail');
    await detail.waitFor({ timeout: WAIT });
    expect(await detail.textContent()).toContain('投递编号');
    expect(await detail.textContent()).not.toContain('X-OpenKAM-Delivery');
    await log.locator('.ant-drawer-close').click();
    await still(page.locator('.ant-drawer'));

    // A secret typed wrong: the service refuses the signature, and the log says so in words.
    await row.getByTestId('robot-edit').click();
    await still(dialog);
    await dialog.getByTestId('robot-secret').fill(`SEC${'00'.repeat(32)}`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // Saved: the dialog and its mask fade out (until then the mask takes the clicks).
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.ant-modal-wrap')].some((w) => getComputedStyle(w).display !== 'none'),
      undefined,
      { timeout: WAIT },
    );
    await row.getByTestId('robot-test').click();
    await page.getByText('测试消息已加入发送队列').last().waitFor({ timeout: WAIT });
    await e.t.app.webhooks.tick();
    await row.getByTestId('robot-deliveries').click();
    await expect
      .poll(async () => await log.getByTestId('delivery-row').first().textContent(), { timeout: WAIT })
      .toContain('签名不匹配');
    await shot(page, 'robots-log');
  });

  test('on a phone, in English, the page fits the screen', async () => {
    const team = await f.team({ name: '华南销售部' });
    const made = await f.admin.post('/api/robots', {
      teamId: team.id,
      kind: 'feishu',
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-e4f5',
      events: ['deal.won', 'deal.lost', 'activity.next_meeting'],
      active: false,
    });
    expect(made.statusCode, made.body).toBe(201);
    const page = await e.page({ cookie: f.admin.cookie, mobile: true, locale: 'en' });
    await page.goto('/admin/robots');
    await page.getByTestId('robot-card').first().waitFor({ timeout: WAIT });
    await page.getByText('Group robots').first().waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'robots-phone');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });
});
