// Stored XSS through names that reach the charts, and the Content-Security-Policy behind it (issue 19
// items 4 and 12). Stage, account, team, user and product-category names carry script payloads; every
// chart's tooltip is opened by sweeping the mouse over it. A dialog would mean a payload ran; each
// tooltip must show the payloads as text and contain no element built from them. The CSP must be on
// the page, block an inline handler and an inline script, and raise no violation in normal use.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { parsePeriod, quarterOfDate } from '../core/period.ts';
import { localDate } from '../core/time.ts';
import { browserContext, ok, TIME_ZONE } from './activities-util.ts';
import { WAIT, settled } from './util.ts';

const payload = (tag: string) => `<img src=x onerror=alert('${tag}')>`;

interface Watched {
  dialogs: string[];
  /** CSP violations reported in the page so far. */
  violations(): Promise<string[]>;
}

/** Records every dialog (and dismisses it, so a payload cannot hang the page) and every CSP violation. */
async function watch(page: Page): Promise<Watched> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { dialogs, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/**
 * Sweeps the mouse over a chart and returns the text of every tooltip it showed; fails on a tooltip
 * holding an element other than ECharts' own spans and divs (an <img> built from a name). Axis
 * tooltips follow the mouse along the category axis: across a column chart, down the funnel and
 * the horizontal bars.
 */
async function tooltips(
  page: Page,
  watched: Watched,
  testId: string,
  sweep: 'across' | 'down' = 'across',
): Promise<string[]> {
  const chart = page.getByTestId(testId);
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor({ timeout: WAIT });
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0), { timeout: WAIT })
    .toBe(true);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  const seen = new Set<string>();
  const steps = Array.from({ length: 24 }, (_, i) => 0.02 + (i * 0.96) / 23);
  for (const [fx, fy] of steps.map((t) => (sweep === 'across' ? [t, 0.6] : [0.5, t]))) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    const tip = await chart.evaluate((el) => {
      const div = [...el.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999');
      if (!div || div.style.display === 'none') return null;
      const foreign = [...div.querySelectorAll('*')]
        .map((n) => n.tagName.toLowerCase())
        .filter((tag) => tag !== 'div' && tag !== 'span' && tag !== 'br');
      return { text: div.textContent ?? '', foreign };
    });
    if (!tip) continue;
    expect(tip.foreign, `${testId}: ${tip.text}`).toEqual([]);
    seen.add(tip.text);
  }
  await page.mouse.move(0, 0);
  // A payload that became an element would have raised its alert by now (its image fails at once).
  expect(watched.dialogs, testId).toEqual([]);
  return [...seen];
}

/** Which of these payloads some tooltip showed as text. */
const shown = (texts: string[], tags: string[]) => tags.filter((tag) => texts.some((s) => s.includes(payload(tag))));

describe.skipIf(!hasChromium)(
  'names carrying script reach the charts as text, under a CSP',
  { timeout: 240_000 },
  () => {
    let e: E2E;
    let f: Factories;
    let rep: Awaited<ReturnType<Factories['user']>>;
    let stageTags: string[] = [];
    let accountId = '';
    let dealId = '';
    let callId = '';
    const today = localDate(new Date(), TIME_ZONE);
    const year = Number(today.slice(0, 4));
    const closeDate = parsePeriod(quarterOfDate(today))?.last ?? today;
    const weekAgo = localDate(new Date(Date.now() - 7 * 86_400_000), TIME_ZONE);

    beforeAll(async () => {
      e = await startE2E();
      f = await seededE2E(e);
      // An admin names every open stage with a payload.
      const stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
      const open = stages.filter((s) => s.kind === 'open');
      for (const [i, s] of open.entries())
        ok(
          await f.admin.patch(`/api/stages/${s.id}`, {
            version: s.version,
            name: payload(`stage${i + 1}`),
            nameEn: payload(`stage${i + 1}`),
          }),
        );
      stageTags = open.map((_, i) => `stage${i + 1}`);
      const won = stages.find((s) => s.kind === 'won')!;

      const team = await f.team({ name: payload('team') });
      rep = await f.user({ role: 'rep', teamId: team.id, name: payload('rep') });
      const accounts = [
        await f.account(rep.client, { name: payload('account1'), ourRevenue: '900000' }),
        await f.account(rep.client, { name: payload('account2'), ourRevenue: '300000' }),
      ];
      ok(await f.admin.post('/api/quotas', { userId: rep.id, period: String(year), target: '3000000' }));
      accountId = accounts[0].id;
      for (const [i, s] of open.entries()) {
        await f.deal(rep.client, {
          accountId: accounts[i % 2].id,
          name: payload(`deal${i + 1}`),
          amount: String(100000 * (i + 1)),
          stageId: s.id,
          expectedCloseDate: closeDate,
        });
      }
      const product = ok<{ id: string }>(
        await f.admin.post('/api/products', {
          name: payload('product'),
          category: payload('category'),
          listPrice: '100.00',
        }),
      ).id;
      dealId = (
        await f.deal(rep.client, {
          accountId: accounts[0].id,
          amount: undefined,
          stageId: won.id,
          items: [{ productId: product, quantity: '3', price: '100000.00' }],
        })
      ).id;
      // Done calls on both accounts: time analysis by account and by person, and time follows value.
      for (const [i, account] of accounts.entries()) {
        const start = new Date(Date.now() - (i + 2) * 86_400_000);
        const end = new Date(start.getTime() + (i + 1) * 3_600_000);
        callId = ok<{ id: string }>(
          await rep.client.post('/api/activities', {
            type: 'visit',
            subject: payload(`call${i + 1}`),
            accountId: account.id,
            plannedStart: start.toISOString(),
            plannedEnd: end.toISOString(),
            status: 'done',
          }),
        ).id;
      }
      await f.contact(rep.client, { accountId, name: payload('contact'), influence: 'high', attitude: 3 });
    });
    afterAll(async () => {
      await e?.close();
    });

    test('the page carries the CSP, and it blocks an inline event handler and an inline script', async () => {
      const page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
      const watched = await watch(page);
      const res = await page.goto('/dashboard');
      const csp = (await res?.allHeaders())?.['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      await page.getByTestId('dashboard-page').waitFor({ timeout: WAIT });
      await settled(page);
      expect(await watched.violations()).toEqual([]);

      // The next mistake: markup built from a name reaches the page anyway. Nothing of it runs.
      await page.evaluate(() => {
        const w = window as unknown as { __ran: string[] };
        w.__ran = [];
        const host = document.createElement('div');
        host.innerHTML = `<img src="x" onerror="window.__ran.push('handler')">`;
        document.body.append(host);
        const script = document.createElement('script');
        script.textContent = "window.__ran.push('script')";
        document.body.append(script);
      });
      await expect
        .poll(() => watched.violations(), { timeout: WAIT })
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^script-src-attr/),
            expect.stringMatching(/^script-src-elem/),
          ]),
        );
      expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
      expect(watched.dialogs).toEqual([]);
    });

    test("every chart's tooltip shows the names as text; nothing runs and the CSP is never violated", async () => {
      const admin = await browserContext(e, { cookie: f.admin.cookie });
      const repCtx = await browserContext(e, { cookie: rep.client.cookie });
      try {
        const watchedAdmin = await watch(admin.page);
        const watchedRep = await watch(repCtx.page);
        const visit = async (page: Page, path: string, ready: string) => {
          await page.goto(path);
          await page.getByTestId(ready).waitFor({ timeout: WAIT });
          await settled(page);
        };
        const page = admin.page;

        // The dashboard: the funnel (the case) by stage, the forecast by rep.
        await visit(page, '/dashboard', 'dashboard-page');
        expect(shown(await tooltips(page, watchedAdmin, 'funnel-chart', 'down'), stageTags)).toEqual(stageTags);
        expect(shown(await tooltips(page, watchedAdmin, 'forecast-chart'), ['rep'])).toEqual(['rep']);

        // The forecast page grouped by stage and by team, with its month chart.
        await visit(page, '/forecast?groupBy=stage', 'forecast-chart');
        expect(shown(await tooltips(page, watchedAdmin, 'forecast-chart'), stageTags)).toEqual(stageTags);
        await tooltips(page, watchedAdmin, 'forecast-month-chart');
        await visit(page, '/forecast?groupBy=team', 'forecast-chart');
        expect(shown(await tooltips(page, watchedAdmin, 'forecast-chart'), ['team'])).toEqual(['team']);

        // Pareto by account, its curve, and time follows value.
        await visit(page, '/analysis/pareto', 'pareto-chart');
        expect(shown(await tooltips(page, watchedAdmin, 'pareto-chart'), ['account1', 'account2'])).toEqual([
          'account1',
          'account2',
        ]);
        await tooltips(page, watchedAdmin, 'pareto-curve');
        await visit(page, '/analysis/effort', 'effort-chart');
        await tooltips(page, watchedAdmin, 'effort-chart');

        // Where time went, by account and by person.
        await visit(page, `/analysis/time?from=${weekAgo}&to=${today}&groupBy=account`, 'analysis-chart');
        expect(shown(await tooltips(page, watchedAdmin, 'analysis-chart', 'down'), ['account1', 'account2'])).toEqual([
          'account1',
          'account2',
        ]);
        await visit(page, `/analysis/time?from=${weekAgo}&to=${today}&groupBy=owner`, 'analysis-chart');
        expect(shown(await tooltips(page, watchedAdmin, 'analysis-chart', 'down'), ['rep'])).toEqual(['rep']);

        // Whitespace: accounts × product categories (a table, not a chart) shows them as text too.
        await visit(page, '/analysis/whitespace', 'whitespace-grid');
        expect(await page.getByTestId('whitespace-grid').textContent()).toContain(payload('category'));
        expect(await page.getByTestId('whitespace-grid').locator('img').count()).toBe(0);

        // The rep's 653321 plan: a stacked bar per stage, the stages' names in the tooltip.
        await visit(repCtx.page, '/planner', 'plan-chart');
        expect(shown(await tooltips(repCtx.page, watchedRep, 'plan-chart'), stageTags)).toEqual(stageTags);

        expect(watchedAdmin.dialogs).toEqual([]);
        expect(watchedRep.dialogs).toEqual([]);
        expect(await watchedAdmin.violations()).toEqual([]);
        expect(await watchedRep.violations()).toEqual([]);
      } finally {
        await admin.context.close();
        await repCtx.context.close();
      }
    });

    test('the other main pages, with the names on them, work under the CSP without a violation', async () => {
      const page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
      const watched = await watch(page);
      for (const [path, ready] of [
        [`/accounts/${accountId}`, 'account-page'],
        [`/accounts/${accountId}?tab=relmap`, 'relationship-map'],
        [`/opportunities/${dealId}`, 'opportunity-title'],
        ['/pipeline', 'pipeline-page'],
        ['/calendar', 'calendar-page'],
        [`/activities/${callId}`, 'activity-page'],
        [`/activities/${callId}/print`, 'print-now'],
        ['/analysis/scoring', 'scoring-page'],
        ['/admin/stages', 'stages-page'],
        ['/products', 'products-page'],
      ]) {
        await page.goto(path);
        await page.getByTestId(ready).waitFor({ timeout: WAIT });
        await settled(page);
        expect(await page.locator('img[src="x"]').count(), path).toBe(0);
        expect(await watched.violations(), path).toEqual([]);
      }
      expect(watched.dialogs).toEqual([]);
    });

    test('Swagger UI works under its CSP for a signed-in user', async () => {
      const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
      const watched = await watch(page);
      const res = await page.goto('/api/docs/');
      expect(res?.status()).toBe(200);
      expect((await res?.allHeaders())?.['content-security-policy']).toContain("script-src 'self';");
      await expect
        .poll(() => page.locator('.swagger-ui .info .title').textContent({ timeout: WAIT }), { timeout: WAIT })
        .toContain('OpenKAM API');
      await page.locator('.opblock').first().waitFor({ timeout: WAIT });
      expect(await watched.violations()).toEqual([]);
      expect(watched.dialogs).toEqual([]);
    });
  },
);
