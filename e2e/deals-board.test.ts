// The pipeline board seen by a rep (only their own deals, totals that add up) and the board and a
// Blue Sheet on a 390 px phone (issue 3, parts 4 and 5).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import type { Client } from '../server/test/helper.ts';
import type { Opportunity, OpportunityDetail } from '../core/schemas/deals.ts';
import type { Stage } from '../core/schemas/catalog.ts';
import { fromCents, toCents } from '../core/funnel.ts';
import { formatMoney } from '../web/lib/money.ts';
import { WAIT, pageScrollWidth, settled, shot } from './util.ts';

const WIDTH = 390;

function ok<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode >= 300) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

const money = (amount: string) => formatMoney(amount, 'zh-CN', 'full');
const sum = (amounts: string[]) => fromCents(amounts.reduce((s, a) => s + toCents(a), 0n));

describe.skipIf(!hasChromium)("the pipeline board: a rep's own deals, and a 390 px phone", { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let stages: Stage[];
  let rep: Awaited<ReturnType<Factories['user']>>;
  let mine: Opportunity[] = [];
  let theirs: Opportunity;
  let adminDeal: Opportunity;

  const stage = (name: string): Stage => {
    const s = stages.find((x) => x.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s;
  };
  // No ownerId in the body: the creator owns the deal.
  const deal = async (client: Client, input: { accountId: string; name: string; amount: string; stage: string }) =>
    ok<OpportunityDetail>(
      await client.post('/api/opportunities', {
        accountId: input.accountId,
        name: input.name,
        amount: input.amount,
        stageId: stage(input.stage).id,
        expectedCloseDate: '2031-12-31',
      }),
    );

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    stages = ok<{ items: Stage[] }>(await f.admin.get('/api/stages')).items;
    const east = await f.team({ name: '华东销售部' });
    const north = await f.team({ name: '华北销售部' });
    rep = await f.user({ role: 'rep', teamId: east.id, name: '陈小华' });
    // Column totals are checked to the fen: this rep reads amounts in full (issue 21's switch).
    await rep.client.patch('/api/auth/me/preferences', { money: 'full' });
    const other = await f.user({ role: 'rep', teamId: north.id, name: '刘德明' });

    const hospital = await f.account(rep.client, { name: '上海市第一人民医院', ownershipType: 'institution' });
    const metro = await f.account(rep.client, { name: '上海申通地铁集团有限公司', ownershipType: 'soe' });
    const port = await f.account(other.client, { name: '天津港集团有限公司', ownershipType: 'soe' });
    const grid = await f.account(f.admin, { name: '国家电网有限公司', ownershipType: 'soe' });

    mine = [
      await deal(rep.client, {
        accountId: hospital.id,
        name: '医院智慧病房改造',
        amount: '2450000.00',
        stage: '见负责人',
      }),
      await deal(rep.client, {
        accountId: hospital.id,
        name: '医院互联网医院平台',
        amount: '880000.50',
        stage: '见负责人',
      }),
      await deal(rep.client, {
        accountId: metro.id,
        name: '地铁乘客信息系统升级项目（含全线网二十座车站的显示终端更换）',
        amount: '12800000.00',
        stage: '提供方案',
      }),
    ];
    // Same stages, outside the rep's scope.
    theirs = await deal(other.client, {
      accountId: port.id,
      name: '天津港智慧码头调度',
      amount: '5600000.00',
      stage: '见负责人',
    });
    adminDeal = await deal(f.admin, {
      accountId: grid.id,
      name: '国网营销系统集采',
      amount: '9900000.00',
      stage: '提供方案',
    });

    // A Blue Sheet worth looking at on a phone: long names and several influences.
    const long = mine[2];
    for (const p of [
      { name: '欧阳志远', title: '集团信息化建设领导小组副组长兼总工程师', roles: ['economic'], coverage: 'brief' },
      { name: '诸葛明', title: '运营分公司乘客服务中心主任', roles: ['user', 'coach'], coverage: 'in_depth' },
      { name: '司马青', title: '技术中心', roles: ['technical'], coverage: 'none' },
    ] as const) {
      ok(
        await rep.client.post(`/api/opportunities/${long.id}/influences`, {
          newContact: { name: p.name, title: p.title },
          roles: [...p.roles],
          coverage: p.coverage,
          rating: -4,
          mode: 'even_keel',
        }),
      );
    }
  });
  afterAll(async () => {
    await e?.close();
  });

  test('a rep sees only their own deals on the board, and the column totals add up', async () => {
    const page = await e.page({ cookie: rep.client.cookie });
    await page.goto('/pipeline');
    const board = page.getByTestId('pipeline-board');
    await board.waitFor({ timeout: WAIT });
    const cards = board.getByTestId('board-card');
    const ids = () => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-opportunity-id') ?? '').sort());
    await expect.poll(ids, { timeout: WAIT }).toEqual(mine.map((d) => d.id).sort());
    expect(await board.locator(`[data-opportunity-id="${theirs.id}"]`).count()).toBe(0);
    expect(await board.locator(`[data-opportunity-id="${adminDeal.id}"]`).count()).toBe(0);
    expect(await page.getByText(theirs.name).count()).toBe(0);
    expect(await page.getByText(adminDeal.name).count()).toBe(0);
    await settled(page);
    await shot(page, 'rep-board');

    // Every open stage has a column; each column's count, amount and weighted amount cover exactly the rep's deals in it.
    const open = stages.filter((s) => s.kind === 'open');
    expect(
      await board.getByTestId('board-column').evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-id'))),
    ).toEqual(open.map((s) => s.id));
    for (const s of open) {
      const col = board.locator(`[data-testid="board-column"][data-stage-id="${s.id}"]`);
      const inStage = mine.filter((d) => d.stageId === s.id);
      const amount = sum(inStage.map((d) => d.amount));
      const weighted = sum(inStage.map((d) => d.weightedAmount));
      expect(await col.getByTestId('board-card').count(), s.name).toBe(inStage.length);
      expect(await col.getByTestId('column-count').textContent(), s.name).toBe(`${inStage.length} 个`);
      expect(await col.getByTestId('column-amount').textContent(), s.name).toBe(money(amount));
      expect(await col.getByTestId('column-weighted').textContent(), s.name).toBe(money(weighted));
    }
    // Spot checks by hand: ¥2,450,000 + ¥880,000.50 at 20 %.
    const meeting = board.locator(`[data-testid="board-column"][data-stage-id="${stage('见负责人').id}"]`);
    expect(await meeting.getByTestId('column-amount').textContent()).toBe('¥3,330,000.50');
    expect(await meeting.getByTestId('column-weighted').textContent()).toBe('¥666,000.10');

    // The opportunities list agrees with the board.
    await page.goto('/opportunities');
    const links = page.getByTestId('opportunity-link');
    await expect
      .poll(async () => (await links.allTextContents()).sort(), { timeout: WAIT })
      .toEqual(mine.map((d) => d.name).sort());
  });

  async function fits(page: Page, name: string): Promise<void> {
    await settled(page);
    await shot(page, `mobile-${name}`);
    const width = await pageScrollWidth(page);
    expect(width, `${name}: page is ${width}px wide on a ${WIDTH}px screen`).toBeLessThanOrEqual(WIDTH + 1);
  }

  test('at 390 px the board scrolls inside its own container and a Blue Sheet fits the screen', async () => {
    const page = await e.page({ mobile: true, cookie: rep.client.cookie });
    await page.goto('/pipeline');
    const board = page.getByTestId('pipeline-board');
    await board.getByTestId('board-card').first().waitFor({ timeout: WAIT });
    await fits(page, 'board');
    // The columns are wider than the phone together; their own container scrolls, not the page.
    const scroller = await board.evaluate((el) => {
      const box = el.parentElement;
      return box
        ? { scroll: box.scrollWidth, client: box.clientWidth, overflow: getComputedStyle(box).overflowX }
        : null;
    });
    expect(scroller?.scroll ?? 0).toBeGreaterThan(WIDTH);
    expect(scroller?.client ?? Infinity).toBeLessThanOrEqual(WIDTH);
    expect(scroller?.overflow).toBe('auto');
    // Touch screens have no drag and drop: each card offers a "move to" menu.
    expect(await board.getByTestId('board-card-move').count()).toBe(mine.length);

    // The widest deal: a long name, long titles, three influences with tags.
    await page.goto(`/opportunities/${mine[2].id}`);
    const sheet = page.getByTestId('blue-sheet');
    await sheet.waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId('influence-row').count(), { timeout: WAIT }).toBe(3);
    // Phones get cards for the influences, not the wide table.
    expect(await page.getByTestId('influence-grid').locator('.ant-table').count()).toBe(0);
    await page.getByTestId('health-breakdown').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('red-flag').count()).toBeGreaterThan(0);
    await fits(page, 'blue-sheet');
  });
});
