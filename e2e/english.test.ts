// English complete (issue 21, item 8): in English, the pipeline board, a deal's Blue Sheet and the
// activity list show no Chinese the system wrote — stage names, activity types, after-sales subjects,
// forecast categories, risks. The data people typed here is English; the file's organisation and
// first admin (made by the shared factories) keep their Chinese names, which are allowed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { WAIT, settled, shot } from './util.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g;
/** Names the factories typed in Chinese: user-entered, so allowed. */
const TYPED = ['测试公司', '管理员'];

/** Chinese characters on the page outside typed names and the language switch (which names 中文 in Chinese). */
async function chineseOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('[data-testid="lang-switch"], script, style, noscript')) el.remove();
    // Hidden text too (tooltips, collapsed panels): a detached clone has no layout to hide it.
    return (body.textContent ?? '').replace(/\s+/g, ' ');
  });
  const rest = TYPED.reduce((s, name) => s.replaceAll(name, ''), text);
  return [...rest.matchAll(CJK)].map((m) => rest.slice(Math.max(0, m.index - 20), m.index + 20));
}

describe.skipIf(!hasChromium)('English complete', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let openId: string;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ name: 'Rep Zhao', teamId: null });
    const account = await f.account(rep.client, { name: 'City Hospital' });
    const stages: Stage[] = (await rep.client.get('/api/stages')).json().items;
    const proposal = stages.find((s) => s.kind === 'open' && s.probability === 50)!;
    openId = (await f.deal(rep.client, { accountId: account.id, name: 'Campus Network', stageId: proposal.id })).id;
    // A won deal: its after-sales calls were scheduled in the organisation's language (Chinese).
    const won = await f.deal(rep.client, { accountId: account.id, name: 'Hospital HIS' });
    const res = await rep.client.patch(`/api/opportunities/${won.id}`, {
      version: won.version,
      stageId: stages.find((s) => s.kind === 'won')!.id,
      confirmUnmetCriteria: true,
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await e?.close();
  });

  test('the pipeline board, a Blue Sheet, the activity list and the forecast have no Chinese the system wrote', async () => {
    const page = await e.page({ locale: 'en-US', cookie: rep.client.cookie });
    await page.goto('/pipeline');
    await page.getByText('Campus Network').first().waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('board-column').count(), { timeout: WAIT }).toBeGreaterThan(4);
    await page.getByText('Proposal', { exact: true }).first().waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'english-pipeline');
    expect(await chineseOnPage(page)).toEqual([]);

    await page.goto(`/opportunities/${openId}`);
    await expect
      .poll(() => page.getByTestId('opportunity-title').textContent(), { timeout: WAIT })
      .toContain('Campus Network');
    await settled(page);
    await shot(page, 'english-blue-sheet');
    expect(await chineseOnPage(page)).toEqual([]);

    await page.goto('/activities');
    await page
      .getByText(/After-sales follow-up · Hospital HIS \(\+7 days\)/)
      .first()
      .waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'english-activities');
    expect(await chineseOnPage(page)).toEqual([]);

    // The forecast page's funnel (labels drawn on a canvas: sized to their shapes by funnelLabels.ts).
    await page.goto('/forecast');
    await page.getByTestId('funnel-chart').locator('canvas').first().waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'english-forecast');
    expect(await chineseOnPage(page)).toEqual([]);
  });
});
