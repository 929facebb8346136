// The stored judgement around a deal's closing (a won or lost deal's flags and health stay as they were
// when it closed) and the health breakdown's labels (one per flag, even when a code repeats).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { OpportunityDetail, OpportunityListItem } from '../../../core/schemas/deals.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { opportunitiesService } from './service.ts';
import { rowsOf } from '../../db/client.ts';

let t: TestApp;
let f: Factories;
let stages: Stage[];
const stage = (kind: string, probability?: number) =>
  stages.find((s) => s.kind === kind && (probability === undefined || s.probability === probability))!;

beforeAll(async () => {
  // The scheduled re-judgement pass works through every organisation's deals.
  t = await build({}, { database: 'fresh' });
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json<{ items: Stage[] }>().items;
});
afterAll(() => t.close());

const detail = async (id: string, lang = 'zh') => {
  const res = await f.admin.get(`/api/opportunities/${id}`, { 'accept-language': lang });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json<OpportunityDetail>();
};
const listed = async (accountId: string) =>
  (await f.admin.get(`/api/opportunities?accountId=${accountId}`)).json<{ items: OpportunityListItem[] }>().items[0];
const judged = (d: OpportunityDetail) => ({ health: d.health, redFlags: d.redFlags, healthParts: d.healthParts });

/** A deal with an economic buyer and a coach met, the user and technical buyers named but not met. */
async function dealWithGaps(name: string) {
  const account = await f.account();
  const deal = await f.deal(f.admin, { accountId: account.id, name, expectedCloseDate: '2099-06-30' });
  const add = async (roles: string[], coverage: string) => {
    const res = await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
      newContact: { name: `${roles[0]}-${name}` },
      roles,
      coverage,
      rating: 2,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<{ id: string; contactId: string; version: number }>();
  };
  const economic = await add(['economic'], 'multiple');
  await add(['coach'], 'multiple');
  const user = await add(['user'], 'none');
  const technical = await add(['technical'], 'none');
  return { account, deal, economic, user, technical };
}

describe('health breakdown', () => {
  it('labels each flag’s part with its own message when a code repeats for two roles', async () => {
    const { deal } = await dealWithGaps('两个角色');
    const d = await detail(deal.id);
    const flagParts = d.healthParts.filter((p) => p.key.startsWith('flag.'));
    expect(flagParts).toEqual([
      { key: 'flag.role_not_covered.user', points: -8, max: 0, label: '用户无人覆盖' },
      { key: 'flag.role_not_covered.technical', points: -8, max: 0, label: '技术把关者无人覆盖' },
    ]);
    expect(d.healthParts.find((p) => p.key === 'risk')).toEqual({ key: 'risk', points: 44, max: 60 });
    const en = (await detail(deal.id, 'en')).healthParts.filter((p) => p.key.startsWith('flag.')).map((p) => p.label);
    expect(en).toEqual(['Nobody covers the user buyer role', 'Nobody covers the technical buyer role']);
  });
});

describe('a closed deal’s judgement', () => {
  it('stays as it was at closing through edits, calls and time; reopening judges it live again', async () => {
    const { account, deal, economic, user } = await dealWithGaps('赢单冻结');
    const open = await detail(deal.id);
    const won = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: open.version,
      stageId: stage('won').id,
      confirmUnmetCriteria: true,
    });
    expect(won.statusCode).toBe(200);
    const atClose = won.json<OpportunityDetail>();
    expect(atClose.status).toBe('won');
    expect(atClose.redFlags.map((x) => x.code)).toEqual(['technical_buyer_not_covered', 'role_not_covered']);

    // The Blue Sheet changes after the win: the economic buyer turns hostile and unmet, the user is met.
    expect(
      (
        await f.admin.patch(`/api/opportunities/${deal.id}/influences/${economic.id}`, {
          version: economic.version,
          coverage: 'none',
          rating: -5,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await f.admin.patch(`/api/opportunities/${deal.id}/influences/${user.id}`, {
          version: user.version,
          coverage: 'in_depth',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await f.admin.post(`/api/opportunities/${deal.id}/influences`, {
          newContact: { name: '新来的处长' },
          roles: ['user'],
        })
      ).statusCode,
    ).toBe(201);
    // A call is logged on it, and a year passes for the scheduled pass.
    const start = new Date(Date.now() - 86_400_000);
    const call = await f.admin.post('/api/activities', {
      type: 'service',
      subject: '回访',
      ownerId: (await f.admin.get('/api/auth/me')).json<{ id: string }>().id,
      accountId: account.id,
      opportunityId: deal.id,
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 3_600_000).toISOString(),
      status: 'done',
    });
    expect(call.statusCode, call.body).toBe(201);
    await opportunitiesService(t.database.db).rejudgeDue(new Date(Date.now() + 400 * 86_400_000));

    const later = await detail(deal.id);
    expect(judged(later)).toEqual(judged(atClose));
    expect(later.influences).toHaveLength(5);
    const row = await listed(account.id);
    expect(row).toMatchObject({ health: atClose.health, redFlagCodes: atClose.redFlags.map((x) => x.code) });
    expect(
      (await f.admin.get(`/api/opportunities?accountId=${account.id}&redFlag=negative_rating`)).json<{
        items: unknown[];
      }>().items,
    ).toEqual([]);

    // Reopened, it is judged from today's Blue Sheet: the hostile, unmet economic buyer shows.
    const reopened = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: later.version,
      stageId: stage('open', 80).id,
      confirmUnmetCriteria: true,
    });
    expect(reopened.statusCode).toBe(200);
    const live = reopened.json<OpportunityDetail>();
    expect(live.redFlags.map((x) => x.code)).toEqual(
      expect.arrayContaining(['economic_buyer_not_covered', 'negative_rating']),
    );
    expect(live.health).not.toBe(atClose.health);
    expect((await listed(account.id)).health).toBe(live.health);

    // Lost now: frozen anew, as of this closing.
    const lost = (
      await f.admin.patch(`/api/opportunities/${deal.id}`, {
        version: live.version,
        stageId: stage('lost').id,
        lostReason: '价格',
      })
    ).json<OpportunityDetail>();
    expect(lost.redFlags.map((x) => x.code)).toContain('negative_rating');
    const influence = (await detail(deal.id)).influences.find((i) => i.id === economic.id)!;
    expect(
      (
        await f.admin.patch(`/api/opportunities/${deal.id}/influences/${economic.id}`, {
          version: influence.version,
          coverage: 'in_depth',
          rating: 5,
        })
      ).statusCode,
    ).toBe(200);
    expect(judged(await detail(deal.id))).toEqual(judged(lost));
  });

  it('freezes deals closed before closing judgements were kept on the scheduled pass', async () => {
    const { account, deal, economic } = await dealWithGaps('旧的赢单');
    const open = await detail(deal.id);
    const won = (
      await f.admin.patch(`/api/opportunities/${deal.id}`, {
        version: open.version,
        stageId: stage('won').id,
        confirmUnmetCriteria: true,
      })
    ).json<OpportunityDetail>();
    // As a deal closed by an older version stands: no closing judgement.
    await t.database.db.execute(sql`update opportunities set closing_judgement = null where id = ${deal.id}`);
    expect(await opportunitiesService(t.database.db).rejudgeDue()).toBeGreaterThanOrEqual(1);
    const [kept] = await rowsOf<{ frozen: boolean }>(
      t.database.db,
      sql`select closing_judgement is not null as frozen from opportunities where id = ${deal.id}`,
    );
    expect(kept.frozen).toBe(true);
    expect(
      (
        await f.admin.patch(`/api/opportunities/${deal.id}/influences/${economic.id}`, {
          version: economic.version,
          coverage: 'none',
          rating: -5,
        })
      ).statusCode,
    ).toBe(200);
    expect(judged(await detail(deal.id))).toEqual(judged(won));
    expect((await listed(account.id)).health).toBe(won.health);
  });
});
