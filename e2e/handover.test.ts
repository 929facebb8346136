// Account handover 交接 (issue 22), one story: a rep leaves. The admin opens 用户管理, chooses 交接
// on the rep's row, picks the receiving rep, looks at one chosen account's preview, goes back to all
// of them, sees what will move, confirms, reads the summary and deactivates the leaver from it; the
// receiver's own accounts list then shows the accounts, and the API agrees on the open deal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { User } from '../core/schemas/org.ts';
import { ok } from './activities-util.ts';
import { WAIT, pickOption, settled, shot, still } from './util.ts';

const NAMES = ['常州市第二人民医院', '苏州轨道交通集团', '无锡市人民医院'];

describe.skipIf(!hasChromium)('account handover', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let leaver: Awaited<ReturnType<Factories['user']>>;
  let receiver: Awaited<ReturnType<Factories['user']>>;
  let deal: OpportunityDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const team = await f.team({ name: '华东区' });
    leaver = await f.user({ role: 'rep', teamId: team.id, name: '陈一鸣' });
    receiver = await f.user({ role: 'rep', teamId: team.id, name: '林小雨' });
    const accounts = [];
    for (const name of NAMES) accounts.push(await f.account(leaver.client, { name, ownershipType: 'institution' }));
    deal = await f.deal(leaver.client, { accountId: accounts[1].id, name: '地铁线网调度系统', amount: '3000000' });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an admin hands a leaving rep’s accounts to another rep and deactivates the leaver', async () => {
    const page = await e.page({ cookie: f.admin.cookie });
    await page.goto('/admin/users');
    const row = page.getByTestId('users-table').locator('tr').filter({ hasText: '陈一鸣' });
    await row.getByTestId('handover-user').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '交接 陈一鸣 的客户' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);

    await pickOption(page, modal.getByTestId('handover-to'), '林小雨');
    const preview = modal.getByTestId('handover-preview');
    await expect
      .poll(() => preview.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT })
      .toBe('3');

    // One chosen account: found by searching the leaver's accounts.
    await modal.getByText('选定的客户').click();
    const accounts = modal.getByTestId('handover-accounts');
    await accounts.click();
    await page.keyboard.type('苏州');
    // The search runs on the server: only the match is offered.
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.allTextContents(), { timeout: WAIT }).toEqual(['苏州轨道交通集团']);
    await still(options.first());
    await options.first().click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => preview.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT })
      .toBe('1');
    expect(await preview.getByTestId('handover-preview-openDeals').textContent()).toBe('1');

    // Back to all of them: three accounts and the one open deal.
    await modal.getByText('全部客户及待办').click();
    await expect
      .poll(() => preview.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT })
      .toBe('3');
    expect(await preview.getByTestId('handover-preview-openDeals').textContent()).toBe('1');
    await settled(page);
    await shot(page, 'handover-preview');

    const done = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/handovers' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await modal.getByTestId('handover-confirm').click();
    const res = await done;
    expect(res.status(), await res.text()).toBe(200);
    const summary = modal.getByTestId('handover-summary');
    await summary.waitFor({ timeout: WAIT });
    expect(await summary.getByTestId('handover-summary-accounts').textContent()).toBe('3');
    expect(await summary.getByTestId('handover-summary-openDeals').textContent()).toBe('1');
    expect(await modal.textContent()).toContain('陈一鸣 的以下记录已移交给 林小雨');

    const deactivated = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/users/${leaver.id}` && r.request().method() === 'PATCH',
      { timeout: WAIT },
    );
    await modal.getByTestId('handover-deactivate').click();
    expect((await deactivated).status()).toBe(200);
    await expect.poll(() => row.textContent(), { timeout: WAIT }).toContain('已停用');
    expect(ok<User>(await f.admin.get(`/api/users/${leaver.id}`)).active).toBe(false);

    // The receiver's own list shows the accounts, and the deal is theirs.
    const theirs = await e.page({ cookie: receiver.client.cookie });
    await theirs.goto('/accounts');
    await expect
      .poll(
        async () => (await theirs.getByTestId('accounts-table').getByTestId('account-link').allTextContents()).sort(),
        { timeout: WAIT },
      )
      .toEqual([...NAMES].sort());
    expect(ok<OpportunityDetail>(await receiver.client.get(`/api/opportunities/${deal.id}`)).ownerId).toBe(receiver.id);
  });

  test('on a phone, in English, the dialog opens from the user’s card and previews in English', async () => {
    const page = await e.page({ mobile: true, locale: 'en-US', cookie: f.admin.cookie });
    await page.goto('/admin/users');
    const card = page.getByTestId('users-list').locator('.ant-card').filter({ hasText: '林小雨' });
    await card.getByTestId('handover-user').click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Hand over 林小雨’s accounts' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    // The card opens the edit form when tapped; the handover button does not.
    expect(await page.getByTestId('user-form').count()).toBe(0);
    await pickOption(page, modal.getByTestId('handover-to'), '管理员');
    const preview = modal.getByTestId('handover-preview');
    await expect
      .poll(() => preview.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT })
      .toBe('3');
    expect(await preview.textContent()).toContain('Open deals');
    expect(await modal.textContent()).toContain('Won and lost deals, done or cancelled calls and done tasks stay');
  });
});
