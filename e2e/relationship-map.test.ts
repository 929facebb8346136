// Relationship map and stakeholder grid (issue 6), one story: a rep opens a government account's
// map (red: the director, its only key player, is neutral), draws a peer link between two section
// chiefs, sets the director's attitude to +5 in the side panel (the map turns green) and removes the
// link again, then drags a contact to another quadrant of the stakeholder grid; on a 390 px phone
// the grid stacks and a quadrant is chosen from a select.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Contact, ContactLink } from '../core/schemas/contacts.ts';
import type { Stakeholders } from '../core/schemas/relationship-map.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT, pageScrollWidth, pickOption, popupsClosed, shot, still } from './util.ts';

async function centre(el: Locator): Promise<{ x: number; y: number }> {
  const box = await el.boundingBox();
  if (!box) throw new Error('element not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at `from`, moves there in steps (so drag code sees real moves) and releases at `to`. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 10, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

describe.skipIf(!hasChromium)(
  'relationship map: draw a link, win the director over, regroup stakeholders',
  { timeout: 90_000 },
  () => {
    let e: E2E;
    let f: Factories;
    let rep: Awaited<ReturnType<Factories['user']>>;
    let accountId: string;
    let director: Contact;
    let li: Contact;
    let zhao: Contact;

    beforeAll(async () => {
      e = await startE2E();
      f = await seededE2E(e);
      rep = await f.user({ name: '陈小华' });
      accountId = (await f.account(rep.client, { name: '市大数据局', ownershipType: 'government' })).id;
      director = await f.contact(rep.client, {
        accountId,
        name: '王局长',
        title: '局长',
        influence: 'high',
        attitude: 0,
        counterpartId: rep.id,
        govAchievements: '一网通办',
      });
      li = await f.contact(rep.client, {
        accountId,
        name: '李处长',
        title: '信息处处长',
        influence: 'medium',
        attitude: 3,
        reportsToId: director.id,
      });
      zhao = await f.contact(rep.client, {
        accountId,
        name: '赵主任',
        title: '数据中心主任',
        influence: 'medium',
        attitude: 2,
        reportsToId: director.id,
      });
    });
    afterAll(async () => {
      await e?.close();
    });

    test('a peer link drawn on the map is saved; the director’s attitude turns the map green', async () => {
      const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
      await page.goto(`/accounts/${accountId}?tab=relmap`);
      const status = page.getByTestId('map-status');
      await status.waitFor({ timeout: WAIT });
      expect(await status.getAttribute('data-status')).toBe('red');
      await page.locator('[data-testid="map-node"]').nth(2).waitFor({ timeout: WAIT });
      const node = (c: Contact) => page.locator(`[data-testid="map-node"][data-contact-id="${c.id}"]`);
      // Counterpart beside the director; two reporting lines drawn.
      await expect(node(director).textContent()).resolves.toContain('陈小华');
      await expect(node(director).getByTestId('map-node-gov').getAttribute('title')).resolves.toContain('一网通办');
      expect(await page.locator('.react-flow__edge').count()).toBe(2);

      await drag(page, node(li).getByTestId('map-handle-out'), node(zhao).getByTestId('map-handle-in'));
      const select = page.getByTestId('map-link-kind');
      await select.waitFor({ timeout: WAIT });
      await still(page.locator('.ant-modal').filter({ has: select }));
      await pickOption(page, select, '平级');
      await popupsClosed(page, 'select');
      await page.getByTestId('map-link-save').click();
      await page.locator('.react-flow__edge').nth(2).waitFor({ timeout: WAIT });
      await page.locator('.react-flow__edge-text', { hasText: '平级' }).waitFor({ timeout: WAIT });
      const links = ok<{ items: ContactLink[] }>(await rep.client.get(`/api/contacts/${li.id}/links`)).items;
      expect(links).toEqual([expect.objectContaining({ fromContactId: li.id, toContactId: zhao.id, kind: 'peer' })]);

      await node(director).click();
      const panel = page.locator('.ant-drawer').filter({ has: page.getByTestId('map-attitude-slider') });
      await panel.waitFor({ timeout: WAIT });
      await expect(panel.textContent()).resolves.toContain('一网通办');
      await panel.locator('.ant-slider-handle').focus();
      await page.keyboard.press('End');
      await page.locator('[data-testid="map-status"][data-status="green"]').waitFor({ timeout: WAIT });
      expect(ok<Contact>(await rep.client.get(`/api/contacts/${director.id}`)).attitude).toBe(5);
      await expect(node(director).getByTestId('map-node-attitude').textContent()).resolves.toBe('+5');
      await page.locator('.ant-drawer-close').click();
      await shot(page, 'relmap-desktop');

      // A click on the line offers to remove it.
      await page.locator('.react-flow__edge', { hasText: '平级' }).locator('.react-flow__edge-textbg').click();
      await page.getByTestId('map-edge-remove').click();
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 2, undefined, {
        timeout: WAIT,
      });
      expect(ok<{ items: ContactLink[] }>(await rep.client.get(`/api/contacts/${li.id}/links`)).items).toEqual([]);
    });

    test('a contact dragged to another quadrant of the stakeholder grid keeps its new power and interest', async () => {
      const page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
      await page.goto(`/accounts/${accountId}?tab=stakeholders`);
      // 赵主任: medium influence (power 3) and attitude +2 (interest 3): manage closely.
      const chip = page.getByTestId('quadrant-manage_closely').locator(`[data-contact-id="${zhao.id}"]`);
      await chip.waitFor({ timeout: WAIT });
      await drag(page, chip, page.getByTestId('quadrant-monitor'));
      await page.getByTestId('quadrant-monitor').locator(`[data-contact-id="${zhao.id}"]`).waitFor({ timeout: WAIT });
      const row = ok<Stakeholders>(await rep.client.get(`/api/accounts/${accountId}/stakeholders`)).items.find(
        (s) => s.contactId === zhao.id,
      );
      expect(row).toMatchObject({
        power: 2,
        interest: 2,
        powerDerived: false,
        interestDerived: false,
        quadrant: 'monitor',
      });
    });

    test('on a phone the map fits and a stakeholder is moved with the quadrant select', async () => {
      const page = await e.page({ cookie: rep.client.cookie, mobile: true, timezoneId: TIME_ZONE });
      await page.goto(`/accounts/${accountId}?tab=relmap`);
      await page.locator('[data-testid="map-node"]').nth(2).waitFor({ timeout: WAIT });
      await shot(page, 'relmap-phone-map');
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
      await page.getByTestId('tab-stakeholders').click();
      const chip = page.getByTestId('quadrant-manage_closely').locator(`[data-contact-id="${li.id}"]`);
      await chip.waitFor({ timeout: WAIT });
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
      await pickOption(page, chip.getByTestId('stakeholder-quadrant-select'), '令其满意');
      await page
        .getByTestId('quadrant-keep_satisfied')
        .locator(`[data-contact-id="${li.id}"]`)
        .waitFor({ timeout: WAIT });
      await shot(page, 'relmap-phone-grid');
      const row = ok<Stakeholders>(await rep.client.get(`/api/accounts/${accountId}/stakeholders`)).items.find(
        (s) => s.contactId === li.id,
      );
      expect(row).toMatchObject({
        power: 3,
        interest: 2,
        powerDerived: true,
        interestDerived: false,
        quadrant: 'keep_satisfied',
      });
    });
  },
);
