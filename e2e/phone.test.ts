// Phones (issue 21 item 11): at 390×844 a rep logs the day's visit in one tap from the calendar, with
// the save button under the thumb, and calls a contact by tapping the number.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import type { Activity } from '../core/schemas/activities.ts';
import { localDate } from '../core/time.ts';
import { WAIT, settled, shot } from './util.ts';
import { browserContext, ok, TIME_ZONE } from './activities-util.ts';

const WIDTH = 390;
const HEIGHT = 844;

describe.skipIf(!hasChromium)('a rep on a phone', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let context: BrowserContext;
  let page: Page;
  let account: AccountDetail;
  let contact: Contact;
  let visit: Activity;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    account = await f.account(f.admin, { name: '手机拜访测试客户' });
    contact = await f.contact(f.admin, {
      accountId: account.id,
      name: '司马拨号',
      mobile: '138 0013 8000',
      phone: '010-6552 8000',
      email: 'sima@example.com',
    });
    const today = localDate(new Date(), TIME_ZONE);
    visit = ok<Activity>(
      await f.admin.post('/api/activities', {
        type: 'visit',
        subject: '手机一键记录拜访',
        accountId: account.id,
        contactIds: [contact.id],
        plannedStart: `${today}T09:00:00+08:00`,
        plannedEnd: `${today}T10:00:00+08:00`,
      }),
    );
    ({ context, page } = await browserContext(e, { cookie: f.admin.cookie, mobile: true }));
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  test("one tap on the day's calendar opens the visit's log form; save sits at the bottom, thumb-sized", async () => {
    await page.goto('/calendar');
    const item = page.locator(`[data-testid="day-agenda-item"][data-id="${visit.id}"]`);
    await item.waitFor({ timeout: WAIT });
    await shot(page, 'phone-calendar-day');
    await item.getByTestId('calendar-log-visit').tap();
    await page.getByTestId('complete-form').waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'phone-log-visit');

    const save = page.getByTestId('complete-submit');
    const box = await save.boundingBox();
    expect(box, 'the save button is on screen').not.toBeNull();
    if (!box) return;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.y + box.height, 'inside the viewport').toBeLessThanOrEqual(HEIGHT);
    // The bottom fifth of the screen is where a thumb reaches while the phone is held in one hand.
    expect(box.y, 'at the bottom of the screen').toBeGreaterThanOrEqual(HEIGHT * 0.8);
    const yes = await page.getByTestId('next-meeting').locator('.ant-radio-button-wrapper').first().boundingBox();
    expect(yes?.height ?? 0).toBeGreaterThanOrEqual(44);
    const { scroll, client } = await page
      .locator('.ant-drawer-body')
      .last()
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll, 'no sideways scroll in the form').toBeLessThanOrEqual(client + 1);
    expect(await page.getByTestId('complete-outcome').getAttribute('inputmode')).toBe('text');

    await page.getByTestId('next-meeting-yes').tap();
    await page.getByTestId('complete-outcome').fill('客户确认二期预算，下周三上门演示');
    await page.getByTestId('complete-next-steps').fill('准备演示环境');
    await save.tap();
    await page.locator('.ant-message-success').getByText('已记录拜访结果').waitFor({ timeout: WAIT });
    await page.getByTestId('complete-form').waitFor({ state: 'detached', timeout: WAIT });
    await item.getByTestId('day-agenda-logged').waitFor({ timeout: WAIT });
    const logged = ok<Activity>(await f.admin.get(`/api/activities/${visit.id}`));
    expect(logged.status).toBe('done');
    expect(logged.outcome).toBe('客户确认二期预算，下周三上门演示');
    expect(logged.nextMeetingProposed).toBe(true);
  });

  test("contacts' numbers dial and their e-mail opens the mail app", async () => {
    await page.goto(`/contacts?q=${encodeURIComponent('司马拨号')}`);
    const card = page.getByTestId('contact-card').filter({ hasText: '司马拨号' });
    await card.waitFor({ timeout: WAIT });
    const tel = card.getByTestId('tel-link');
    expect(await tel.getAttribute('href')).toBe('tel:13800138000');
    expect((await tel.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

    await page.goto(`/contacts/${contact.id}`);
    await page.getByText('司马拨号').first().waitFor({ timeout: WAIT });
    const hrefs = await page.getByTestId('tel-link').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['tel:13800138000', 'tel:010-65528000']);
    expect(await page.getByTestId('mail-link').getAttribute('href')).toBe('mailto:sima@example.com');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH + 1);
  });
});
