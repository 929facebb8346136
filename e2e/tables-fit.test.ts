// Tables that fit (issue 21 item 5): at 1440×900, with the demo organisation's data and a manager's
// eyes, no table on the manager's pages is wider than its card — no column the user needs is cut off
// or hidden behind a sideways scroll — in Chinese and in the longer English. The pipeline board may
// be wider than the window, but then its stage headers stay in view and it says there is more.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { hasChromium, startE2E, type E2E } from './harness.ts';
import { login, type Client } from '../server/test/helper.ts';
import { loadDemo } from '../server/modules/demo/load.ts';
import { rowsOf } from '../server/db/client.ts';
import { WAIT } from './util.ts';

const VIEWPORT = { width: 1440, height: 900 };

interface Overflow {
  table: string;
  tableWidth: number;
  room: number;
}

/**
 * Every visible antd table whose content is wider than the space it has: the table element against
 * its scroll box (a sideways scroll inside the card) and the table's box against its card's body (a
 * table pushing out of its card).
 */
function overflowingTables(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const out: Overflow[] = [];
    for (const wrapper of document.querySelectorAll<HTMLElement>('.ant-table-wrapper')) {
      if (!wrapper.offsetParent) continue;
      const table = wrapper.querySelector<HTMLElement>('table');
      const box = wrapper.querySelector<HTMLElement>('.ant-table-content, .ant-table-body') ?? wrapper;
      const card = wrapper.closest<HTMLElement>('.ant-card-body, .ant-tabs-tabpane') ?? wrapper.parentElement;
      if (!table || !card) continue;
      const name =
        wrapper.getAttribute('data-testid') ??
        wrapper.querySelector('.ant-table')?.getAttribute('data-testid') ??
        wrapper.closest('[data-testid]')?.getAttribute('data-testid') ??
        'table';
      const tableWidth = Math.round(table.getBoundingClientRect().width);
      const style = getComputedStyle(card);
      const cardRoom = card.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const room = Math.min(box.clientWidth, cardRoom);
      if (tableWidth > room + 1 || box.scrollWidth > box.clientWidth + 1) out.push({ table: name, tableWidth, room });
    }
    return out;
  });
}

/** Waits until the page's tables have rows (or say they are empty) and no spinner is left. */
async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ timeout: WAIT });
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0 &&
      document.querySelectorAll('.ant-table-wrapper').length > 0,
    undefined,
    { timeout: WAIT },
  );
}

describe.skipIf(!hasChromium)('tables fit at 1440 px', { timeout: 240_000 }, () => {
  let e: E2E;
  let cookie: string;
  let adminClient: Client;
  let groupId: string;

  beforeAll(async () => {
    e = await startE2E({ fresh: true });
    const logins = await loadDemo(e.t.database.db);
    // The demo's sales director: a manager whose scope is the whole organisation.
    const director =
      logins.find((l) => l.role === 'manager' && l.team === 'hq') ?? logins.find((l) => l.role === 'manager');
    if (!director) throw new Error('the demo has no manager');
    cookie = (await login(e.t.app, director.email, director.password)).cookie;
    const demoAdmin = logins.find((l) => l.role === 'admin');
    if (!demoAdmin) throw new Error('the demo has no admin');
    adminClient = await login(e.t.app, demoAdmin.email, demoAdmin.password);
    const [group] = await rowsOf<{ id: string }>(
      e.t.database.db,
      sql`select parent_id as id from accounts where parent_id is not null group by parent_id order by count(*) desc limit 1`,
    );
    groupId = group.id;
  });
  afterAll(async () => {
    await e?.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`the manager's tables fit their cards (${locale})`, async () => {
      const { page } = await e.context({ cookie, locale, viewport: VIEWPORT });
      const pages: [string, string][] = [
        ['/dashboard', 'dashboard-page'],
        ['/forecast', 'forecast-page'],
        [`/accounts/${groupId}?tab=group`, 'group-tab'],
      ];
      const found: Record<string, Overflow[]> = {};
      for (const [url, testId] of pages) {
        await page.goto(url);
        await settled(page, testId);
        const over = await overflowingTables(page);
        if (over.length) found[url] = over;
      }
      expect(found).toEqual({});
    });

    test(`the pipeline board shows every stage, or scrolls with its headers in view and says so (${locale})`, async () => {
      const { page } = await e.context({ cookie, locale, viewport: VIEWPORT });
      await page.goto('/pipeline');
      const board = page.getByTestId('pipeline-board');
      await board.waitFor({ timeout: WAIT });
      await expect.poll(() => page.getByTestId('board-column').count(), { timeout: WAIT }).toBeGreaterThan(3);
      const layout = await board.evaluate((el) => {
        const scroller = el.parentElement as HTMLElement;
        const right = scroller.getBoundingClientRect().right;
        const columns = [...el.querySelectorAll<HTMLElement>('[data-testid="board-column"]')];
        return {
          wider: scroller.scrollWidth > scroller.clientWidth + 1,
          allInView: columns.every((c) => c.getBoundingClientRect().right <= right + 1),
          stickyHeaders: columns.every((c) => {
            const head = c.querySelector<HTMLElement>('[data-testid="column-head"]');
            return !!head && getComputedStyle(head).position === 'sticky';
          }),
        };
      });
      if (layout.wider) {
        expect(layout.stickyHeaders).toBe(true);
        await expect.poll(() => page.getByTestId('board-more').isVisible(), { timeout: WAIT }).toBe(true);
      } else {
        expect(layout.allInView).toBe(true);
      }
    });
  }
  test('with more stages than the window holds, the board scrolls under sticky headers and says how many lie right', async () => {
    for (const [name, probability] of [
      ['技术澄清', 30],
      ['商务谈判', 60],
      ['合同审批', 90],
    ] as const) {
      const res = await adminClient.post('/api/stages', { name, probability });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { page } = await e.context({ cookie, viewport: VIEWPORT });
    await page.goto('/pipeline');
    await expect.poll(() => page.getByTestId('board-column').count(), { timeout: WAIT }).toBe(8);
    const more = page.getByTestId('board-more');
    await more.waitFor({ timeout: WAIT });
    const hidden = Number((await more.textContent())?.match(/\d+/)?.[0]);
    expect(hidden).toBeGreaterThan(0);
    const scroller = page.getByTestId('board-scroller');
    // Down the cards: the stage headers stay at the top of the board's window.
    await scroller.evaluate((el) => el.scrollTo({ top: 400 }));
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    const heads = await scroller.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return [...el.querySelectorAll('[data-testid="column-head"]')].map((h) =>
        Math.round(h.getBoundingClientRect().top - top),
      );
    });
    expect(heads.every((d) => Math.abs(d) <= 1)).toBe(true);
    // The button scrolls right until no stage is left beyond the edge.
    await expect
      .poll(
        async () => {
          if (await more.isVisible()) await more.click({ timeout: 1000 }).catch(() => undefined);
          return more.isVisible();
        },
        { timeout: WAIT },
      )
      .toBe(false);
  });
});
