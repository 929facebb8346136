// The recycle bin 回收站 (issue 18): a rep deletes a deal by mistake and undoes it from the message;
// deletes it again, finds it in the bin and restores it; a won deal offers a rep no delete at all; on a
// phone the bin fits 390 px.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { WAIT, navTo, pageScrollWidth, settled, shot, still, waitForPath } from './util.ts';

describe.skipIf(!hasChromium)('recycle bin', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let deal: OpportunityDetail;
  let won: OpportunityDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    rep = await f.user({ role: 'rep', name: '林小雨' });
    const account = await f.account(rep.client, { name: '杭州市第一人民医院' });
    deal = await f.deal(rep.client, { accountId: account.id, name: '影像云平台', amount: '3000000' });
    const stages = (await f.admin.get('/api/stages')).json<{ items: Stage[] }>().items;
    const closing = await f.deal(rep.client, { accountId: account.id, name: '已签约项目' });
    won = (
      await rep.client.patch(`/api/opportunities/${closing.id}`, {
        version: closing.version,
        stageId: stages.find((s) => s.kind === 'won')!.id,
        confirmUnmetCriteria: true,
      })
    ).json();
  });
  afterAll(async () => {
    await e?.close();
  });

  const dealIds = async () =>
    (await rep.client.get('/api/opportunities')).json<{ items: { id: string }[] }>().items.map((d) => d.id);

  test('delete, undo from the message, delete again and restore from the bin', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto(`/opportunities/${deal.id}`);
    await page.getByTestId('delete-opportunity').click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '移入回收站' });
    await confirm.waitFor({ timeout: WAIT });
    // A click while the pop-over still zooms in can miss its button (seen under load in CI).
    await still(confirm);
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await waitForPath(page, /^\/opportunities$/);
    await page.getByTestId('moved-to-bin').waitFor({ timeout: WAIT });
    expect(await dealIds()).not.toContain(deal.id);

    await page.getByTestId('undo-delete').click();
    await waitForPath(page, new RegExp(`^/opportunities/${deal.id}$`));
    await expect.poll(() => page.getByTestId('opportunity-title').textContent(), { timeout: WAIT }).toBe('影像云平台');
    expect(await dealIds()).toContain(deal.id);

    await page.getByTestId('delete-opportunity').click();
    await confirm.waitFor({ timeout: WAIT });
    // A click while the pop-over still zooms in can miss its button (seen under load in CI).
    await still(confirm);
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await waitForPath(page, /^\/opportunities$/);
    await navTo(page, 'nav-recycle-bin');
    await waitForPath(page, /^\/recycle-bin$/);
    const table = page.getByTestId('bin-table');
    await expect.poll(() => table.getByTestId('bin-name').allTextContents(), { timeout: WAIT }).toEqual(['影像云平台']);
    expect(await table.textContent()).toContain('杭州市第一人民医院');
    expect(await table.getByTestId('bin-days-left').textContent()).toBe('30 天');
    expect(await table.getByTestId('bin-purge').count()).toBe(0); // only admins purge early
    await settled(page);
    await shot(page, 'recycle-bin');

    await table.getByTestId('bin-restore').click();
    await page.getByTestId('restored-message').waitFor({ timeout: WAIT });
    await expect.poll(() => table.getByTestId('bin-name').count(), { timeout: WAIT }).toBe(0);
    expect(await dealIds()).toContain(deal.id);
  });

  test('a rep is offered no delete on a won deal', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto(`/opportunities/${won.id}`);
    await expect.poll(() => page.getByTestId('opportunity-status').textContent(), { timeout: WAIT }).toBe('赢单');
    await page.getByTestId('edit-opportunity').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('delete-opportunity').count()).toBe(0);
  });

  test('the bin fits a phone', async () => {
    expect((await rep.client.delete(`/api/opportunities/${deal.id}`)).statusCode).toBe(204);
    const page = await e.page({ cookie: rep.client.cookie, mobile: true });
    await page.goto('/recycle-bin');
    await page.getByTestId('bin-card').first().waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'recycle-bin-mobile');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });
});
