// Forms (issue 18). Enter in a date picker or a select never submits the form around it, and a
// second Enter while a save runs never saves twice. Every form with a date field is tried:
//   - the new-deal drawer (expected close date; and its stage select, and Enter twice in its name),
//   - the visit plan's step 1 (planned start; also Enter in its subject and type: a step before the
//     last never saves),
//   - the call log (the follow-up's due date),
//   - the task form (due date),
//   - the quota dialog (period),
//   - the contact form (birthday),
//   - the deal page's objective card, edited in place (objective by).
// (The account form has no date field; the planner's and the quota page's year pickers sit outside
// any form.) Then a call planned days ahead: it cannot be logged until its date is changed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Activity } from '../core/schemas/activities.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import { localDate } from '../core/time.ts';
import { WAIT, popupsClosed, still } from './util.ts';
import { fillDate, ok, TIME_ZONE } from './activities-util.ts';

const HOUR = 3_600_000;
const slot = (fromNowMs: number) => ({
  plannedStart: new Date(Date.now() + fromNowMs).toISOString(),
  plannedEnd: new Date(Date.now() + fromNowMs + HOUR).toISOString(),
});

describe.skipIf(!hasChromium)(
  'forms: Enter in a picker or select never submits; no double saves',
  { timeout: 180_000 },
  () => {
    let e: E2E;
    let f: Factories;
    let page: Page;
    let account: AccountDetail;
    /** Every write the page sent to the API since the last reset. */
    let writes: string[] = [];
    const today = localDate(new Date(), TIME_ZONE);

    beforeAll(async () => {
      e = await startE2E();
      f = await seededE2E(e);
      account = await f.account(f.admin, { name: '华东电网有限公司' });
      page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
      page.on('request', (r) => {
        if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'))
          writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
    });
    afterAll(async () => {
      await e?.close();
    });

    const count = async (url: string) => ok<{ items: unknown[] }>(await f.admin.get(url)).items.length;

    /** An open drawer or modal, once it has finished sliding in. */
    async function opened(testId: string): Promise<Locator> {
      const form = page.getByTestId(testId);
      await form.waitFor({ timeout: WAIT });
      await still(page.locator('.ant-drawer-content-wrapper, .ant-modal').last());
      return form;
    }

    /**
     * Types a value into a date input and presses Enter (three times, as the rep who made three
     * deals did), then lets the page settle: a submit would have sent its request by then.
     */
    async function enterInDate(id: string, value: string): Promise<void> {
      const input = page.locator(`#${id}`);
      await input.click();
      await input.fill(value);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
      await settle();
      expect(writes, `Enter in #${id}`).toEqual([]);
      // The picker took the key: the typed date stands.
      await expect.poll(() => input.inputValue(), { timeout: WAIT }).toBe(value);
    }

    async function enterIn(selector: string): Promise<void> {
      await page.locator(selector).focus();
      await page.keyboard.press('Enter');
      await settle();
      expect(writes, `Enter in ${selector}`).toEqual([]);
    }

    /** Lets a submit that Enter might have started show itself (validation, then the request). */
    async function settle(): Promise<void> {
      await page.waitForTimeout(700);
    }

    /** Closes an open date or select popup by clicking the drawer's or the dialog's title. */
    async function closePopups(): Promise<void> {
      await page.locator('.ant-drawer-title, .ant-modal-title').last().click();
      await popupsClosed(page, 'picker');
      await popupsClosed(page, 'select');
    }

    test('new-deal drawer: Enter in the close date or the stage saves nothing; Enter twice in the name saves one deal', async () => {
      writes = [];
      await page.goto(`/accounts/${account.id}?tab=opportunities`);
      await page.getByTestId('new-opportunity').click();
      const form = await opened('opportunity-form');
      await page.locator('#name').fill('调度中心扩容');
      await page.locator('#amount').fill('3000000');
      await enterInDate('expectedCloseDate', '2031-06-30');
      await closePopups();
      await enterIn('#stageId');
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(await count(`/api/opportunities?accountId=${account.id}`)).toBe(0);

      // In a plain text input Enter still submits a one-step form, and saves once: a second Enter
      // while the save runs is dropped, and so is a third as the drawer slides shut after it.
      const name = page.locator('#name');
      const input = await name.elementHandle();
      await name.focus();
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/opportunities',
        { timeout: WAIT },
      );
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect((await created).status()).toBe(201);
      // Once the drawer is gone there is nothing left to submit, so a missed press is no failure.
      await input?.press('Enter').catch(() => undefined);
      // Created from the account's tab, the drawer closes and the page stays.
      await form.waitFor({ state: 'detached', timeout: WAIT });
      await settle();
      expect(writes).toEqual(['POST /api/opportunities']);
      expect(await count(`/api/opportunities?accountId=${account.id}`)).toBe(1);
    });

    test('visit plan: Enter in step 1 (start, subject, type) never saves a plan', async () => {
      writes = [];
      await page.goto(`/accounts/${account.id}`);
      await page.getByTestId('quick-plan-visit').click();
      const form = await opened('activity-form');
      await page.locator('#subject').fill('拜访调度中心主任');
      await enterInDate('plannedStart', `${today} 15:00`);
      await closePopups();
      await enterIn('#subject');
      await enterIn('#type');
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(await page.locator('#subject').isVisible()).toBe(true);
      expect(await count(`/api/activities?accountId=${account.id}`)).toBe(0);
      // Before the last step the header's button says what it would save: a draft.
      expect(await page.getByTestId('activity-form-submit').textContent()).toBe('保存草稿');
      await page.locator('.ant-drawer-close').click();
      await form.waitFor({ state: 'detached', timeout: WAIT });
    });

    test('call log: Enter in the follow-up due date does not log the call', async () => {
      const a = ok<Activity>(
        await f.admin.post('/api/activities', {
          type: 'visit',
          subject: '回访',
          accountId: account.id,
          ...slot(-2 * HOUR),
        }),
      );
      writes = [];
      await page.goto(`/activities/${a.id}`);
      await page.getByTestId('log-activity').click();
      const form = await opened('complete-form');
      await page.getByTestId('next-meeting-yes').click();
      await page.getByTestId('create-follow-up').click();
      await page.locator('#followUp_title').fill('寄送方案');
      await enterInDate('followUp_dueDate', today);
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(ok<Activity>(await f.admin.get(`/api/activities/${a.id}`)).status).toBe('planned');
    });

    test('task form: Enter in the due date does not create the task', async () => {
      writes = [];
      await page.goto(`/accounts/${account.id}`);
      await page.getByTestId('quick-new-task').click();
      const form = await opened('task-form');
      await page.locator('#title').fill('准备报价单');
      await enterInDate('dueDate', today);
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(await count(`/api/tasks?accountId=${account.id}`)).toBe(0);
    });

    test('quota dialog: Enter in the period does not save the quota', async () => {
      writes = [];
      await page.goto('/quotas');
      await page.getByTestId('new-quota').click();
      const form = await opened('quota-form');
      await page.locator('#target').fill('3000000');
      await enterInDate('period', '2031');
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(await count('/api/quotas?year=2031')).toBe(0);
    });

    test('contact form: Enter in the birthday does not create the contact', async () => {
      writes = [];
      await page.goto(`/accounts/${account.id}?tab=contacts`);
      await page.getByTestId('add-contact').click();
      const form = await opened('contact-form');
      await page.locator('#name').fill('周建国');
      await enterInDate('birthday', '1975-03-08');
      await closePopups();
      expect(writes).toEqual([]);
      expect(await form.isVisible()).toBe(true);
      expect(await count(`/api/contacts?accountId=${account.id}`)).toBe(0);
    });

    test("deal page's objective card: Enter in the objective's date does not save the card", async () => {
      const deal = ok<OpportunityDetail>(
        await f.admin.post('/api/opportunities', { accountId: account.id, name: '配网自动化', amount: '100' }),
      );
      writes = [];
      await page.goto(`/opportunities/${deal.id}`);
      await page.getByTestId('objective-edit').click();
      await page.getByTestId('objective-save').waitFor({ timeout: WAIT });
      await enterInDate('objectiveBy', '2031-03-31');
      await page.getByTestId('objective').locator('.ant-card-head-title').click();
      await popupsClosed(page, 'picker');
      expect(writes).toEqual([]);
      expect(await page.getByTestId('objective-save').isVisible()).toBe(true);
      expect(ok<OpportunityDetail>(await f.admin.get(`/api/opportunities/${deal.id}`))).toMatchObject({
        version: deal.version,
        objectiveBy: null,
      });
    });

    test('a call planned days ahead cannot be logged until its date is changed', async () => {
      const a = ok<Activity>(
        await f.admin.post('/api/activities', {
          type: 'visit',
          subject: '下周拜访',
          accountId: account.id,
          ...slot(72 * HOUR),
        }),
      );
      await page.goto(`/activities/${a.id}`);
      await page.getByTestId('log-too-early').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('log-activity').isDisabled()).toBe(true);

      // The explanation offers the way out: the plan form, on the step with the date.
      await page.getByTestId('change-date').click();
      await opened('activity-form');
      await fillDate(page, 'plannedStart', `${today} 08:00`);
      const saved = page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/activities/${a.id}`,
        { timeout: WAIT },
      );
      await page.getByTestId('activity-form-submit').click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('log-too-early').waitFor({ state: 'detached', timeout: WAIT });

      await page.getByTestId('log-activity').click();
      await opened('complete-form');
      await page.getByTestId('next-meeting-no').click();
      const logged = page.waitForResponse((r) => /\/complete$/.test(new URL(r.url()).pathname), { timeout: WAIT });
      await page.getByTestId('complete-submit').click();
      expect((await logged).status()).toBe(200);
      expect(ok<Activity>(await f.admin.get(`/api/activities/${a.id}`)).status).toBe('done');
    });
  },
);
