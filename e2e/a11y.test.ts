// Accessibility (issue 21, item 10): axe-core finds no critical or serious problem on the login page,
// the accounts list (in both languages), a Blue Sheet and the pipeline board; the side menu, the global
// search box and buttons show a focus ring that stands out (3:1) when reached from the keyboard.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, settled, shot, still } from './util.ts';

function ok<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode >= 300) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/** Fails with axe's own account of each problem: the rule, the elements and what would fix them. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found.length, `${where}:\n${formatViolations(found)}`).toBe(0);
}

/**
 * The element's focus ring as drawn, an outline or a box-shadow, and its contrast with the white page
 * around it (WCAG 1.4.11 asks 3:1 of what shows focus). 0 when there is no ring.
 */
async function focusRing(el: Locator): Promise<{ ring: string; contrast: number }> {
  // antd fades the ring in (a CSS transition the reduced-motion setting does not stop): measure it drawn.
  await still(el);
  return el.evaluate((node) => {
    const s = getComputedStyle(node);
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b, a = 1]: number[]) =>
      [r, g, b]
        .map((v) => (v * a + 255 * (1 - a)) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const contrast = (c: string) => 1.05 / (luminance(rgba(c)) + 0.05);
    if (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1)
      return { ring: `outline ${s.outlineWidth} ${s.outlineColor}`, contrast: contrast(s.outlineColor) };
    // box-shadow: "rgb(…) 0px 0px 0px 2px[, …]" — the rings are the shadows with a spread and no blur.
    const rings = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/);
    const best = rings
      .map((r) => ({ color: r.match(/rgba?\([^)]*\)/)?.[0] ?? '', px: (r.match(/-?[\d.]+px/g) ?? []).map(parseFloat) }))
      .filter((r) => r.color && r.px.length >= 4 && r.px[2] === 0 && r.px[3] >= 1)
      .map((r) => ({ ring: `box-shadow ${r.px[3]}px ${r.color}`, contrast: contrast(r.color) }))
      .sort((a, b) => b.contrast - a.contrast)[0];
    return best ?? { ring: `none (${s.outline}; ${s.boxShadow})`, contrast: 0 };
  });
}

describe.skipIf(!hasChromium)('accessibility (axe-core)', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let deal: OpportunityDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
    const open = stages.filter((s) => s.kind === 'open');
    const hospital = await f.account(f.admin, { name: '上海市第一人民医院', ownershipType: 'institution' });
    const metro = await f.account(f.admin, { name: '上海申通地铁集团有限公司', ownershipType: 'soe' });
    await f.account(f.admin, { name: '国家电网有限公司', ownershipType: 'soe' });
    deal = await f.deal(f.admin, {
      accountId: hospital.id,
      name: '医院智慧病房改造',
      amount: '2450000.00',
      stageId: open[1].id,
      expectedCloseDate: '2031-06-30',
    });
    await f.deal(f.admin, { accountId: metro.id, name: '地铁乘客信息系统', amount: '880000.50', stageId: open[0].id });
    await f.deal(f.admin, { accountId: metro.id, name: '车站显示终端', amount: '128000.00', stageId: open[2].id });
    // A Blue Sheet with something on it: influences of every kind of coverage, a red flag, a strength.
    for (const p of [
      { name: '欧阳志远', title: '信息中心主任', roles: ['economic'], coverage: 'brief' },
      { name: '诸葛明', title: '护理部主任', roles: ['user', 'coach'], coverage: 'in_depth' },
      { name: '司马青', title: '技术科', roles: ['technical'], coverage: 'none' },
    ] as const) {
      ok(
        await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
          newContact: { name: p.name, title: p.title },
          roles: [...p.roles],
          coverage: p.coverage,
          rating: -2,
          mode: 'even_keel',
        }),
      );
    }
    ok(await f.admin.post(`/api/opportunities/${deal.id}/notes`, { kind: 'red_flag', text: '预算尚未批复' }));
    ok(await f.admin.post(`/api/opportunities/${deal.id}/notes`, { kind: 'strength', text: '老客户，口碑好' }));
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the login page', async () => {
    const { context, page } = await e.context();
    try {
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor({ timeout: WAIT });
      await expectNoSeriousViolations(page, 'login');
    } finally {
      await context.close();
    }
  });

  test.each(['zh-CN', 'en-US'])('the accounts list (%s)', async (locale) => {
    const { context, page } = await e.context({ locale, cookie: f.admin.cookie });
    try {
      await page.goto('/accounts');
      await page.getByTestId('account-link').first().waitFor({ timeout: WAIT });
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale === 'en-US' ? 'en' : 'zh-CN');
      await shot(page, `a11y-accounts-${locale}`);
      await expectNoSeriousViolations(page, `accounts list (${locale})`);
    } finally {
      await context.close();
    }
  });

  test('a Blue Sheet', async () => {
    const { context, page } = await e.context({ cookie: f.admin.cookie });
    try {
      await page.goto(`/opportunities/${deal.id}`);
      await page.getByTestId('blue-sheet').waitFor({ timeout: WAIT });
      await page.getByText('诸葛明').first().waitFor({ timeout: WAIT });
      await settled(page);
      await shot(page, 'a11y-blue-sheet');
      await expectNoSeriousViolations(page, 'Blue Sheet');
    } finally {
      await context.close();
    }
  });

  test('the pipeline board', async () => {
    const { context, page } = await e.context({ cookie: f.admin.cookie });
    try {
      await page.goto('/pipeline');
      await page.getByTestId('board-card').first().waitFor({ timeout: WAIT });
      await settled(page);
      await shot(page, 'a11y-pipeline');
      await expectNoSeriousViolations(page, 'pipeline board');
    } finally {
      await context.close();
    }
  });

  test('the side menu, the search box and a button show a focus ring from the keyboard', async () => {
    const { context, page } = await e.context({ cookie: f.admin.cookie });
    try {
      await page.goto('/accounts');
      await page.getByTestId('account-link').first().waitFor({ timeout: WAIT });
      const menu = page.getByTestId('side-nav');
      const search = page.getByTestId('global-search');
      // Tab until the menu has the focus: the first stop of the page's keyboard order inside it.
      for (let i = 0; i < 10 && !(await menu.evaluate((m) => m.contains(document.activeElement))); i++) {
        await page.keyboard.press('Tab');
      }
      const menuRing = await focusRing(page.locator(':focus'));
      expect(menuRing.contrast, `side menu: ${menuRing.ring}`).toBeGreaterThanOrEqual(3);

      for (let i = 0; i < 20 && !(await search.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
      // antd draws the ring on a box around the input (the affix wrapper or the select), not on the input.
      const rings = await Promise.all(
        ['.ant-input-affix-wrapper', '.ant-select'].map((box) => focusRing(page.locator(box).filter({ has: search }))),
      );
      await shot(page, 'a11y-search-focused');
      const searchRing = rings.sort((a, b) => b.contrast - a.contrast)[0];
      expect(searchRing.contrast, `search box: ${searchRing.ring}`).toBeGreaterThanOrEqual(3);

      // Buttons share the menu's focus outline: the page's "new account" further along.
      const create = page.getByTestId('new-account');
      for (let i = 0; i < 20 && !(await create.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      const buttonRing = await focusRing(create);
      expect(buttonRing.contrast, `button: ${buttonRing.ring}`).toBeGreaterThanOrEqual(3);
    } finally {
      await context.close();
    }
  });
});
