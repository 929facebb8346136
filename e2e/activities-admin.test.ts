// Activity types and the after-sales cadence in the admin section (issue 4): add a type mapped to a
// funnel stage, rename it, deactivate it (planners no longer offer it), and change the cadence.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { ActivitySettings, ActivityType } from '../core/schemas/activities.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { WAIT, formItem, pickOption, shot, still } from './util.ts';
import { TIME_ZONE, ok } from './activities-util.ts';

describe.skipIf(!hasChromium)('admin: activity types and after-sales cadence', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;

  const types = async () => ok<{ items: ActivityType[] }>(await f.admin.get('/api/activity-types')).items;
  const row = (key: string) => page.locator(`[data-testid="activity-type-row"][data-key="${key}"]`);

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('add a type mapped to a stage, rename it, deactivate it', async () => {
    const stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
    const proposal = stages.find((s) => s.name === '提供方案');
    await page.goto('/admin/activity-types');
    await row('visit').waitFor({ timeout: WAIT });
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('activity-type-form') });

    await page.getByTestId('new-activity-type').click();
    await page.getByTestId('activity-type-form').waitFor({ timeout: WAIT });
    await still(modal);
    await page.locator('#key').fill('product_demo');
    await page.locator('#name').fill('产品演示');
    await page.locator('#nameEn').fill('Product demo');
    await pickOption(page, formItem(page, 'stageId').locator('.ant-select'), '提供方案');
    await page.getByTestId('activity-type-submit').click();
    await row('product_demo').waitFor({ timeout: WAIT });
    expect(await row('product_demo').textContent()).toContain('提供方案');
    expect((await types()).find((x) => x.key === 'product_demo')).toMatchObject({
      name: '产品演示',
      nameEn: 'Product demo',
      stageId: proposal?.id,
      builtin: false,
      active: true,
    });

    await row('product_demo').getByTestId('activity-type-edit').click();
    await page.getByTestId('activity-type-form').waitFor({ timeout: WAIT });
    await still(modal);
    expect(await page.locator('#key').isDisabled()).toBe(true);
    await page.locator('#name').fill('产品演示会');
    await page.getByTestId('activity-type-submit').click();
    await expect
      .poll(() => row('product_demo').getByTestId('activity-type-name-text').textContent(), { timeout: WAIT })
      .toBe('产品演示会');

    const saved = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/activity-types/product_demo' && r.request().method() === 'PATCH',
      { timeout: WAIT },
    );
    await row('product_demo').getByTestId('activity-type-active').click();
    expect((await saved).status()).toBe(200);
    await row('product_demo').getByText('已停用').waitFor({ timeout: WAIT });
    expect((await types()).find((x) => x.key === 'product_demo')).toMatchObject({ name: '产品演示会', active: false });
    await shot(page, 'admin-activity-types');

    // The visit planner no longer offers it.
    await page.goto('/activities');
    await page.getByTestId('new-activity').click();
    await page.getByTestId('activity-form').waitFor({ timeout: WAIT });
    await formItem(page, 'type').locator('.ant-select').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').filter({ hasText: '拜访' }).first().waitFor({ timeout: WAIT });
    expect(await dropdown.locator('.ant-select-item-option').filter({ hasText: '产品演示' }).count()).toBe(0);
  });

  test('the after-sales cadence: drop day 90, add day 60', async () => {
    await page.goto('/admin/activity-types');
    const card = page.getByTestId('cadence-card');
    await card.getByTestId('cadence-day').first().waitFor({ timeout: WAIT });
    expect(await card.getByTestId('cadence-day').allTextContents()).toEqual(['第 7 天', '第 30 天', '第 90 天']);
    await card.getByTestId('cadence-day').filter({ hasText: '第 90 天' }).locator('.ant-tag-close-icon').click();
    await page.locator('#cadence-input').fill('60');
    await card.getByTestId('cadence-add').click();
    expect(await card.getByTestId('cadence-day').allTextContents()).toEqual(['第 7 天', '第 30 天', '第 60 天']);
    const saved = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/settings/activities' && r.request().method() === 'PUT',
      { timeout: WAIT },
    );
    await card.getByTestId('cadence-save').click();
    expect((await saved).status()).toBe(200);
    expect(ok<ActivitySettings>(await f.admin.get('/api/settings/activities')).afterSalesCadenceDays).toEqual([
      7, 30, 60,
    ]);
  });
});
