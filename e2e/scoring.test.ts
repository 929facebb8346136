// Key-account scoring through the UI (issue 6), one story: an admin opens the scoring page, sees
// the assigned × recommended matrix, filters the disagreements, selects them and applies the
// recommended tiers; the tiers change in the table, the matrix and the archive; the model drawer
// sums the weights live and edits a criterion's "the larger of" figures; the account page's score
// card shows which figure counted and fits a 390 px phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { ScoringModel } from '../core/schemas/key-accounts.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT, pageScrollWidth, settled, shot, still, waitForPath, navTo } from './util.ts';

describe.skipIf(!hasChromium)('scoring: filter disagreements, apply the recommended tiers', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let big: AccountDetail;
  let steady: AccountDetail;
  let untiered: AccountDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    // 90 → A but assigned C; 62 → B and assigned B; 62 → B, untiered (the larger of sales and potential).
    big = await f.account(f.admin, {
      name: '华东电网集团',
      ourRevenue: '5000000',
      potential: '3000000',
      marketStrength: 4,
      financialStatus: 'fair',
      tier: 'C',
    });
    steady = await f.account(f.admin, {
      name: '江苏交通控股',
      ourRevenue: '100000',
      potential: '3000000',
      marketStrength: 4,
      financialStatus: 'fair',
      tier: 'B',
    });
    untiered = await f.account(f.admin, {
      name: '苏州工业园区管委会',
      ourRevenue: '100000',
      potential: '3000000',
      marketStrength: 4,
      financialStatus: 'fair',
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an admin filters the disagreements, selects them and applies the recommended tiers', async () => {
    const page = await e.page({ cookie: f.admin.cookie, timezoneId: TIME_ZONE });
    await page.goto('/accounts');
    await navTo(page, 'nav-scoring');
    await waitForPath(page, /^\/analysis\/scoring$/);
    await page.getByTestId('scoring-page').waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('matrix-C-A').textContent(), { timeout: WAIT }).toBe('1');
    expect(await page.getByTestId('matrix-B-B').textContent()).toBe('1');
    expect(await page.getByTestId('matrix-none-B').textContent()).toBe('1');

    const table = page.getByTestId('scoring-table');
    const names = () => table.locator('tbody tr.ant-table-row a').allTextContents();
    await expect.poll(names, { timeout: WAIT }).toHaveLength(3);
    await page.getByTestId('scoring-disagree').click();
    await expect.poll(names, { timeout: WAIT }).toEqual([big.name, untiered.name]);
    expect(new URL(page.url()).searchParams.get('disagree')).toBe('1');
    await shot(page, 'scoring');

    await table.locator('thead .ant-checkbox-input').check();
    await page.getByTestId('scoring-bulk').waitFor({ timeout: WAIT });
    await page.getByTestId('scoring-apply-recommended').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor({ timeout: WAIT });
    await still(confirm);
    const applied = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/accounts/tiers' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await confirm.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    const res = await applied;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toEqual({ updated: 2 });

    // Nothing disagrees any more: the filtered table empties and the matrix moves to its diagonal.
    await expect.poll(names, { timeout: WAIT }).toEqual([]);
    await expect.poll(() => page.getByTestId('matrix-A-A').textContent(), { timeout: WAIT }).toBe('1');
    expect(await page.getByTestId('matrix-B-B').textContent()).toBe('2');
    expect(await page.getByTestId('matrix-C-A').textContent()).toBe('0');
    await page.getByTestId('scoring-disagree').click();
    const row = table.getByTestId(`score-row-${big.id}`);
    await expect.poll(() => row.getByTestId('score-tier').textContent(), { timeout: WAIT }).toContain('A');
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${big.id}`)).tier).toBe('A');
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${untiered.id}`)).tier).toBe('B');
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${steady.id}`)).version).toBe(steady.version);

    // The model drawer adds the weights up as they are typed.
    await page.getByTestId('scoring-edit-model').click();
    const sum = page.getByTestId('scoring-weight-sum');
    await expect.poll(() => sum.textContent(), { timeout: WAIT }).toContain('100 / 100');
    await page.locator('#criteria_0_weight').fill('65');
    await expect.poll(() => sum.textContent(), { timeout: WAIT }).toContain('95 / 100');
    await shot(page, 'scoring-model');
    // Refused before any request, on the criteria list; put right, the model saves.
    await page.getByTestId('scoring-model-save').click();
    await expect
      .poll(() => page.getByTestId('scoring-model-form').textContent(), { timeout: WAIT })
      .toContain('各项权重合计须为 100（当前为 95）');
    await page.locator('#criteria_0_weight').fill('70');
    await expect.poll(() => sum.textContent(), { timeout: WAIT }).toContain('100 / 100');
    // Sales or potential, the larger: the potential is the criterion's further figure; another criterion can take one too.
    const first = page.getByTestId('criterion-0');
    expect(await first.getByTestId('criterion-alternative').count()).toBe(1);
    expect(await first.getByTestId('criterion-alternative').textContent()).toContain('潜在规模');
    const second = page.getByTestId('criterion-1');
    await page.getByTestId('criterion-1-add-alternative').click();
    await expect.poll(() => second.getByTestId('criterion-alternative').count(), { timeout: WAIT }).toBe(1);
    await second.getByTestId('alternative-remove').click();
    await expect.poll(() => second.getByTestId('criterion-alternative').count(), { timeout: WAIT }).toBe(0);
    const saved = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/settings/scoring' && r.request().method() === 'PUT',
      { timeout: WAIT },
    );
    await page.getByTestId('scoring-model-save').click();
    const put = await saved;
    expect(put.status()).toBe(200);
    const model = put.request().postDataJSON() as ScoringModel;
    expect(model.criteria[0].alternatives?.map((a) => a.field)).toEqual(['potential']);
    expect(model.criteria[1].alternatives).toBeUndefined();
    await page.getByTestId('scoring-model-form').waitFor({ state: 'detached', timeout: WAIT });
  });

  test('the account page shows the score and its breakdown, and fits a 390 px phone', async () => {
    const page = await e.page({ cookie: f.admin.cookie, mobile: true, timezoneId: TIME_ZONE });
    await page.goto(`/accounts/${big.id}`);
    const card = page.getByTestId('account-score-card');
    await expect.poll(() => card.getByTestId('account-score').textContent(), { timeout: WAIT }).toBe('90');
    expect(await card.getByTestId('score-criterion').count()).toBe(3);
    expect(await card.textContent()).toContain('销售额或销售潜力');
    expect(await card.getByTestId('score-measures').textContent()).toBe(
      '我方年收入 ¥500万：100 分 · 潜在规模 ¥300万：60 分',
    );
    await settled(page);
    await shot(page, 'mobile-account-score');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(391);
  });
});
