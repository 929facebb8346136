// Merge 合并 (issue 22), one story: a manager opens an account, picks its duplicate from the 查重
// suggestions, keeps one field and takes another from the duplicate, merges — the duplicate's deal
// shows under the survivor — and undoes it from the notice, which brings the duplicate back. Once
// merged, the duplicate's own page says where it went and leads there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { AccountDetail } from '../core/schemas/accounts.ts';
import { ok } from './activities-util.ts';
import { WAIT, settled, shot, still } from './util.ts';

describe.skipIf(!hasChromium)('account merge', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let manager: Awaited<ReturnType<Factories['user']>>;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let target: AccountDetail;
  let source: AccountDetail;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const team = await f.team({ name: '华北区' });
    manager = await f.user({ role: 'manager', teamId: team.id, name: '周经理' });
    rep = await f.user({ role: 'rep', teamId: team.id, managerId: manager.id, name: '陈一鸣' });
    target = await f.account(rep.client, {
      name: '某市卫生健康委员会',
      ownershipType: 'government',
      website: 'wjw.example.gov.cn',
    });
    source = await f.account(rep.client, {
      name: '某市卫生健康委员会有限公司',
      ownershipType: 'government',
      website: 'old.example.gov.cn',
      address: '人民路 1 号',
    });
    await f.deal(rep.client, { accountId: source.id, name: '区域卫生信息平台', amount: '3000000' });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('a manager merges the duplicate, choosing field by field, and undoes it', async () => {
    const page = await e.page({ cookie: manager.client.cookie });
    await page.goto(`/accounts/${target.id}`);
    await page.getByTestId('merge-account').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '合并到「某市卫生健康委员会」' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    const suggestions = modal.getByTestId('merge-suggestions');
    await suggestions.getByText('某市卫生健康委员会有限公司').click();
    const fields = modal.getByTestId('merge-fields');
    await fields.waitFor({ timeout: WAIT });
    expect(await fields.textContent()).toContain('old.example.gov.cn');
    await modal.getByTestId('merge-address-source').click();
    await settled(page);
    await shot(page, 'merge-fields');

    const done = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/accounts/${target.id}/merge` && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await modal.getByTestId('merge-confirm').click();
    const res = await done;
    expect(res.status(), await res.text()).toBe(200);
    const undo = page.getByTestId('merge-undo');
    await undo.waitFor({ timeout: WAIT });
    const survivor = ok<AccountDetail>(await f.admin.get(`/api/accounts/${target.id}`));
    expect(survivor.address).toBe('人民路 1 号');
    expect(survivor.website).toBe('wjw.example.gov.cn');
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${source.id}`)).archived).toBe(true);

    const undone = page.waitForResponse(
      (r) => /\/api\/merges\/[^/]+\/undo$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await undo.click();
    expect((await undone).status()).toBe(200);
    await page.getByText('已撤销合并').waitFor({ timeout: WAIT });
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${source.id}`)).archived).toBe(false);
    expect(ok<AccountDetail>(await f.admin.get(`/api/accounts/${target.id}`)).address).toBeNull();
  });

  test('in English, the dialog speaks English; a rep sees no merge action', async () => {
    const page = await e.page({ locale: 'en-US', cookie: manager.client.cookie });
    await page.goto(`/accounts/${target.id}`);
    await page.getByTestId('merge-account').click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Merge another account into' });
    await modal.waitFor({ timeout: WAIT });
    expect(await modal.textContent()).toContain('Duplicate account to merge in');

    const theirs = await e.page({ cookie: rep.client.cookie });
    await theirs.goto(`/accounts/${target.id}`);
    await theirs.getByTestId('edit-account').waitFor({ timeout: WAIT });
    expect(await theirs.getByTestId('merge-account').count()).toBe(0);
  });

  test('a merged account’s page says where it went and leads there; it has no restore', async () => {
    const fresh = async (id: string) => ok<AccountDetail>(await f.admin.get(`/api/accounts/${id}`));
    const merged = await manager.client.post(`/api/accounts/${target.id}/merge`, {
      sourceId: source.id,
      version: (await fresh(target.id)).version,
      sourceVersion: (await fresh(source.id)).version,
      fields: {},
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto(`/accounts/${source.id}`);
    const notice = page.getByTestId('account-merged');
    await notice.waitFor({ timeout: WAIT });
    expect(await notice.textContent()).toContain('该客户已合并到「某市卫生健康委员会」');
    expect(await page.getByTestId('archive-account').count()).toBe(0);
    await page.getByTestId('account-merged-link').click();
    await page.waitForURL(`**/accounts/${target.id}`, { timeout: WAIT });
    await page.getByTestId('account-title').getByText('某市卫生健康委员会').waitFor({ timeout: WAIT });
  });
});
