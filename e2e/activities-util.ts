// Helpers for the activity browser tests: a browser in the organisation's time zone (so "today"
// means the same day to the reminders and to the date pickers) and typed date entry.
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_TIME_ZONE } from '../core/time.ts';
import type { E2E } from './harness.ts';
import type { Locator } from 'playwright-core';
import { popupsClosed, still, WAIT } from './util.ts';

/** A new organisation has no time zone set and counts days in this one. */
export const TIME_ZONE = DEFAULT_TIME_ZONE;

export function ok<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode >= 300) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/** Like E2E.context, but with the browser's clock in the organisation's time zone. */
export async function browserContext(
  e: E2E,
  opts: { cookie: string; mobile?: boolean },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({
    baseURL: e.baseUrl,
    locale: 'zh-CN',
    timezoneId: TIME_ZONE,
    reducedMotion: 'reduce',
    viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const [name, value] = opts.cookie.split('=');
  await context.addCookies([{ name, value, url: e.baseUrl }]);
  return { context, page: await context.newPage() };
}

/**
 * Types a value into an antd DatePicker (by its input id) and commits it by leaving the field — a
 * click on the drawer's title; Enter would also submit the form around it.
 */
export async function fillDate(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await page.locator('.ant-drawer-title').click();
  await popupsClosed(page, 'picker');
  await page.waitForFunction(
    ([sel, v]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
    [`#${id}`, value] as const,
    { timeout: WAIT },
  );
}

/**
 * Picks several options of a multiple Select: its dropdown stays open between picks, so it is
 * opened once; a click on the drawer's title closes it afterwards.
 */
export async function pickOptions(page: Page, select: Locator, options: string[]): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const option of options) {
    const item = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor({ state: 'visible', timeout: WAIT });
    await still(dropdown.first());
    await item.click();
    // The pick shows as a tag in the select before the next one.
    await select
      .locator('.ant-select-selection-item')
      .filter({ hasText: option.split(' · ')[0] })
      .first()
      .waitFor({ timeout: WAIT });
  }
  await page.locator('.ant-drawer-title').click();
  await popupsClosed(page, 'select');
}

/** A card on the FullCalendar grid, by what it shows and its record id. */
export function calendarEvent(page: Page, kind: 'activity' | 'task', id: string): Locator {
  return page.locator(`[data-testid="calendar-event"][data-kind="${kind}"][data-id="${id}"]`);
}

/** Drags a timed card down by whole 30-minute slots, the way a mouse does (press, move in steps, release). */
export async function dragBySlots(page: Page, card: Locator, slots: number): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const box = await card.boundingBox();
  const slot = await page.locator('td.fc-timegrid-slot-lane').first().boundingBox();
  if (!box || !slot) throw new Error('calendar card or slot not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 5, { steps: 3 });
  await page.mouse.move(x, y + slots * slot.height, { steps: 10 });
  await page.mouse.up();
}
