// What the screens signal (issue 18): the relationship map answers to the open deals' Blue Sheets, the
// deal health breakdown names each flag once, a won deal's judgement stays as it was at closing, a new
// account shows no health instead of a red 0, and 事业单位 contacts carry the government intelligence.
// The data is set up through the API; the browser checks what a rep sees.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Influence, OpportunityDetail } from '../core/schemas/deals.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT, shot } from './util.ts';

describe.skipIf(!hasChromium)('signals a rep reads', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let stages: Stage[];

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ name: '陈小华' });
    stages = ok<{ items: Stage[] }>(await rep.client.get('/api/stages')).items;
  });
  afterAll(async () => {
    await e?.close();
  });

  /** A page signed in as the rep; closed after `run`. */
  async function asRep(run: (page: Page) => Promise<void>): Promise<void> {
    const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
    await run(page);
  }

  /** A deal whose economic buyer and coach were met, and whose user and technical buyers were not. */
  async function dealWithGaps(name: string): Promise<OpportunityDetail> {
    const deal = await f.deal(rep.client, { accountId: (await f.account(rep.client)).id, name });
    for (const [roles, coverage] of [
      [['economic'], 'multiple'],
      [['coach'], 'multiple'],
      [['user'], 'none'],
      [['technical'], 'none'],
    ] as const) {
      ok(
        await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
          newContact: { name: `${name}-${roles[0]}` },
          roles,
          coverage,
          rating: 2,
        }),
      );
    }
    return ok<OpportunityDetail>(await rep.client.get(`/api/opportunities/${deal.id}`));
  }

  const healthScore = async (page: Page) => Number(await page.getByTestId('health-score').textContent());

  test('the map stays amber while the deal’s economic buyer was never met; the grid puts them at high power', async () => {
    const account = await f.account(rep.client, { name: '城市商业银行' });
    // Low influence on the account, warm (+3): only the deal makes them the decision maker.
    const buyer = await f.contact(rep.client, { accountId: account.id, name: '吴总监', influence: 'low', attitude: 3 });
    const deal = await f.deal(rep.client, { accountId: account.id, name: '核心系统' });
    const influence = ok<Influence>(
      await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
        contactId: buyer.id,
        roles: ['economic'],
        rating: 2,
      }),
    );
    await asRep(async (page) => {
      await page.goto(`/accounts/${account.id}?tab=relmap`);
      const status = page.locator('[data-testid="map-status"][data-status="amber"]');
      await status.waitFor({ timeout: WAIT });
      await expect(status.textContent()).resolves.toContain('在途商机的关键决策者尚未接触：吴总监 · 核心系统');
      await shot(page, 'signals-map-unmet');

      await page.goto(`/accounts/${account.id}?tab=stakeholders`);
      await page
        .getByTestId('quadrant-manage_closely')
        .locator(`[data-contact-id="${buyer.id}"]`)
        .waitFor({ timeout: WAIT });

      ok(
        await rep.client.patch(`/api/opportunities/${deal.id}/influences/${influence.id}`, {
          version: influence.version,
          coverage: 'multiple',
        }),
      );
      await page.goto(`/accounts/${account.id}?tab=relmap`);
      await page.locator('[data-testid="map-status"][data-status="green"]').waitFor({ timeout: WAIT });
    });
  });

  test('the health breakdown names the user and the technical buyer apart', async () => {
    const deal = await dealWithGaps('两个角色');
    await asRep(async (page) => {
      await page.goto(`/opportunities/${deal.id}`);
      const part = (key: string) => page.locator(`[data-testid="health-part"][data-key="${key}"]`);
      await part('flag.role_not_covered.technical').waitFor({ timeout: WAIT });
      await expect(part('flag.role_not_covered.user').textContent()).resolves.toContain('扣分：用户无人覆盖-8');
      await expect(part('flag.role_not_covered.technical').textContent()).resolves.toContain(
        '扣分：技术把关者无人覆盖-8',
      );
      await shot(page, 'signals-breakdown');
    });
  });

  test('a won deal keeps the health and risks it had when it closed', async () => {
    const deal = await dealWithGaps('赢单');
    const won = ok<OpportunityDetail>(
      await rep.client.patch(`/api/opportunities/${deal.id}`, {
        version: deal.version,
        stageId: stages.find((s) => s.kind === 'won')?.id,
        confirmUnmetCriteria: true,
      }),
    );
    // After the win the Blue Sheet changes: everyone met in depth, one more user buyer.
    for (const i of won.influences)
      ok(
        await rep.client.patch(`/api/opportunities/${deal.id}/influences/${i.id}`, {
          version: i.version,
          coverage: 'in_depth',
        }),
      );
    ok(
      await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
        newContact: { name: '新来的处长' },
        roles: ['user'],
        coverage: 'in_depth',
      }),
    );
    await asRep(async (page) => {
      await page.goto(`/opportunities/${deal.id}`);
      await page.getByTestId('judgement-frozen').waitFor({ timeout: WAIT });
      expect(await healthScore(page)).toBe(won.health);
      const codes = await page
        .getByTestId('red-flag')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
      expect(codes).toEqual(won.redFlags.map((x) => x.code));
      expect(codes.length).toBeGreaterThan(0);
      await shot(page, 'signals-won');
    });
  });

  test('a new account shows no health (—) in the list and on the account, not a red 0', async () => {
    const account = await f.account(rep.client, { name: '刚建档的客户' });
    await f.contact(rep.client, { accountId: account.id, name: '未拜访的处长', influence: 'high' });
    await asRep(async (page) => {
      await page.goto('/accounts');
      const badge = page.locator(`[data-row-key="${account.id}"]`).getByTestId('account-health');
      await badge.waitFor({ timeout: WAIT });
      expect(await badge.textContent()).toBe('—');
      expect(await badge.getAttribute('data-score')).toBeNull();

      await page.goto(`/accounts/${account.id}`);
      const header = page.getByTestId('account-health-link').getByTestId('account-health');
      await header.waitFor({ timeout: WAIT });
      expect(await header.textContent()).toBe('—');
      await page.goto(`/accounts/${account.id}?tab=health`);
      const score = page.getByTestId('account-health-card').getByTestId('account-health-score');
      await score.waitFor({ timeout: WAIT });
      expect(await score.textContent()).toContain('暂无数据');
    });
  });

  test('a 事业单位 contact carries the government intelligence', async () => {
    const hospital = await f.account(rep.client, { name: '市第一人民医院', ownershipType: 'institution' });
    const dean = await f.contact(rep.client, { accountId: hospital.id, name: '孙院长', govAchievements: '三甲复评' });
    await asRep(async (page) => {
      await page.goto(`/contacts/${dean.id}`);
      const card = page.getByTestId('contact-gov');
      await card.waitFor({ timeout: WAIT });
      await expect(card.textContent()).resolves.toContain('三甲复评');
    });
  });
});
