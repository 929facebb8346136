// Pareto / ABC and time follows value (issue 6), one story: an admin opens the Pareto page from the
// navigation, sees the chart drawn, the example classed 3 A · 4 B · 3 C and the concentration
// sentence, switches to potential (ten equal accounts: 8 A · 2 B), previews and saves a lower A
// threshold, then opens "time follows value" and sees the tier chart and the over-served account.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { ok } from './activities-util.ts';
import { WAIT, settled, shot, still, waitForPath, navTo } from './util.ts';

const REVENUES = ['500000', '200000', '100000', '50000', '50000', '40000', '30000', '10000', '10000', '10000'];

/** Waits until the chart has painted: ECharts draws into a canvas of the container's size. */
async function drawn(chart: Locator): Promise<void> {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor({ timeout: WAIT });
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0), { timeout: WAIT })
    .toBe(true);
}

describe.skipIf(!hasChromium)('Pareto / ABC and time follows value', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const rep = await f.user({ role: 'rep', name: '陈小华' });
    for (const [i, revenue] of REVENUES.entries()) {
      const account = await f.account(rep.client, {
        name: `华东客户${i + 1}`,
        ourRevenue: revenue,
        potential: '100000',
        tier: i < 3 ? 'A' : undefined,
      });
      if (i === 9) {
        const start = new Date(Date.now() - 86_400_000);
        const end = new Date(start.getTime() + 2 * 3_600_000);
        ok(
          await rep.client.post('/api/activities', {
            type: 'visit',
            subject: '拜访',
            accountId: account.id,
            plannedStart: start.toISOString(),
            plannedEnd: end.toISOString(),
            status: 'done',
          }),
        );
      }
    }
  });
  afterAll(async () => {
    await e?.close();
  });

  const count = (page: import('playwright-core').Page, cls: string) =>
    page.getByTestId(`pareto-class-${cls}`).locator('.ant-statistic-content-value').textContent();

  test('an admin reads the ABC classes, switches the metric and lowers the A threshold', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/accounts');
    await navTo(page, 'nav-pareto');
    await waitForPath(page, /^\/analysis\/pareto$/);
    await drawn(page.getByTestId('pareto-chart'));
    await drawn(page.getByTestId('pareto-curve'));
    await expect.poll(() => count(page, 'A'), { timeout: WAIT }).toBe('3');
    expect(await count(page, 'B')).toBe('4');
    expect(await count(page, 'C')).toBe('3');
    expect(await page.getByTestId('pareto-concentration').textContent()).toContain('3 个客户贡献 80%');
    expect(await page.getByTestId('pareto-table').locator('tr.ant-table-row').first().textContent()).toContain(
      '华东客户1',
    );
    await settled(page);
    await shot(page, 'pareto');

    await page.getByTestId('pareto-metric-potential').click();
    await expect.poll(() => count(page, 'A'), { timeout: WAIT }).toBe('8');
    expect(await count(page, 'B')).toBe('2');
    await page.getByTestId('pareto-metric-ourRevenue').click();
    await expect.poll(() => count(page, 'A'), { timeout: WAIT }).toBe('3');

    await page.getByTestId('pareto-settings').click();
    const form = page.getByTestId('pareto-settings-form');
    await form.waitFor({ timeout: WAIT });
    await still(page.locator('.ant-modal').filter({ has: form }));
    await page.locator('#a').fill('70');
    // Every account is on screen, so core/pareto previews the new classes before saving.
    await expect
      .poll(() => page.getByTestId('pareto-settings-preview').textContent(), { timeout: WAIT })
      .toBe('按新阈值：A 类 2 个 · B 类 5 个 · C 类 3 个');
    await page
      .locator('.ant-modal')
      .filter({ has: form })
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect.poll(() => count(page, 'A'), { timeout: WAIT }).toBe('2');
    expect(await count(page, 'B')).toBe('5');
  });

  test('time follows value: recommended against actual time per tier, the over-served account listed', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/analysis/pareto');
    await page.getByTestId('nav-effort').click();
    await waitForPath(page, /^\/analysis\/effort$/);
    await drawn(page.getByTestId('effort-chart'));
    await expect
      .poll(() => page.getByTestId('effort-over').locator('tr.ant-table-row').first().textContent(), {
        timeout: WAIT,
      })
      .toContain('华东客户10');
    expect(await page.getByTestId('effort-tiers').locator('tr.ant-table-row').first().textContent()).toContain('80%');
    await shot(page, 'effort');
  });
});
