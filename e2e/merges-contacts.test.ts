// Merge 合并 of contacts (issue 22), one story: a manager opens a contact, picks its duplicate on the
// same account from the suggestions, keeps the title and takes the duplicate's e-mail, merges — the
// duplicate's page now points to the survivor — and undoes it from the notice. A rep sees no merge
// action; on a phone, in English, the dialog fits the screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Contact } from '../core/schemas/contacts.ts';
import { ok } from './activities-util.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, pageScrollWidth, settled, shot, still } from './util.ts';

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found.length, `${where}:\n${formatViolations(found)}`).toBe(0);
}

describe.skipIf(!hasChromium)('contact merge', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let manager: Awaited<ReturnType<Factories['user']>>;
  let rep: Awaited<ReturnType<Factories['user']>>;
  let target: Contact;
  let source: Contact;
  const contact = async (id: string) => ok<Contact>(await f.admin.get(`/api/contacts/${id}`));

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const team = await f.team({ name: '华东区' });
    manager = await f.user({ role: 'manager', teamId: team.id, name: '吴经理' });
    rep = await f.user({ role: 'rep', teamId: team.id, managerId: manager.id, name: '郑一帆' });
    const account = await f.account(rep.client, { name: '某市第二人民医院', ownershipType: 'institution' });
    target = await f.contact(rep.client, {
      accountId: account.id,
      name: '王建国',
      title: '信息科科长',
      mobile: '13911112222',
    });
    source = await f.contact(rep.client, {
      accountId: account.id,
      name: '王建国',
      title: '信息中心主任',
      mobile: '139 1111 2222',
      email: 'wjg@example.com',
      allowDuplicate: true,
    });
    await f.contact(rep.client, { accountId: account.id, name: '李秀英', title: '护理部主任' });
    ok(
      await rep.client.post('/api/tasks', {
        title: '送样机',
        dueDate: '2031-06-01',
        accountId: account.id,
        contactId: source.id,
      }),
    );
  });
  afterAll(async () => {
    await e?.close();
  });

  test('a manager merges the duplicate field by field; its page points to the survivor; undo brings it back', async () => {
    const page = await e.page({ cookie: manager.client.cookie });
    await page.goto(`/contacts/${target.id}`);
    await page.getByTestId('merge-contact').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '将另一位联系人合并到「王建国」' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    const suggestions = modal.getByTestId('merge-suggestions');
    // The same name on the same account; the unrelated colleague is not suggested.
    await suggestions.getByText('王建国（同名）').click();
    expect(await suggestions.textContent()).not.toContain('李秀英');
    const fields = modal.getByTestId('merge-fields');
    await fields.waitFor({ timeout: WAIT });
    const text = await fields.textContent();
    expect(text).toContain('信息中心主任');
    expect(text).toContain('wjg@example.com');
    // The mobile is the same number written two ways: the values differ, so it is offered too.
    await modal.getByTestId('merge-title-target').click();
    await modal.getByTestId('merge-email-source').click();
    await settled(page);
    await shot(page, 'merge-contact-fields');
    await expectNoSeriousViolations(page, 'contact merge dialog');

    const done = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/contacts/${target.id}/merge` && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await modal.getByTestId('merge-confirm').click();
    const res = await done;
    expect(res.status(), await res.text()).toBe(200);
    const undo = page.getByTestId('merge-undo');
    await undo.waitFor({ timeout: WAIT });
    expect(await contact(target.id)).toMatchObject({ title: '信息科科长', email: 'wjg@example.com' });
    expect(await contact(source.id)).toMatchObject({ archived: true, mergedIntoId: target.id });

    // The duplicate's page says where it went and leads there; restoring it from the archive is not offered.
    const merged = await e.page({ cookie: manager.client.cookie });
    await merged.goto(`/contacts/${source.id}`);
    const notice = merged.getByTestId('contact-merged');
    await notice.waitFor({ timeout: WAIT });
    expect(await notice.textContent()).toContain('该联系人已合并到「王建国」');
    expect(await merged.getByTestId('merge-contact').count()).toBe(0);
    expect(await merged.getByRole('button', { name: '恢复' }).count()).toBe(0);
    await merged.getByTestId('contact-merged-link').click();
    await merged.waitForURL((u) => u.pathname === `/contacts/${target.id}`, { timeout: WAIT });
    // The survivor's page (both are 王建国: the notice going is what tells them apart) has no notice.
    await merged.getByTestId('contact-merged').waitFor({ state: 'detached', timeout: WAIT });
    await merged.getByTestId('merge-contact').waitFor({ timeout: WAIT });

    const undone = page.waitForResponse(
      (r) => /\/api\/merges\/[^/]+\/undo$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
      { timeout: WAIT },
    );
    await undo.click();
    expect((await undone).status()).toBe(200);
    await page.getByText('已撤销合并').waitFor({ timeout: WAIT });
    expect(await contact(source.id)).toMatchObject({ archived: false, mergedIntoId: null });
    expect((await contact(target.id)).email).toBeNull();
    await merged.goto(`/contacts/${source.id}`);
    await merged.getByTestId('edit-contact').waitFor({ timeout: WAIT });
    expect(await merged.getByTestId('contact-merged').count()).toBe(0);
  });

  test('a rep sees no merge action', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto(`/contacts/${target.id}`);
    await page.getByTestId('edit-contact').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('merge-contact').count()).toBe(0);
  });

  test('on a phone, in English, the dialog fits the screen', async () => {
    const page = await e.page({ locale: 'en-US', mobile: true, cookie: manager.client.cookie });
    await page.goto(`/contacts/${target.id}`);
    await page.getByTestId('merge-contact').tap();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Merge another contact into “王建国”' });
    await modal.waitFor({ timeout: WAIT });
    await still(modal);
    expect(await modal.textContent()).toContain('Duplicate contact to merge in');
    await modal.getByTestId('merge-suggestions').getByText('王建国 (same name)').tap();
    await modal.getByTestId('merge-fields').waitFor({ timeout: WAIT });
    await settled(page);
    await shot(page, 'merge-contact-phone');
    expect(await modal.textContent()).toContain('Keep (王建国)');
    const box = await modal.locator('.ant-modal-container').boundingBox();
    expect(box, 'the dialog is on screen').not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
    const { scroll, client } = await modal
      .locator('.ant-modal-body')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll, 'no sideways scroll in the dialog').toBeLessThanOrEqual(client + 1);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(391);
    await expectNoSeriousViolations(page, 'contact merge dialog on a phone (en)');
    // Each choice (the radio's whole label, not the input the test id sits on) is thumb-sized.
    const take = await modal.getByTestId('merge-email-source').locator('xpath=ancestor::label[1]').boundingBox();
    expect(take?.height ?? 0).toBeGreaterThanOrEqual(44);
  });
});
