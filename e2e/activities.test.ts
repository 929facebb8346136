// Visits through the UI (issue 4), one story in order: (1) plan a visit for an account in the
// four-step plan form and print its one-page sheet, (2) log the call — the customer proposed the
// next meeting — with a follow-up task due today, (3) find that task in Tasks and its reminder in
// the notification centre, (4) see the visit and the task on the calendar's week view.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import type { Activity, Reminders } from '../core/schemas/activities.ts';
import type { Task } from '../core/schemas/tasks.ts';
import type { PageOf } from '../core/schemas/common.ts';
import { localDate } from '../core/time.ts';
import { WAIT, formItem, settled, shot, still, waitForPath } from './util.ts';
import { calendarEvent, dragBySlots, fillDate, ok, pickOptions, TIME_ZONE } from './activities-util.ts';

const SUBJECT = '拜访信息中心：数据中台方案交流';
const OBJECTIVE = '确认二期预算与立项时间，约定技术交流会';
const STEPS = ['寒暄，回顾上次会议纪要', '介绍数据中台方案与同类客户案例', '请对方介绍预算与立项流程'];
const NEXT_STEPS = '发送方案建议书并约定技术交流会\n抄送信息中心主任';
const FOLLOW_UP = '发送方案建议书并约定技术交流会';

describe.skipIf(!hasChromium)('activities: plan a visit, log it, follow up, calendar', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;
  let account: AccountDetail;
  let director: Contact;
  let engineer: Contact;
  let activityId = '';
  /** Today where the organisation is (its reminders count days there); the browser shares the zone. */
  const today = localDate(new Date(), TIME_ZONE);

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    account = await f.account(f.admin, { name: '北京市卫生健康委员会', ownershipType: 'government', tier: 'A' });
    director = await f.contact(f.admin, { accountId: account.id, name: '李文华', title: '信息中心主任' });
    engineer = await f.contact(f.admin, { accountId: account.id, name: '王海', title: '系统工程师' });
    page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('plan a visit from the account page through the four steps and print the plan', async () => {
    await page.goto(`/accounts/${account.id}`);
    await page.getByTestId('quick-plan-visit').click();
    const form = page.getByTestId('activity-form');
    await form.waitFor({ timeout: WAIT });
    await still(page.locator('.ant-drawer-content-wrapper'));

    // Step 1: when and where. Type and account come prefilled (a visit, this account).
    await expect
      .poll(() => formItem(page, 'type').locator('.ant-select').innerText(), { timeout: WAIT })
      .toContain('拜访');
    expect(await formItem(page, 'accountId').locator('.ant-select').innerText()).toContain(account.name);
    await page.locator('#subject').fill(SUBJECT);
    await fillDate(page, 'plannedStart', `${today} 09:00`);
    await fillDate(page, 'plannedEnd', `${today} 10:30`);
    await page.locator('#place').fill('卫健委 3 楼会议室');
    await page.getByTestId('plan-next').click();

    // Step 2: who. Customer attendees are the account's contacts.
    await page.getByTestId('activity-contacts').waitFor({ state: 'visible', timeout: WAIT });
    await pickOptions(page, page.getByTestId('activity-contacts'), [
      `${director.name} · ${director.title}`,
      `${engineer.name} · ${engineer.title}`,
    ]);
    await page.getByTestId('plan-next').click();

    // Step 3: objective and ordered steps.
    await page.locator('#objective').fill(OBJECTIVE);
    for (let i = 0; i < STEPS.length; i++) {
      if (i > 0) await page.getByTestId('add-step').click();
      await page.getByTestId('activity-step').nth(i).fill(STEPS[i]);
    }
    await page.getByTestId('plan-next').click();

    // Step 4: talking points and the dining plan.
    await page.locator('#talkingPoints').fill('强调同类卫健委项目的上线周期');
    await page.locator('#diningPlan').fill('午餐：单位食堂，不安排宴请');
    await shot(page, 'activity-plan-form');
    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/activities' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await page.getByTestId('plan-save').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);

    await waitForPath(page, /^\/activities\/[0-9a-f-]{36}$/);
    activityId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('activity-page').waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('activity-title').textContent(), { timeout: WAIT }).toBe(SUBJECT);
    expect(await page.getByTestId('activity-steps-view').locator('li').allTextContents()).toEqual(STEPS);

    const a = ok<Activity>(await f.admin.get(`/api/activities/${activityId}`));
    expect(a).toMatchObject({
      type: 'visit',
      subject: SUBJECT,
      accountId: account.id,
      objective: OBJECTIVE,
      steps: STEPS,
      status: 'planned',
      place: '卫健委 3 楼会议室',
    });
    expect(a.contacts.map((c) => c.id).sort()).toEqual([director.id, engineer.id].sort());
    expect(a.durationMinutes).toBe(90);

    // The one-page plan: a bare sheet with a print button.
    await page.getByTestId('print-plan').click();
    await waitForPath(page, /^\/activities\/[0-9a-f-]{36}\/print$/);
    const sheet = page.getByTestId('plan-sheet');
    await sheet.waitFor({ timeout: WAIT });
    expect(await page.getByTestId('side-nav').count()).toBe(0);
    expect(await page.getByTestId('sheet-objective').textContent()).toBe(OBJECTIVE);
    expect(await page.getByTestId('sheet-steps').locator('li').allTextContents()).toEqual(STEPS);
    expect(await sheet.textContent()).toContain(`${director.name} · ${director.title}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await shot(page, 'activity-plan-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('log the call: next meeting proposed, with a follow-up task due today', async () => {
    expect(activityId).not.toBe('');
    await page.goto(`/activities/${activityId}`);
    await page.getByTestId('log-activity').click();
    await page.getByTestId('complete-form').waitFor({ timeout: WAIT });
    await still(page.locator('.ant-drawer-content-wrapper'));

    // The question is required: saving without an answer is refused on the spot.
    await page.getByTestId('complete-submit').click();
    await formItem(page, 'nextMeetingProposed').locator('.ant-form-item-explain-error').waitFor({ timeout: WAIT });

    await page.getByTestId('next-meeting-yes').click();
    await page.locator('#outcome').fill('对方认可方案方向，预算已列入明年计划');
    await page.locator('#nextSteps').fill(NEXT_STEPS);
    await page.getByTestId('create-follow-up').click();
    // The follow-up's title comes from the first line of the next steps.
    await expect.poll(() => page.locator('#followUp_title').inputValue(), { timeout: WAIT }).toBe(FOLLOW_UP);
    await fillDate(page, 'followUp_dueDate', today);
    await shot(page, 'activity-log');
    const completed = page.waitForResponse(
      (r) => /\/api\/activities\/[^/]+\/complete$/.test(new URL(r.url()).pathname),
      { timeout: WAIT },
    );
    await page.getByTestId('complete-submit').click();
    const res = await completed;
    expect(res.status(), await res.text()).toBe(200);
    const body = (await res.json()) as Activity & { followUpTaskId: string | null };
    expect(body).toMatchObject({ status: 'done', nextMeetingProposed: true, nextSteps: NEXT_STEPS });
    expect(body.followUpTaskId).toBeTruthy();

    await page.getByTestId('complete-form').waitFor({ state: 'detached', timeout: WAIT });
    await expect
      .poll(() => page.getByTestId('activity-status').first().textContent(), { timeout: WAIT })
      .toBe('已完成');
    expect(await page.getByTestId('activity-results').getByTestId('next-meeting-tag').textContent()).toBe('是');

    const tasks = ok<PageOf<Task>>(await f.admin.get(`/api/tasks?accountId=${account.id}`)).items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: body.followUpTaskId,
      title: FOLLOW_UP,
      dueDate: today,
      activityId,
      done: false,
    });
  });

  test('the follow-up task is in Tasks and its reminder in the notification centre', async () => {
    await page.goto('/tasks');
    const row = page.getByTestId('task-row').filter({ hasText: FOLLOW_UP });
    await row.waitFor({ timeout: WAIT });
    expect(await row.textContent()).toContain(today);
    expect(await row.textContent()).toContain(account.name);
    await row.getByText('今天到期').waitFor({ timeout: WAIT });

    // The bell counts it; the panel says what it is about; a click opens the task.
    const reminders = ok<Reminders>(await f.admin.get('/api/reminders'));
    const mine = reminders.items.find((r) => r.entityType === 'task' && r.message.includes(FOLLOW_UP));
    expect(mine, JSON.stringify(reminders)).toMatchObject({ kind: 'task_due_soon', read: false });
    await expect
      .poll(() => page.getByTestId('notification-count').locator('.ant-badge-count').textContent(), { timeout: WAIT })
      .toBe(String(reminders.unread));
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('reminder').filter({ hasText: FOLLOW_UP });
    await item.waitFor({ timeout: WAIT });
    expect(await item.getAttribute('data-read')).toBe('false');
    await shot(page, 'reminders');
    await item.click();
    await page.waitForURL((u) => u.pathname === '/tasks' && u.searchParams.get('open') === mine?.entityId, {
      timeout: WAIT,
    });
    await expect.poll(() => page.locator('#title').inputValue(), { timeout: WAIT }).toBe(FOLLOW_UP);
    // Opening it marked it read, on the server too.
    await expect
      .poll(
        async () => ok<Reminders>(await f.admin.get('/api/reminders')).items.find((r) => r.key === mine?.key)?.read,
        { timeout: WAIT },
      )
      .toBe(true);
    await settled(page);
  });

  test("the account's timeline has the visit and the follow-up task", async () => {
    await page.goto(`/accounts/${account.id}?tab=timeline`);
    const feed = page.getByTestId('timeline');
    await feed.waitFor({ timeout: WAIT });
    const visit = feed.locator('[data-testid="timeline-item"][data-kind="activity"]').filter({ hasText: SUBJECT });
    await visit.waitFor({ timeout: WAIT });
    expect(await visit.textContent()).toContain('对方提出下次约见');
    await feed
      .locator('[data-testid="timeline-item"][data-kind="task"]')
      .filter({ hasText: FOLLOW_UP })
      .waitFor({ timeout: WAIT });
    await shot(page, 'account-timeline');
    await visit.getByRole('link', { name: SUBJECT }).click();
    await waitForPath(page, new RegExp(`^/activities/${activityId}$`));
  });

  test('the visit and its follow-up task are on the calendar week view', async () => {
    await page.goto('/calendar');
    await page.locator('.fc-timeGridWeek-view').waitFor({ timeout: WAIT });
    const visit = calendarEvent(page, 'activity', activityId);
    await visit.waitFor({ timeout: WAIT });
    expect(await visit.textContent()).toContain(SUBJECT);
    const task = page.locator('[data-testid="calendar-event"][data-kind="task"]').filter({ hasText: FOLLOW_UP });
    await task.waitFor({ timeout: WAIT });
    await shot(page, 'calendar-week');
    await visit.click();
    await waitForPath(page, new RegExp(`^/activities/${activityId}$`));
  });

  test('drag a planned call an hour later on the calendar; a stale drag goes back where it was', async () => {
    const call = ok<Activity>(
      await f.admin.post('/api/activities', {
        type: 'call',
        subject: '电话确认交流会时间',
        accountId: account.id,
        plannedStart: `${today}T14:00:00+08:00`,
        plannedEnd: `${today}T14:30:00+08:00`,
      }),
    );
    await page.goto('/calendar');
    const card = calendarEvent(page, 'activity', call.id);
    await card.waitFor({ timeout: WAIT });

    const patched = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/activities/${call.id}` && r.request().method() === 'PATCH',
      { timeout: WAIT },
    );
    await dragBySlots(page, card, 2);
    const res = await patched;
    expect(res.status(), await res.text()).toBe(200);
    const moved = ok<Activity>(await f.admin.get(`/api/activities/${call.id}`));
    expect(new Date(moved.plannedStart).toISOString()).toBe(new Date(`${today}T15:00:00+08:00`).toISOString());
    expect(moved.durationMinutes).toBe(30);
    await expect.poll(() => card.textContent(), { timeout: WAIT }).toContain('15:00');

    // Someone else edits it meanwhile: the drag is refused (409), the card returns and the conflict is explained.
    ok(await f.admin.patch(`/api/activities/${call.id}`, { version: moved.version, place: '电话' }));
    const before = await card.boundingBox();
    const refused = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/activities/${call.id}` && r.request().method() === 'PATCH',
      { timeout: WAIT },
    );
    await dragBySlots(page, card, 2);
    expect((await refused).status()).toBe(409);
    await page.locator('.ant-modal-confirm').filter({ hasText: '记录已被修改' }).waitFor({ timeout: WAIT });
    await expect.poll(async () => (await card.boundingBox())?.y, { timeout: WAIT }).toBe(before?.y);
    expect(new Date(ok<Activity>(await f.admin.get(`/api/activities/${call.id}`)).plannedStart).toISOString()).toBe(
      new Date(`${today}T15:00:00+08:00`).toISOString(),
    );
  });
});
