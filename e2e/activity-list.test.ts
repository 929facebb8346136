// The activity list opens on what is due (issue 21 item 6): a rep's calls for the next two weeks and
// the ones overdue to log, soonest first; "show all" widens it; a won deal's follow-ups more than 30
// days out are one collapsed line, opened to the deal's calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { TIME_ZONE, ok } from './activities-util.ts';
import { WAIT, settled } from './util.ts';

const DAY = 86_400_000;

describe.skipIf(!hasChromium)('activity list: the default view and collapsed follow-ups', { timeout: 120_000 }, () => {
  let e: E2E;
  let f: Factories;
  let page: Page;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    const rep = await f.user({ name: '孙客户经理' });
    const account = await f.account(rep.client, { name: '成都市第三人民医院' });
    const call = async (subject: string, days: number, status: 'planned' | 'done' = 'planned') => {
      const start = new Date(Date.now() + days * DAY);
      ok(
        await rep.client.post('/api/activities', {
          type: 'visit',
          subject,
          accountId: account.id,
          plannedStart: start.toISOString(),
          plannedEnd: new Date(start.getTime() + 3_600_000).toISOString(),
          status,
        }),
      );
    };
    await call('逾期未记录的拜访', -2);
    await call('五天后的拜访', 5);
    await call('二十天后的拜访', 20);
    await call('已完成的拜访', -3, 'done');
    const stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
    const won = stages.find((s) => s.kind === 'won');
    await f.deal(rep.client, { accountId: account.id, name: '病案系统', amount: '500000', stageId: won?.id });
    page = await e.page({ cookie: rep.client.cookie, timezoneId: TIME_ZONE });
  });
  afterAll(async () => {
    await e?.close();
  });

  const subjects = async () => {
    await settled(page);
    return page.getByTestId('activity-row').getByTestId('activity-link').allTextContents();
  };

  test('a rep opens on the next two weeks and the overdue calls, soonest first', async () => {
    await page.goto('/activities');
    await page.getByTestId('activities-default-view').waitFor({ timeout: WAIT });
    await expect
      .poll(subjects, { timeout: WAIT })
      .toEqual(['逾期未记录的拜访', '五天后的拜访', '售后回访 · 病案系统 (+7 天)']);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('planned');
    expect(url.searchParams.get('sort')).toBe('soonest');
  });

  test('"show all" lists every call, with the follow-ups more than 30 days out collapsed under their deal', async () => {
    await page.getByTestId('activities-show-all').click();
    await expect.poll(subjects, { timeout: WAIT }).toContain('二十天后的拜访');
    const all = await subjects();
    expect(all).toContain('已完成的拜访');
    expect(all).toContain('售后回访 · 病案系统 (+30 天)');
    expect(all).not.toContain('售后回访 · 病案系统 (+90 天)');
    const later = page.getByTestId('auto-later');
    await expect.poll(() => later.textContent(), { timeout: WAIT }).toContain('另有 1 次系统安排的售后回访');
    await later.locator('.ant-collapse-header').click();
    await later.getByTestId('auto-later-show').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('opportunityId'), { timeout: WAIT }).not.toBeNull();
    await expect.poll(subjects, { timeout: WAIT }).toContain('售后回访 · 病案系统 (+90 天)');
    expect(await page.getByTestId('auto-later').count()).toBe(0);
  });
});
