// A crowded month on the calendar (issue 19 item 14): the API returns the first 500 calls, the page
// says so and offers the week where the month stops being complete, which then shows what was left out.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { CALENDAR_LIMIT } from '../core/schemas/activities.ts';
import { localDate } from '../core/time.ts';
import { WAIT, shot } from './util.ts';
import { TIME_ZONE } from './activities-util.ts';

const name = (i: number) => `拜访 ${String(i).padStart(4, '0')}`;

describe.skipIf(!hasChromium)('calendar: a month with more calls than one response holds', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const user = await f.user({ name: '忙碌的销售' });
    const account = await f.account(user.client, { name: '忙碌客户' });
    // One more call than the limit, 80 minutes apart from the 1st of this month: ~126 a week, 501 in the month.
    const first = new Date(`${localDate(new Date(), TIME_ZONE).slice(0, 8)}01T08:00:00+08:00`);
    await e.t.database.db.execute(sql`
      insert into activities (org_id, id, type, subject, account_id, owner_id, planned_start, planned_end)
      select u.org_id, gen_random_uuid(), 'visit', '拜访 ' || lpad(i::text, 4, '0'), ${account.id}, u.id,
             ${first}::timestamptz + i * interval '80 minutes', ${first}::timestamptz + i * interval '80 minutes' + interval '30 minutes'
        from generate_series(0, ${CALENDAR_LIMIT}) i, users u where u.id = ${user.id}`);
    page = await e.page({ cookie: user.client.cookie, timezoneId: TIME_ZONE });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the month view says it is incomplete; its button opens the week where it stops, with the call left out', async () => {
    await page.goto('/calendar');
    await page.locator('.fc-timeGridWeek-view').waitFor({ timeout: WAIT });
    await page.locator('.fc-dayGridMonth-button').click();
    const alert = page.getByTestId('calendar-truncated');
    await alert.waitFor({ timeout: WAIT });
    expect(await alert.innerText()).toContain(`最多显示 ${CALENDAR_LIMIT} 项活动`);
    await shot(page, 'calendar-month-truncated');

    await page.getByTestId('calendar-narrower').click();
    await page.locator('.fc-timeGridWeek-view').waitFor({ timeout: WAIT });
    // The week holds the last call the month had and the one it left out, and is complete.
    for (const i of [CALENDAR_LIMIT - 1, CALENDAR_LIMIT]) {
      await page
        .locator('[data-testid="calendar-event"][data-kind="activity"]')
        .filter({ hasText: name(i) })
        .first()
        .waitFor({ timeout: WAIT });
    }
    await alert.waitFor({ state: 'detached', timeout: WAIT });
  });
});
