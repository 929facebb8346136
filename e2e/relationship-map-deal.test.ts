// A deal's relationship map (issue 6): the map tab beside the Blue Sheet shows the buying influences
// with their roles; the economic buyer's rating, set on the map, is the influence's rating, and
// winning them over turns the map from amber to green; a rating the server refuses goes back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT } from './util.ts';

describe.skipIf(!hasChromium)('deal relationship map: rate the economic buyer on the map', { timeout: 60_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let deal: OpportunityDetail;
  let buyerId: string;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ name: '陈小华' });
    const account = await f.account(rep.client, { name: '上海申通地铁集团有限公司', ownershipType: 'soe' });
    const cio = await f.contact(rep.client, { accountId: account.id, name: '周总监', title: '信息中心总监' });
    const boss = await f.contact(rep.client, { accountId: account.id, name: '吴总', title: '总经理' });
    deal = await f.deal(rep.client, { accountId: account.id, name: '乘客信息系统升级' });
    ok(
      await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
        contactId: cio.id,
        roles: ['technical', 'coach'],
        rating: 3,
      }),
    );
    buyerId = boss.id;
    ok(
      await rep.client.post(`/api/opportunities/${deal.id}/influences`, {
        contactId: boss.id,
        roles: ['economic'],
        influence: 'high',
        rating: -2,
        coverage: 'brief',
      }),
    );
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the economic buyer rated +5 on the map turns it green', async () => {
    const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
    await page.goto(`/opportunities/${deal.id}`);
    await page.getByTestId('tab-relmap').click();
    await page.locator('[data-testid="map-status"][data-status="amber"]').waitFor({ timeout: WAIT });
    const buyer = page.locator(`[data-testid="map-node"][data-contact-id="${buyerId}"]`);
    await expect(buyer.getByTestId('map-node-role').allTextContents()).resolves.toEqual(['关键决策者']);
    await buyer.click();
    const slider = page.getByTestId('map-attitude-slider').locator('.ant-slider-handle');
    await slider.waitFor({ timeout: WAIT });
    await slider.focus();
    await page.keyboard.press('End');
    await page.locator('[data-testid="map-status"][data-status="green"]').waitFor({ timeout: WAIT });
    const influence = ok<OpportunityDetail>(await rep.client.get(`/api/opportunities/${deal.id}`)).influences.find(
      (i) => i.contactId === buyerId,
    );
    expect(influence?.rating).toBe(5);
  });

  test('a rating whose save fails goes back on the slider and says the change was not saved', async () => {
    const { context, page } = await e.context({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
    try {
      await page.goto(`/opportunities/${deal.id}`);
      await page.getByTestId('tab-relmap').click();
      await page.locator(`[data-testid="map-node"][data-contact-id="${buyerId}"]`).click();
      const shown = page.getByTestId('map-panel-attitude');
      await expect.poll(() => shown.textContent(), { timeout: WAIT }).toBe('+5');
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      await page.route(`**/api/opportunities/${deal.id}/influences/*`, (route) =>
        route.request().method() === 'PATCH' ? held.then(() => route.abort('failed')) : route.continue(),
      );
      const slider = page.getByTestId('map-attitude-slider').locator('.ant-slider-handle');
      await slider.focus();
      await page.keyboard.press('Home');
      await expect.poll(() => shown.textContent(), { timeout: WAIT }).toBe('-5');
      release();
      await expect.poll(() => shown.textContent(), { timeout: WAIT }).toBe('+5');
      await page.locator('.ant-message-error').getByText('您的修改未保存').waitFor({ timeout: WAIT });
      const influence = ok<OpportunityDetail>(await rep.client.get(`/api/opportunities/${deal.id}`)).influences.find(
        (i) => i.contactId === buyerId,
      );
      expect(influence?.rating).toBe(5);
    } finally {
      await context.close();
    }
  });
});
