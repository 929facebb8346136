// (8) Permissions as a person sees them: a rep's lists hold only their own accounts, another team's
// account is "not found" (not "forbidden", which would confirm it exists), a viewer cannot create; a
// rep reads the competitor catalogue that managers keep, and hands tasks only to people they may.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import { WAIT, formItem, settled, shot } from './util.ts';

describe.skipIf(!hasChromium)('permissions in the UI', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let viewer: Awaited<ReturnType<Factories['user']>>;
  let other: Awaited<ReturnType<Factories['user']>>;
  let manager: Awaited<ReturnType<Factories['user']>>;
  let mine: AccountDetail[];
  let theirs: AccountDetail;
  let theirContact: Contact;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const east = await f.team({ name: '华东销售部' });
    const north = await f.team({ name: '华北销售部' });
    rep = await f.user({ role: 'rep', teamId: east.id, name: '陈小华' });
    other = await f.user({ role: 'rep', teamId: north.id, name: '刘德明' });
    manager = await f.user({ role: 'manager', teamId: north.id, name: '赵经理' });
    viewer = await f.user({ role: 'viewer', teamId: east.id, name: '孙只读' });
    mine = [
      await f.account(rep.client, { name: '上海市第一人民医院', ownershipType: 'institution' }),
      await f.account(rep.client, { name: '上海申通地铁集团有限公司', ownershipType: 'soe' }),
    ];
    theirs = await f.account(other.client, { name: '天津港集团有限公司', ownershipType: 'soe' });
    theirContact = await f.contact(other.client, { accountId: theirs.id, name: '郭海涛', title: '总经理' });
    await f.contact(rep.client, { accountId: mine[0].id, name: '钱卫东', title: '院长' });
    await f.account(f.admin, { name: '国家电网有限公司', ownershipType: 'soe' });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('a rep sees only their own accounts and contacts', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto('/accounts');
    const links = page.getByTestId('account-link');
    await expect
      .poll(async () => (await links.allTextContents()).sort(), { timeout: WAIT })
      .toEqual(mine.map((a) => a.name).sort());
    await settled(page);
    await shot(page, 'rep-accounts');

    await page.goto('/contacts');
    await expect.poll(() => page.getByTestId('contact-link').allTextContents(), { timeout: WAIT }).toEqual(['钱卫东']);

    // Nor does the header search reveal what is outside their scope.
    await page.getByPlaceholder('搜索客户、联系人、电话…').fill('天津');
    await page.getByText('无匹配结果').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('search-result-account').count()).toBe(0);
  });

  test("another team's account or contact URL shows a not-found state", async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto(`/accounts/${theirs.id}`);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor({ timeout: WAIT });
    expect(await notFound.textContent()).toContain('记录不存在或不在您的数据范围内');
    // Retrying will not help; the way out is back to the list.
    expect(await page.getByText('加载失败').count()).toBe(0);
    await shot(page, 'rep-foreign-account');
    expect(await page.getByTestId('account-page').count()).toBe(0);
    expect(await page.getByText(theirs.name).count()).toBe(0);

    await page.goto(`/contacts/${theirContact.id}`);
    await notFound.waitFor({ timeout: WAIT });
    expect(await notFound.textContent()).toContain('记录不存在或不在您的数据范围内');
    expect(await page.getByTestId('contact-page').count()).toBe(0);
    expect(await page.getByText('郭海涛').count()).toBe(0);
    await notFound.getByRole('button', { name: /返回首页/ }).click();
    await page.waitForURL((u) => u.pathname === '/accounts', { timeout: WAIT });

    // Their own account still opens, with the buttons a rep may use.
    await page.goto(`/accounts/${mine[0].id}`);
    await expect.poll(() => page.getByTestId('account-title').textContent(), { timeout: WAIT }).toBe(mine[0].name);
    await page.getByTestId('edit-account').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('delete-account').count()).toBe(1); // into the recycle bin, restorable
  });

  test('a viewer has no "new account" button and no editing buttons', async () => {
    const page = await e.page({ cookie: viewer.client.cookie });
    await page.goto('/accounts');
    await page.getByTestId('account-link').first().waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'viewer-accounts');
    expect(await page.getByTestId('new-account').count()).toBe(0);
    expect(await page.getByText('新建客户').count()).toBe(0);

    await page.getByTestId('account-link').first().click();
    await page.getByTestId('account-title').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('edit-account').count()).toBe(0);
    expect(await page.getByTestId('archive-account').count()).toBe(0);
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('account-contacts-table').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('add-contact').count()).toBe(0);

    await page.goto('/contacts');
    await page.getByTestId('contacts-table').waitFor({ timeout: WAIT });
    expect(await page.getByText('新建联系人').count()).toBe(0);
    // Nor are there admin pages: the 管理 group holds only the catalogues a viewer reads.
    const nav = page.getByTestId('side-nav');
    await nav.getByTestId('nav-group-admin').click();
    await nav.getByTestId('nav-products').waitFor({ state: 'visible', timeout: WAIT });
    for (const id of ['nav-users', 'nav-settings', 'nav-recycle-bin'])
      expect(await nav.getByTestId(id).count(), id).toBe(0);
  });
  test('a rep reads the competitor catalogue but keeps none of it; a manager edits it, only an admin deletes', async () => {
    const res = await f.admin.post('/api/competitors', { name: '东方软件' });
    expect(res.statusCode, res.body).toBe(201);
    for (const [who, cookie] of [
      ['rep', rep.client.cookie],
      ['manager', manager.client.cookie],
    ] as const) {
      const page = await e.page({ cookie });
      await page.goto('/competitors');
      await expect
        .poll(() => page.getByTestId('competitor-name').allTextContents(), { timeout: WAIT })
        .toContain('东方软件');
      await settled(page);
      expect(await page.getByTestId('new-competitor').count(), who).toBe(who === 'manager' ? 1 : 0);
      expect(await page.getByTestId('competitor-edit').count(), who).toBe(who === 'manager' ? 1 : 0);
      expect(await page.getByTestId('competitors-table').getByRole('button', { name: '删除' }).count(), who).toBe(0);
    }
  });

  test("a rep's task assignee picker offers their scope and the account's team only", async () => {
    // An account of the admin's that the rep and 刘德明 (another team) are on the team of.
    const shared = await f.account(f.admin, { name: '上海市电力公司', ownershipType: 'soe' });
    const put = await f.admin.put(`/api/accounts/${shared.id}/members`, {
      members: [
        { userId: rep.id, role: 'member' },
        { userId: other.id, role: 'member' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const adminName = (await f.admin.get('/api/auth/me')).json<{ name: string }>().name;
    const { context, page } = await e.context({ cookie: rep.client.cookie });
    const choices = async () => {
      const select = formItem(page, 'assigneeId').locator('.ant-select');
      await select.click();
      const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
      await options.first().waitFor({ timeout: WAIT });
      return (await options.allTextContents()).sort();
    };
    try {
      await page.goto(`/accounts/${shared.id}`);
      await page.getByTestId('quick-new-task').click();
      await page.getByTestId('task-form').waitFor({ timeout: WAIT });
      await expect.poll(choices, { timeout: WAIT }).toEqual([adminName, '刘德明', '陈小华'].sort());
      await page.keyboard.press('Escape');

      // A task on no account: only the rep themself (their data scope is their own).
      await page.goto('/tasks');
      await page.getByTestId('new-task').click();
      await page.getByTestId('task-form').waitFor({ timeout: WAIT });
      await expect.poll(choices, { timeout: WAIT }).toEqual(['陈小华']);
    } finally {
      await context.close();
    }
  });
});
