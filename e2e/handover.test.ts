// Account handover 交接 (issue 22), two stories. A rep leaves: the admin opens 用户管理, chooses 交接
// on the rep's row, picks the receiving rep, looks at one chosen account's preview, goes back to all
// of them, sees what will move, confirms, reads the summary and deactivates the leaver from it; the
// receiver's own accounts list then shows the accounts, and the API agrees on the open deal.
// A territory changes hands in a manager's team: the manager opens 团队成员 from the menu (people in
// their scope, nothing to administer), hands one rep's chosen account to another rep of the team —
// offered only people the server accepts — and reads the summary; a rep has no such page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { OpportunityDetail } from '../core/schemas/deals.ts';
import type { User } from '../core/schemas/org.ts';
import { ok } from './activities-util.ts';
import { WAIT, navTo, pageScrollWidth, pickOption, settled, shot, still } from './util.ts';

const NAMES = ['常州市第二人民医院', '苏州轨道交通集团', '无锡市人民医院'];
const SOUTH = ['广州地铁集团', '深圳市人民医院'];

describe.skipIf(!hasChromium)('account handover', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let leaver: Awaited<ReturnType<Factories['user']>>;
  let receiver: Awaited<ReturnType<Factories['user']>>;
  let deal: OpportunityDetail;
  let southManager: Awaited<ReturnType<Factories['user']>>;
  let southRep: Awaited<ReturnType<Factories['user']>>;
  let southReceiver: Awaited<ReturnType<Factories['user']>>;
  let southDeal: OpportunityDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const team = await f.team({ name: '华东区' });
    leaver = await f.user({ role: 'rep', teamId: team.id, name: '陈一鸣' });
    receiver = await f.user({ role: 'rep', teamId: team.id, name: '林小雨' });
    const accounts = [];
    for (const name of NAMES) accounts.push(await f.account(leaver.client, { name, ownershipType: 'institution' }));
    deal = await f.deal(leaver.client, { accountId: accounts[1].id, name: '地铁线网调度系统', amount: '3000000' });

    const south = await f.team({ name: '华南区' });
    southManager = await f.user({ role: 'manager', teamId: south.id, name: '黄经理' });
    southRep = await f.user({ role: 'rep', teamId: south.id, name: '赵子豪' });
    southReceiver = await f.user({ role: 'rep', teamId: south.id, name: '吴佳怡' });
    const southAccounts = [];
    for (const name of SOUTH) southAccounts.push(await f.account(southRep.client, { name, ownershipType: 'soe' }));
    southDeal = await f.deal(southRep.client, { accountId: southAccounts[1].id, name: '智慧病房', amount: '800000' });
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

  test('a manager hands one of their rep’s accounts to another rep of the team from 团队成员', async () => {
    const page = await e.page({ cookie: southManager.client.cookie });
    await page.goto('/accounts');
    await navTo(page, 'nav-team-members');
    const table = page.getByTestId('team-members-table');
    await table.waitFor({ timeout: WAIT });
    await settled(page);
    // Only the people in the manager's scope, and nothing that administers them.
    await expect
      .poll(async () => (await table.locator('tbody tr td:first-child').allTextContents()).sort(), { timeout: WAIT })
      .toEqual(['吴佳怡', '赵子豪', '黄经理'].sort());
    for (const id of ['new-user', 'edit-user']) expect(await page.getByTestId(id).count(), id).toBe(0);
    await still(table);
    await shot(page, 'handover-team-members');

    await table.locator('tr').filter({ hasText: '赵子豪' }).getByTestId('handover-user').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '交接 赵子豪 的客户' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    // The receivers are the active people of the manager's scope: no one a handover would refuse.
    await modal.getByTestId('handover-to').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect
      .poll(async () => (await options.allTextContents()).sort(), { timeout: WAIT })
      .toEqual(['吴佳怡', '黄经理'].sort());
    await page.keyboard.press('Escape');
    await pickOption(page, modal.getByTestId('handover-to'), '吴佳怡');

    await modal.getByText('选定的客户').click();
    await modal.getByTestId('handover-accounts').click();
    await page.keyboard.type('深圳');
    await expect.poll(() => options.allTextContents(), { timeout: WAIT }).toEqual(['深圳市人民医院']);
    await still(options.first());
    await options.first().click();
    await page.keyboard.press('Escape');
    const preview = modal.getByTestId('handover-preview');
    await expect
      .poll(() => preview.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT })
      .toBe('1');
    expect(await preview.getByTestId('handover-preview-openDeals').textContent()).toBe('1');

    const done = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/handovers' && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await modal.getByTestId('handover-confirm').click();
    const res = await done;
    expect(res.status(), await res.text()).toBe(200);
    const summary = modal.getByTestId('handover-summary');
    await summary.waitFor({ timeout: WAIT });
    expect(await summary.getByTestId('handover-summary-accounts').textContent()).toBe('1');
    expect(await summary.getByTestId('handover-summary-openDeals').textContent()).toBe('1');
    expect(await modal.textContent()).toContain('赵子豪 的以下记录已移交给 吴佳怡');
    // Deactivating people is an admin's: the manager is not offered it.
    expect(await modal.getByTestId('handover-deactivate').count()).toBe(0);
    await shot(page, 'handover-manager-summary');
    await modal.getByTestId('handover-close').click();

    // The chosen account and its deal moved; the other stayed with the rep.
    expect(ok<OpportunityDetail>(await southManager.client.get(`/api/opportunities/${southDeal.id}`)).ownerId).toBe(
      southReceiver.id,
    );
    const owned = (ownerId: string) =>
      southManager.client
        .get(`/api/accounts?ownerId=${ownerId}&limit=50`)
        .then((r) => ok<{ items: { name: string }[] }>(r).items.map((a) => a.name));
    expect(await owned(southReceiver.id)).toEqual(['深圳市人民医院']);
    expect(await owned(southRep.id)).toEqual(['广州地铁集团']);
  });

  test('on a phone, in English, a manager’s team members fit the screen and open the handover', async () => {
    const page = await e.page({ mobile: true, locale: 'en-US', cookie: southManager.client.cookie });
    await page.goto('/accounts');
    await page.getByTestId('nav-toggle').click();
    await navTo(page, 'nav-team-members');
    const list = page.getByTestId('team-members-list');
    const card = list.locator('.ant-card').filter({ hasText: '吴佳怡' });
    await card.waitFor({ timeout: WAIT });
    await settled(page);
    expect(await page.textContent('body')).toContain('Team members');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'handover-team-members-phone');
    await card.getByTestId('handover-user').click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Hand over 吴佳怡’s accounts' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    await pickOption(page, modal.getByTestId('handover-to'), '赵子豪');
    await expect.poll(() => modal.getByTestId('handover-preview-accounts').textContent(), { timeout: WAIT }).toBe('1');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
  });

  test('a rep has no team members page: not in the menu, 403 by its address', async () => {
    const page = await e.page({ cookie: southRep.client.cookie });
    await page.goto('/accounts');
    const nav = page.getByTestId('side-nav');
    await nav.getByTestId('nav-group-admin').click();
    await nav.getByTestId('nav-products').waitFor({ state: 'visible', timeout: WAIT });
    for (const id of ['nav-team-members', 'nav-users']) expect(await nav.getByTestId(id).count(), id).toBe(0);
    await page.goto('/team-members');
    await page.getByText('403').first().waitFor({ timeout: WAIT });
    expect(await page.getByTestId('handover-user').count()).toBe(0);
    expect((await southRep.client.get('/api/handovers/people')).statusCode).toBe(403);
  });
});
