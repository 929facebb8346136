// Small helpers shared by the browser tests: antd widgets are driven the way a person drives them.
import type { Locator, Page } from 'playwright-core';
import { navGroupOfTestId } from '../web/app/nav-model.ts';

/** Generous but bounded: the first render of a lazily loaded chunk on a busy CI box can take a while. */
export const WAIT = 15_000;

/** Opens an antd Select (by any locator inside it) and clicks the option whose text matches. */
export async function pickOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ hasText: option });
  const item = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor({ state: 'visible', timeout: WAIT });
  // A click on an option while the dropdown is still sliding open is sometimes lost.
  await still(dropdown.first());
  await item.click();
  // Under load a click is now and then lost even so (the list re-rendered under the pointer): when the
  // option is still unchosen and its list still open after a moment, it is clicked once more. A chosen
  // option is never clicked again (in a multiple select that would unchoose it).
  // Gone: its list closed, which a choice in a single select does (checked without waiting first).
  const chosen = async () =>
    (await item.count()) === 0 ||
    item
      .evaluate((el) => el.classList.contains('ant-select-item-option-selected'), undefined, { timeout: 500 })
      .catch(() => true);
  for (let i = 0; i < 20 && !(await chosen()); i++) await page.waitForTimeout(100);
  if (!(await chosen()) && (await item.isVisible())) await item.click();
}

/**
 * Waits until no antd popup of this kind ('select' or 'picker') is open. Counted rather than
 * waited on as one locator: while one dropdown slides shut another can be closing beside it, and a
 * locator that matches two elements fails Playwright's strict mode.
 */
export async function popupsClosed(page: Page, kind: 'select' | 'picker'): Promise<void> {
  const open = `.ant-${kind}-dropdown:not(.ant-${kind}-dropdown-hidden)`;
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, open, { timeout: WAIT });
}

/** Resolves once an element and everything in it have stopped animating (antd's open/close motions). */
export async function still(el: Locator): Promise<void> {
  await el.evaluate(async (node) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await frame();
    await frame();
    for (
      let animations = node.getAnimations({ subtree: true });
      animations.length;
      animations = node.getAnimations({ subtree: true })
    ) {
      await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
      await frame();
    }
  });
}

/** The antd Form.Item that wraps the input with this id (antd gives inputs the field name as id). */
export function formItem(page: Page, fieldId: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator(`#${fieldId}`) });
}

/**
 * The inline error text under a form field, once it shows up. A replaced error fades out for a moment
 * beside its successor: assert through `expect.poll`, not on one read.
 */
export async function fieldError(page: Page, fieldId: string): Promise<string> {
  const explain = formItem(page, fieldId).locator('.ant-form-item-explain-error').first();
  await explain.waitFor({ state: 'visible', timeout: WAIT });
  return (await explain.textContent()) ?? '';
}

/** Polls until the page's URL path matches, without fixed sleeps. */
export async function waitForPath(page: Page, re: RegExp): Promise<void> {
  await page.waitForURL((u) => re.test(u.pathname), { timeout: WAIT });
}

/** How wide the document is versus the viewport: > viewport means the page scrolls sideways. */
export async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** Waits until no antd spinner is visible (lists and pages show one while the first query runs). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, undefined, {
    timeout: WAIT,
  });
}

/** With E2E_SHOTS=dir set, saves a screenshot there — for looking at what a person would see. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/**
 * Clicks a side-menu item (by its test id), first opening its group when the group is closed: the
 * menu opens only the current page's group (web/app/nav-model.ts says which group holds what).
 */
export async function navTo(page: Page, testId: string): Promise<void> {
  const item = page.getByTestId('side-nav').getByTestId(testId);
  if (!(await item.isVisible())) {
    const group = navGroupOfTestId(testId);
    if (!group) throw new Error(`no menu item ${testId}`);
    await page.getByTestId(`nav-group-${group}`).click();
    await item.waitFor({ state: 'visible', timeout: WAIT });
    // As with a Select's options: a click on an item while its group is still sliding open is lost
    // on a busy machine (CI saw the page never change).
    await still(page.getByTestId('side-nav'));
  }
  await item.click();
}
