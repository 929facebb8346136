// Forecasts, quotas and the 653321 planner through the UI (issue 5), one story in order: (1) a manager
// sets their rep's yearly quota — a stretch below the target is refused on the field — which the rep
// reads but cannot change, (2) the rep opens the planner, is told on the field that there is no won
// deal to average, enters 300,000 and gets the course's plan (10 deals: 60/50/30/30/20/10), saves it,
// (3) their manager opens the dashboard and sees the team funnel and the forecast against quota, (4)
// the forecast page's groupings, calibration and accuracy tables, (5) the pages on a 390 px phone,
// (6) a newcomer's default average comes from their team's won deals, and the planner says so.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Client } from '../server/test/helper.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import type { Forecast, PipelineSummary, Plan, QuotaList } from '../core/schemas/forecast.ts';
import { parsePeriod, quarterOfDate } from '../core/period.ts';
import { addMonths, planStart } from '../core/planner.ts';
import { localDate } from '../core/time.ts';
import { toCents } from '../core/funnel.ts';
import { formatMoney } from '../web/lib/money.ts';
import { browserContext, ok, TIME_ZONE } from './activities-util.ts';
import { WAIT, fieldError, formItem, pageScrollWidth, settled, shot, still, waitForPath, navTo } from './util.ts';

const money = (amount: string) => formatMoney(amount, 'zh-CN', 'full');
const WIDTH = 390;

describe.skipIf(!hasChromium)(
  'forecast: set a quota, plan the year by 653321, see the dashboard',
  { timeout: 150_000 },
  () => {
    let e: E2E;
    let f: Factories;
    let stages: Stage[];
    let rep: Awaited<ReturnType<Factories['user']>>;
    let manager: Awaited<ReturnType<Factories['user']>>;
    let deals: OpportunityDetail[] = [];
    const today = localDate(new Date(), TIME_ZONE);
    const year = Number(today.slice(0, 4));
    const quarter = quarterOfDate(today);
    const closeDate = parsePeriod(quarter)?.last ?? today;

    const stage = (name: string): Stage => {
      const s = stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s;
    };
    const deal = async (client: Client, accountId: string, name: string, amount: string, stageName: string) =>
      ok<OpportunityDetail>(
        await client.post('/api/opportunities', {
          accountId,
          name,
          amount,
          stageId: stage(stageName).id,
          expectedCloseDate: closeDate,
        }),
      );

    beforeAll(async () => {
      e = await startE2E();
      f = await seededE2E(e);
      stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
      const east = await f.team({ name: '华东销售部' });
      manager = await f.user({ role: 'manager', teamId: east.id, name: '王经理' });
      rep = await f.user({ role: 'rep', teamId: east.id, managerId: manager.id, name: '陈小华' });
      // Quotas and plans are checked to the yuan: these users read amounts in full (issue 21's switch).
      for (const u of [manager, rep]) await u.client.patch('/api/auth/me/preferences', { money: 'full' });
      const hospital = await f.account(rep.client, { name: '上海市第一人民医院', ownershipType: 'institution' });
      const metro = await f.account(rep.client, { name: '上海申通地铁集团有限公司', ownershipType: 'soe' });
      // Three open deals closing this quarter, in three stages; none has its buying influences yet, so each is at risk.
      deals = [
        await deal(rep.client, hospital.id, '医院智慧病房改造', '2450000.00', '见负责人'),
        await deal(rep.client, hospital.id, '互联网医院平台', '880000.50', '提供方案'),
        await deal(rep.client, metro.id, '地铁乘客信息系统升级', '1200000.00', '标书/谈判'),
      ];
    });
    afterAll(async () => {
      await e?.close();
    });

    async function open(
      cookie: string,
      path: string,
      opts: { mobile?: boolean } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const c = await browserContext(e, { cookie, mobile: opts.mobile });
      await c.page.goto(path);
      return c;
    }

    test("a manager sets the rep's yearly quota (a stretch below the target is refused on the field); the rep reads it but cannot change it", async () => {
      const repView = await open(rep.client.cookie, '/quotas');
      try {
        // Quotas are set from above: the rep has no button to set one.
        await repView.page.getByTestId('quotas-table').waitFor({ timeout: WAIT });
        await settled(repView.page);
        expect(await repView.page.getByTestId('new-quota').count()).toBe(0);
      } finally {
        await repView.context.close();
      }

      const { context, page } = await open(manager.client.cookie, '/accounts');
      try {
        await navTo(page, 'nav-quotas');
        await waitForPath(page, /^\/quotas$/);
        await page.getByTestId('quotas-page').waitFor({ timeout: WAIT });
        await page.getByTestId('new-quota').click();
        const form = page.getByTestId('quota-form');
        await form.waitFor({ timeout: WAIT });
        await still(page.locator('.ant-modal').filter({ has: form }));
        // A year quota for this year by default; the person is picked (a manager's own quota is not theirs to set).
        expect(await page.locator('#period').inputValue()).toBe(String(year));
        const person = formItem(page, 'userId').locator('.ant-select');
        const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
        const option = dropdown.getByText('陈小华', { exact: true });
        const chosen = person.filter({ hasText: '陈小华' });
        // As with the team picker below: wait for the dropdown to settle, and pick again until the select shows the person.
        const pick = async () => {
          if (await chosen.isVisible()) return true;
          if (!(await option.isVisible())) await person.click();
          await option.waitFor({ timeout: 2_000 }).catch(() => undefined);
          if (!(await option.isVisible())) return false;
          await still(dropdown.first());
          await option.click({ timeout: 2_000 }).catch(() => undefined);
          return chosen.isVisible();
        };
        await expect.poll(pick, { timeout: WAIT, interval: 500 }).toBe(true);

        await page.locator('#target').fill('3,000,000');
        await page.locator('#stretch').fill('2500000');
        const refused = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/quotas' && r.request().method() === 'POST',
          { timeout: WAIT },
        );
        await page.getByTestId('quota-save').click();
        expect((await refused).status()).toBe(400);
        await expect.poll(() => fieldError(page, 'stretch'), { timeout: WAIT }).toContain('目标');

        await page.locator('#stretch').fill('3500000');
        await page.locator('#challenge').fill('4000000');
        const created = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/quotas' && r.request().method() === 'POST',
          { timeout: WAIT },
        );
        await page.getByTestId('quota-save').click();
        const res = await created;
        expect(res.status(), await res.text()).toBe(201);
        await form.waitFor({ state: 'hidden', timeout: WAIT });

        const table = page.getByTestId('quotas-table');
        await expect
          .poll(() => table.getByTestId('quota-target').allTextContents(), { timeout: WAIT })
          .toEqual(['¥3,000,000.00']);
        expect(await table.getByTestId('quota-period').allTextContents()).toEqual([String(year)]);
        await shot(page, 'quotas');
      } finally {
        await context.close();
      }

      const saved = ok<QuotaList>(await rep.client.get(`/api/quotas?year=${year}`)).items;
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({
        userId: rep.id,
        teamId: null,
        period: String(year),
        periodKind: 'year',
        target: '3000000.00',
        stretch: '3500000.00',
        challenge: '4000000.00',
        editable: false,
      });
      // The rep sees their quota, without edit or delete buttons.
      const again = await open(rep.client.cookie, '/quotas');
      try {
        await expect
          .poll(() => again.page.getByTestId('quota-target').allTextContents(), { timeout: WAIT })
          .toEqual(['¥3,000,000.00']);
        expect(await again.page.getByTestId('quota-edit').count()).toBe(0);
        expect(await again.page.getByTestId('quota-delete').count()).toBe(0);
      } finally {
        await again.context.close();
      }
    });

    test('the planner turns the quota and a 300,000 average deal into the 653321 plan, and saves it', async () => {
      const { context, page } = await open(rep.client.cookie, '/planner');
      // A normal visit asks nothing the server refuses and logs no error.
      const refused: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') refused.push(m.text());
      });
      try {
        await page.getByTestId('planner-page').waitFor({ timeout: WAIT });
        // The ratio inputs carry the stage names, the course's 6-5-3-3-2-1 prefilled.
        const ratios = page.getByTestId('plan-ratios');
        await expect
          .poll(() => ratios.locator('input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)), {
            timeout: WAIT,
          })
          .toEqual(['6', '5', '3', '3', '2', '1']);
        expect(await ratios.textContent()).toContain('培训/交流');
        expect(await ratios.textContent()).toContain('签约');
        // The stages' durations in weeks, the course's prefilled; the start month says where the plan starts by default.
        const weeks = page.getByTestId('plan-weeks');
        expect(
          await weeks.locator('input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
        ).toEqual(['3.0', '2.5', '2.0', '1.5', '1.0', '0.5']);
        const start = planStart(today, year).startMonth;
        expect(await page.getByTestId('plan-start-month').textContent()).toContain(`默认 ${start} 起`);
        // The quota is there but nothing has been won yet to average: the page says what to type.
        await page.getByTestId('planner-missing-averageDealSize').waitFor({ timeout: WAIT });
        expect(await page.getByTestId('planner-missing').textContent()).toContain('平均单笔金额');
        expect(refused).toEqual([]);

        await page.locator('#averageDealSize').fill('300000');
        const computed = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/planner' && r.request().method() === 'POST',
          { timeout: WAIT },
        );
        await page.getByTestId('plan-compute').click();
        const response = await computed;
        expect(response.status()).toBe(200);
        expect((response.request().postDataJSON() as { stageWeeks: number[] }).stageWeeks).toEqual([
          3, 2.5, 2, 1.5, 1, 0.5,
        ]);

        const result = page.getByTestId('plan-result');
        await result.waitFor({ timeout: WAIT });
        await expect
          .poll(() => page.getByTestId('plan-deals-needed').locator('.ant-statistic-content-value').textContent(), {
            timeout: WAIT,
          })
          .toBe('10');
        // The quota was left to the server: the yearly target, marked as the default.
        expect(await page.getByTestId('plan-quota').textContent()).toBe('¥3,000,000.00');
        expect(await page.getByTestId('plan-average').textContent()).toBe('¥300,000.00');
        const totals = await page.getByTestId('plan-stage-total').allTextContents();
        expect(totals.map((s) => Number(s.split('×')[1]))).toEqual([60, 50, 30, 30, 20, 10]);
        expect(totals[0]).toContain('培训/交流');
        // Twelve whole months; two months' lead-in before the first signing, then one a month.
        expect(await page.getByTestId('plan-window').textContent()).toBe(
          `计划期：${start} 至 ${addMonths(start, 11)}（12 个月）`,
        );
        expect(await page.getByTestId('plan-lead-in').locator('.ant-statistic-content-value').textContent()).toBe('2');
        expect(await page.getByTestId('plan-stage-weeks').textContent()).toContain('培训/交流 3 · 见负责人 2.5');
        // Every activity appears once in the months or the backlog: the table's grand total is 200.
        const table = page.getByTestId('plan-table');
        expect(await table.locator('.ant-table-summary').textContent()).toContain('200');
        expect(await page.getByTestId('plan-chart').locator('canvas').count()).toBeGreaterThan(0);
        await shot(page, 'planner');

        const put = page.waitForResponse(
          (r) => new URL(r.url()).pathname === `/api/planner/plans/${year}` && r.request().method() === 'PUT',
          { timeout: WAIT },
        );
        await page.getByTestId('plan-save').click();
        const res = await put;
        expect(res.status(), await res.text()).toBe(200);
        await page.getByTestId('plan-saved-at').waitFor({ timeout: WAIT });

        const plan = ok<Plan>(await rep.client.get(`/api/planner/plans/${year}`));
        expect(plan).toMatchObject({
          userId: rep.id,
          year,
          startMonth: start,
          dealsNeeded: 10,
          ratios: [6, 5, 3, 3, 2, 1],
          stageWeeks: [3, 2.5, 2, 1.5, 1, 0.5],
          leadInMonths: 2,
        });
        // Compared as amounts: the saved plan keeps the typed deal size as given ("300000").
        expect([toCents(plan.quota), toCents(plan.averageDealSize)]).toEqual([toCents('3000000'), toCents('300000')]);
        expect(plan.savedAt).not.toBeNull();
        expect(plan.stageTotals.map((s) => s.count)).toEqual([60, 50, 30, 30, 20, 10]);

        // On a later visit the saved plan is what the page shows, and plan vs actual counts against it.
        await page.reload();
        await page.getByTestId('plan-saved-at').waitFor({ timeout: WAIT });
        expect(await page.getByTestId('plan-average').textContent()).toBe('¥300,000.00');
        await page.getByTestId('plan-actual').getByTestId('months-plan-table').waitFor({ timeout: WAIT });
      } finally {
        await context.close();
      }
    });

    test("a manager sets, edits and deletes a team quota for the quarter, and opens the rep's saved plan", async () => {
      const { context, page } = await open(manager.client.cookie, '/quotas');
      try {
        await page.getByTestId('quotas-page').waitFor({ timeout: WAIT });
        // The rep's yearly quota is in the manager's scope.
        await expect
          .poll(() => page.getByTestId('quota-subject').allTextContents(), { timeout: WAIT })
          .toEqual(['陈小华']);
        await page.getByTestId('new-quota').click();
        const form = page.getByTestId('quota-form');
        await form.waitFor({ timeout: WAIT });
        await still(page.locator('.ant-modal').filter({ has: form }));
        await form.locator('label').filter({ hasText: '团队' }).first().click();
        const teamSelect = formItem(page, 'teamId').locator('.ant-select');
        const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
        const option = dropdown.getByText('华东销售部');
        const chosen = teamSelect.filter({ hasText: '华东销售部' });
        // Once in CI the dialog stayed open after the save, most likely because the team click landed
        // while the dropdown was still opening: wait for it to settle, and pick again until the select
        // shows the team.
        const pick = async () => {
          if (await chosen.isVisible()) return true;
          if (!(await option.isVisible())) await teamSelect.click();
          await option.waitFor({ timeout: 2_000 }).catch(() => undefined);
          if (!(await option.isVisible())) return false;
          await still(dropdown.first());
          await option.click({ timeout: 2_000 }).catch(() => undefined);
          return chosen.isVisible();
        };
        await expect.poll(pick, { timeout: WAIT, interval: 500 }).toBe(true);
        await page.getByTestId('quota-kind-quarter').click();
        await expect.poll(() => page.locator('#period').inputValue(), { timeout: WAIT }).toBe(quarter);
        await page.locator('#target').fill('2000000');
        await expect.poll(() => page.locator('#target').inputValue(), { timeout: WAIT }).toBe('2000000');
        await page.getByTestId('quota-save').click();
        await form.waitFor({ state: 'hidden', timeout: WAIT });

        const teamRow = page.getByTestId('quotas-table').locator('tr.ant-table-row').filter({ hasText: '华东销售部' });
        await expect
          .poll(() => teamRow.getByTestId('quota-target').textContent(), { timeout: WAIT })
          .toBe('¥2,000,000.00');
        await teamRow.getByTestId('quota-edit').click();
        await form.waitFor({ timeout: WAIT });
        // Whose quota and which period are fixed once set; the levels are not.
        expect(await page.locator('#period').isDisabled()).toBe(true);
        await page.locator('#target').fill('2500000');
        await page.getByTestId('quota-save').click();
        await form.waitFor({ state: 'hidden', timeout: WAIT });
        await expect
          .poll(() => teamRow.getByTestId('quota-target').textContent(), { timeout: WAIT })
          .toBe('¥2,500,000.00');
        const team = ok<QuotaList>(await manager.client.get(`/api/quotas?year=${year}`)).items.find((q) => q.teamId);
        expect(team).toMatchObject({
          teamName: '华东销售部',
          period: quarter,
          periodKind: 'quarter',
          target: '2500000.00',
        });

        await teamRow.getByTestId('quota-delete').click();
        // antd spaces two-character Chinese button labels ("删 除").
        await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-dangerous').click();
        await expect
          .poll(() => page.getByTestId('quota-subject').allTextContents(), { timeout: WAIT })
          .toEqual(['陈小华']);

        // The person picker: the rep's saved plan, as the rep saved it.
        await page.goto(`/planner?userId=${rep.id}`);
        await page.getByTestId('plan-saved-at').waitFor({ timeout: WAIT });
        expect(await page.getByTestId('plan-deals-needed').locator('.ant-statistic-content-value').textContent()).toBe(
          '10',
        );
        expect(await page.getByTestId('plan-save').textContent()).toContain('保存为该成员的计划');
      } finally {
        await context.close();
      }
    });

    test("the manager's dashboard shows the team funnel, the forecast against quota and the deals at risk", async () => {
      const { context, page } = await open(manager.client.cookie, '/accounts');
      try {
        await navTo(page, 'nav-dashboard');
        await waitForPath(page, /^\/dashboard$/);
        await page.getByTestId('dashboard-page').waitFor({ timeout: WAIT });

        const summary = ok<PipelineSummary>(await manager.client.get('/api/pipeline/summary'));
        expect(summary.totals.count).toBe(3);
        const funnel = page.getByTestId('pipeline-summary');
        await expect
          .poll(() => funnel.getByTestId('summary-count').locator('.ant-statistic-content-value').textContent(), {
            timeout: WAIT,
          })
          .toBe('3');
        expect(await funnel.getByTestId('summary-amount').textContent()).toContain(money(summary.totals.amount));
        expect(await funnel.getByTestId('summary-weighted').textContent()).toContain(
          money(summary.totals.weightedAmount),
        );
        expect(await funnel.getByTestId('funnel-chart').locator('canvas').count()).toBeGreaterThan(0);

        // Forecast vs quota per rep for this quarter: the rep's row, with the figures the API gives.
        const forecast = ok<Forecast>(await manager.client.get(`/api/forecast?period=${quarter}&groupBy=owner`));
        const row = forecast.rows.find((r) => r.key === rep.id);
        expect(row).toBeDefined();
        const table = page.getByTestId('dashboard-forecast-table');
        await expect
          .poll(() => table.getByTestId('forecast-row-label').allTextContents(), { timeout: WAIT })
          .toContain('陈小华');
        const repRow = table.locator('tr.ant-table-row').filter({ hasText: '陈小华' });
        expect(await repRow.textContent()).toContain(money(row?.weightedForecast ?? ''));
        // The yearly quota's share of the quarter.
        expect(toCents(row?.quota?.target ?? '0')).toBe(toCents('750000'));
        expect(await repRow.textContent()).toContain(money(row?.quota?.target ?? ''));
        expect(await page.getByTestId('dashboard-forecast-table-totals').textContent()).toContain(
          money(forecast.totals.weightedForecast),
        );

        // New deals without buying influences are in serious trouble: all three are listed.
        const risk = page.getByTestId('risk-deals');
        await expect
          .poll(async () => (await risk.getByTestId('opportunity-link').allTextContents()).sort(), { timeout: WAIT })
          .toEqual(deals.map((d) => d.name).sort());
        // Plan vs actual lists the rep with their saved plan.
        await expect
          .poll(() => page.getByTestId('people-plan-table').getByTestId('plan-person').allTextContents(), {
            timeout: WAIT,
          })
          .toContain('陈小华');
        await page.getByTestId('win-loss').getByTestId('win-rate').waitFor({ timeout: WAIT });
        // What changed: with no snapshot yet, the three deals created this week are new; choosing the
        // kind lists them.
        const changes = page.getByTestId('slipped-deals');
        await changes.waitFor({ timeout: WAIT });
        await changes
          .getByTestId('changes-summary')
          .getByText(/新增|New/)
          .click();
        await expect
          .poll(
            async () =>
              (await changes.getByTestId('slipped-table').locator('tr.ant-table-row a').allTextContents()).sort(),
            { timeout: WAIT },
          )
          .toEqual(deals.map((d) => d.name).sort());
        await settled(page);
        await shot(page, 'dashboard');
      } finally {
        await context.close();
      }
    });

    test('the forecast page groups by month, switches the period and shows calibration and accuracy', async () => {
      const { context, page } = await open(manager.client.cookie, '/forecast');
      try {
        await page.getByTestId('forecast-page').waitFor({ timeout: WAIT });
        const forecast = ok<Forecast>(await manager.client.get(`/api/forecast?period=${quarter}&groupBy=owner`));
        await expect
          .poll(() => page.getByTestId('total-weighted-forecast').textContent(), { timeout: WAIT })
          .toContain(money(forecast.totals.weightedForecast));
        expect(await page.getByTestId('forecast-chart').locator('canvas').count()).toBeGreaterThan(0);

        await page.getByTestId('forecast-group-month').click();
        const byMonth = ok<Forecast>(await manager.client.get(`/api/forecast?period=${quarter}&groupBy=month`));
        await expect
          .poll(() => page.getByTestId('forecast-table').getByTestId('forecast-row-label').allTextContents(), {
            timeout: WAIT,
          })
          .toEqual(byMonth.rows.map((r) => r.label));
        expect(new URL(page.url()).searchParams.get('groupBy')).toBe('month');

        // The open stages' calibration rows, configured beside observed.
        const calibration = page.getByTestId('calibration-table');
        await expect.poll(() => calibration.locator('tr.ant-table-row').count(), { timeout: WAIT }).toBeGreaterThan(0);
        expect(await calibration.textContent()).toContain('见负责人');
        await page.getByTestId('accuracy-table').waitFor({ timeout: WAIT });

        await page.getByTestId('period-kind-year').click();
        await expect.poll(() => new URL(page.url()).searchParams.get('period'), { timeout: WAIT }).toBe(String(year));
        await settled(page);
        await shot(page, 'forecast');
      } finally {
        await context.close();
      }
    });

    test('at 390 px the forecast, planner and dashboard fit the screen; their tables scroll inside', async () => {
      for (const [cookie, path, testId] of [
        [manager.client.cookie, '/dashboard', 'dashboard-page'],
        [rep.client.cookie, '/planner', 'plan-result'],
        [manager.client.cookie, '/forecast', 'forecast-table'],
        [rep.client.cookie, '/quotas', 'quotas-table'],
      ] as const) {
        const { context, page } = await open(cookie, path, { mobile: true });
        try {
          await page.getByTestId(testId).waitFor({ timeout: WAIT });
          await settled(page);
          await shot(page, `mobile-${path.slice(1)}`);
          const width = await pageScrollWidth(page);
          expect(width, `${path}: page is ${width}px wide on a ${WIDTH}px screen`).toBeLessThanOrEqual(WIDTH + 1);
        } finally {
          await context.close();
        }
      }
    });
    test("a newcomer's default average deal size comes from their team's won deals, and the planner says so", async () => {
      // The rep signs a deal; a newcomer on the same team, with a quota from the admin, has none of their own.
      await f.deal(rep.client, {
        accountId: deals[0].accountId,
        name: '医院门诊信息化',
        amount: '480000.00',
        stageId: stage('签约').id,
      });
      const newcomer = await f.user({ role: 'rep', teamId: rep.teamId, managerId: manager.id, name: '林新人' });
      await newcomer.client.patch('/api/auth/me/preferences', { money: 'full' });
      const mine = await open(newcomer.client.cookie, '/planner');
      try {
        // No quota yet: the planner says what a quota is and plans from a typed target, without an error.
        const refused: string[] = [];
        mine.page.on('response', (r) => {
          if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
        });
        await mine.page.getByTestId('planner-missing-quota').waitFor({ timeout: WAIT });
        expect(await mine.page.getByTestId('planner-missing').textContent()).toContain('配额是公司为你定下的');
        // A rep cannot set quotas: no way to the quota form, only the typed target.
        expect(await mine.page.getByTestId('planner-enter-quota').count()).toBe(0);
        await mine.page.getByTestId('planner-type-target').click();
        await expect.poll(() => mine.page.evaluate(() => document.activeElement?.id), { timeout: WAIT }).toBe('quota');
        await mine.page.keyboard.type('960000');
        await mine.page.getByTestId('plan-compute').click();
        await expect
          .poll(() => mine.page.getByTestId('plan-quota').textContent(), { timeout: WAIT })
          .toBe('¥960,000.00');
        expect(refused).toEqual([]);
      } finally {
        await mine.context.close();
      }
      ok(await f.admin.post('/api/quotas', { userId: newcomer.id, period: String(year), target: '960000' }));
      const again = await open(newcomer.client.cookie, '/planner');
      try {
        await again.page.getByTestId('plan-result').waitFor({ timeout: WAIT });
        await expect
          .poll(() => again.page.getByTestId('plan-average').textContent(), { timeout: WAIT })
          .toBe('¥480,000.00');
        expect(await again.page.getByTestId('plan-average-source').textContent()).toBe('按你所在团队近 12 个月的赢单');
        // Typed in, the average needs no source.
        await again.page.locator('#averageDealSize').fill('320000');
        await again.page.getByTestId('plan-compute').click();
        await expect
          .poll(() => again.page.getByTestId('plan-average').textContent(), { timeout: WAIT })
          .toBe('¥320,000.00');
        expect(await again.page.getByTestId('plan-average-source').count()).toBe(0);
      } finally {
        await again.context.close();
      }
      // Their manager, looking at the newcomer's plan, reads whose team it was.
      const theirs = await open(manager.client.cookie, `/planner?userId=${newcomer.id}`);
      try {
        await expect
          .poll(() => theirs.page.getByTestId('plan-average-source').textContent(), { timeout: WAIT })
          .toBe('按林新人所在团队近 12 个月的赢单');
      } finally {
        await theirs.context.close();
      }
    });
  },
);
