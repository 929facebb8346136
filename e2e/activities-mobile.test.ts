// Field-ready (issue 4): on a 390 px phone the activity list, an activity, logging the call, the
// visit plan form and the task list and form fit the screen — stacked, no sideways scrolling.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import type { Activity } from '../core/schemas/activities.ts';
import { localDate } from '../core/time.ts';
import { WAIT, pageScrollWidth, settled, shot, still } from './util.ts';
import { ok, TIME_ZONE } from './activities-util.ts';

const WIDTH = 390;

describe.skipIf(!hasChromium)('activities and tasks at 390 px', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;
  let account: AccountDetail;
  let boss: Contact;
  let visit: Activity;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    // Long names and long text: what pushes a narrow layout sideways.
    account = await f.account(f.admin, {
      name: '中国石油天然气集团有限公司华北地区销售分公司信息技术服务中心',
      ownershipType: 'soe',
    });
    boss = await f.contact(f.admin, {
      accountId: account.id,
      name: '欧阳志远',
      title: '信息技术服务中心副主任兼首席信息安全官',
    });
    const today = localDate(new Date(), TIME_ZONE);
    visit = ok<Activity>(
      await f.admin.post('/api/activities', {
        type: 'after_sales',
        subject: '售后回访：统一身份认证平台上线三个月后的使用情况与满意度调查及二期需求初步沟通',
        accountId: account.id,
        contactIds: [boss.id],
        plannedStart: `${today}T09:00:00+08:00`,
        plannedEnd: `${today}T10:00:00+08:00`,
        place: '河北省石家庄市长安区中山东路一百八十八号中石油大厦二十三层第三会议室',
        objective: '了解上线后的使用问题，收集二期需求，确认满意度',
        steps: ['回顾上线以来的运行数据和工单统计，逐项说明已解决和待解决的问题', '请对方评价服务并提出改进意见'],
      }),
    );
    for (const title of [
      '发送统一身份认证平台运行月报及二期需求调研问卷给信息技术服务中心',
      '约信息中心主任下周技术交流',
    ]) {
      ok(await f.admin.post('/api/tasks', { title, dueDate: today, accountId: account.id, contactId: boss.id }));
    }
    page = await e.page({ cookie: f.admin.cookie, mobile: true, timezoneId: TIME_ZONE });
  });
  afterAll(async () => {
    await e?.close();
  });

  async function fits(name: string): Promise<void> {
    await settled(page);
    await shot(page, `mobile-${name}`);
    const width = await pageScrollWidth(page);
    expect(width, `${name}: page is ${width}px wide on a ${WIDTH}px screen`).toBeLessThanOrEqual(WIDTH + 1);
  }

  /** An open drawer: full width, and nothing in it wider than the screen. */
  async function drawerFits(name: string): Promise<void> {
    const body = page.locator('.ant-drawer-body').last();
    await still(page.locator('.ant-drawer-content-wrapper').last());
    await shot(page, `mobile-${name}`);
    const { scroll, client, right } = await body.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      right: el.getBoundingClientRect().right,
    }));
    expect(scroll, `${name}: drawer content is ${scroll}px in a ${client}px drawer`).toBeLessThanOrEqual(client + 1);
    expect(right, name).toBeLessThanOrEqual(WIDTH + 1);
  }

  test('activity list and activity page fit; logging the call is a stacked full-width form', async () => {
    await page.goto('/activities');
    await page.getByTestId('activity-card').first().waitFor({ timeout: WAIT });
    expect(await page.locator('.ant-table').count()).toBe(0);
    await fits('activities');

    await page.getByTestId('activity-link').first().click();
    await page.getByTestId('activity-title').waitFor({ timeout: WAIT });
    await fits('activity');

    await page.getByTestId('log-activity').click();
    await page.getByTestId('complete-form').waitFor({ timeout: WAIT });
    // Service records ask for satisfaction.
    await page.getByTestId('complete-satisfaction').waitFor({ timeout: WAIT });
    await page.getByTestId('create-follow-up').click();
    await page.getByTestId('follow-up-card').waitFor({ timeout: WAIT });
    await drawerFits('activity-log');
    const yes = await page.getByTestId('next-meeting-yes').boundingBox();
    expect(yes, 'the next-meeting question is on screen').not.toBeNull();
    expect((yes?.x ?? 0) + (yes?.width ?? 0)).toBeLessThanOrEqual(WIDTH);

    await page.getByTestId('next-meeting-no').click();
    await page.locator('.ant-rate-star').nth(3).click();
    // No next steps written, so the follow-up needs its own title.
    await page.locator('#followUp_title').fill('寄送满意度调查报告');
    const done = page.waitForResponse((r) => /\/complete$/.test(new URL(r.url()).pathname), { timeout: WAIT });
    await page.getByTestId('complete-submit').click();
    expect((await done).status()).toBe(200);
    await expect
      .poll(async () => ok<Activity>(await f.admin.get(`/api/activities/${visit.id}`)).satisfaction, { timeout: WAIT })
      .toBe(4);
    await page.getByTestId('complete-form').waitFor({ state: 'detached', timeout: WAIT });
    await fits('activity-logged');
  });

  test('the visit plan form fits at every step', async () => {
    await page.goto('/activities');
    await page.getByTestId('new-activity').click();
    await page.getByTestId('activity-form').waitFor({ timeout: WAIT });
    for (const step of ['when', 'who', 'goal', 'talk']) {
      await page.getByTestId(`plan-step-${step}`).click();
      await drawerFits(`activity-plan-${step}`);
    }
  });

  test('task list and task form fit', async () => {
    await page.goto('/tasks');
    // The two seeded tasks and the follow-up logged in the first test.
    await expect.poll(() => page.getByTestId('task-card').count(), { timeout: WAIT }).toBe(3);
    expect(await page.locator('.ant-table').count()).toBe(0);
    await fits('tasks');

    await page.getByTestId('task-open').first().click();
    await page.getByTestId('task-form').waitFor({ timeout: WAIT });
    await drawerFits('task-form');
    await page.locator('.ant-drawer-close').last().click();
    await page.getByTestId('task-form').waitFor({ state: 'detached', timeout: WAIT });

    // Ticking a task off from the phone.
    const card = page.getByTestId('task-card').first();
    const id = await card.getAttribute('data-task-id');
    const saved = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/tasks/${id}` && r.request().method() === 'PATCH',
      { timeout: WAIT },
    );
    await card.getByTestId('task-done').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('task-card').count(), { timeout: WAIT }).toBe(2);
  });
});
