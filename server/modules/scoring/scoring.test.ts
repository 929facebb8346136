import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { rowsOf } from '../../db/client.ts';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../../../core/scoring.ts';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { AccountScore, ScorePage } from '../../../core/schemas/key-accounts.ts';
import type { HistoryEntry } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let rep1: Awaited<ReturnType<Factories['user']>>;
let rep2: Awaited<ReturnType<Factories['user']>>;
let viewer: Awaited<ReturnType<Factories['user']>>;
/** rep1's: 90 (A) assigned C; 15 (C) assigned C; rep2's: 62 (B) untiered. */
let big: AccountDetail;
let small: AccountDetail;
let other: AccountDetail;

const model = (patch: Partial<ScoringModel> = {}): ScoringModel => ({
  ...structuredClone(DEFAULT_SCORING_MODEL),
  ...patch,
});
const scoreOf = async (id: string) =>
  (
    await rowsOf<{ score: number | null; recommended_tier: string | null }>(
      t.database.db,
      sql`select score, recommended_tier from accounts where id = ${id}`,
    )
  )[0];

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  const team = await f.team();
  rep1 = await f.user({ teamId: team.id });
  rep2 = await f.user({ teamId: team.id });
  viewer = await f.user({ role: 'viewer', teamId: team.id });
  big = await f.account(rep1.client, {
    name: '大客户',
    ourRevenue: '5000000.00',
    potential: '3000000',
    marketStrength: 4,
    financialStatus: 'fair',
    tier: 'C',
  });
  small = await f.account(rep1.client, { name: '小客户', financialStatus: 'good', tier: 'C' });
  other = await f.account(rep2.client, {
    name: '别人的客户',
    ourRevenue: '100000',
    potential: '3000000',
    marketStrength: 4,
    financialStatus: 'fair',
  });
});
afterAll(() => t.close());

describe('the scoring model', () => {
  it('is the course default until an admin saves one; everybody reads it', async () => {
    expect((await rep1.client.get('/api/settings/scoring')).json()).toEqual(DEFAULT_SCORING_MODEL);
  });

  it('refuses weights that do not add up to 100, naming criteria, in both languages', async () => {
    const m = model();
    m.criteria[0].weight = 65;
    const res = await f.admin.put('/api/settings/scoring', m);
    expect(res.statusCode).toBe(400);
    const [issue, ...rest] = res.json().fields;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'criteria', code: 'weights_sum' });
    expect(issue.messages.zh).toContain('各项权重合计须为 100（当前为 95）');
    expect(issue.messages.en).toContain('weights must add up to 100 (they add up to 95)');
  });

  it('refuses duplicate keys, unordered bands, A ≤ B and malformed input, each on its field', async () => {
    const paths = async (m: unknown) => {
      const res = await f.admin.put('/api/settings/scoring', m);
      expect(res.statusCode).toBe(400);
      return (res.json().fields as { path: string }[]).map((x) => x.path);
    };
    const dup = model();
    dup.criteria[1].key = 'salesOrPotential';
    expect(await paths(dup)).toEqual(['criteria.1.key']);
    const twice = model();
    twice.criteria[0].alternatives = [{ field: 'ourRevenue', scale: { bands: [{ min: '0', points: 0 }] } }];
    expect(await paths(twice)).toEqual(['criteria.0.alternatives.0.field']);
    const unordered = model();
    unordered.criteria[0].scale.bands = [
      { min: '100', points: 10 },
      { min: '50', points: 20 },
    ];
    expect(await paths(unordered)).toEqual(['criteria.0.scale.bands.1.min']);
    expect(await paths(model({ tierThresholds: { A: 30, B: 40 } }))).toEqual(['tierThresholds.A']);
    const badPoints = model();
    badPoints.criteria[2].scale.points = { good: 101 };
    expect((await paths(badPoints))[0]).toBe('criteria.2.scale.points.good');
    const badMoney = model();
    badMoney.criteria[0].scale.bands = [{ min: '1e6', points: 10 }];
    expect(await paths(badMoney)).toEqual(['criteria.0.scale.bands.0.min']);
  });

  it('is written by admins only', async () => {
    expect((await rep1.client.put('/api/settings/scoring', model())).statusCode).toBe(403);
  });
});

describe('stored scores', () => {
  it('are computed when an account is created and when its figures change', async () => {
    expect(big).toMatchObject({ score: 90, recommendedTier: 'A', tier: 'C' });
    expect(small).toMatchObject({ score: 15, recommendedTier: 'C' });
    expect(other).toMatchObject({ score: 62, recommendedTier: 'B', tier: null });
    const res = await rep1.client.patch(`/api/accounts/${small.id}`, { version: small.version, ourRevenue: '2000000' });
    expect(res.json()).toMatchObject({ score: 71, recommendedTier: 'A' });
    const back = await rep1.client.patch(`/api/accounts/${small.id}`, {
      version: res.json().version,
      ourRevenue: null,
    });
    expect(back.json()).toMatchObject({ score: 15, recommendedTier: 'C' });
    small = back.json();
    const list = (await rep1.client.get('/api/accounts')).json<{
      items: { id: string; score: number; recommendedTier: string }[];
    }>();
    expect(list.items.find((a) => a.id === big.id)).toMatchObject({ score: 90, recommendedTier: 'A' });
  });

  it('makes a key account of large potential without sales (the course: large sales or large potential)', async () => {
    const promising = await f.account(rep2.client, {
      name: '潜力客户',
      potential: '50000000',
      marketStrength: 5,
      financialStatus: 'good',
    });
    // Sales and potential added up gave 60 → B; the larger of them gives 100 → A.
    expect(promising).toMatchObject({ score: 100, recommendedTier: 'A' });
    const s = (await rep2.client.get(`/api/accounts/${promising.id}/score`)).json<AccountScore>();
    expect(s.criteria[0]).toMatchObject({
      key: 'salesOrPotential',
      field: 'potential',
      value: '50000000.00',
      points: 100,
      contribution: 70,
      measures: [
        { field: 'ourRevenue', value: null, points: 0 },
        { field: 'potential', value: '50000000.00', points: 100 },
      ],
    });
    expect((await f.admin.delete(`/api/accounts/${promising.id}`)).statusCode).toBeLessThan(300);
  });

  it('the breakdown lists each criterion with its value, points, contribution and what is missing', async () => {
    const s = (await rep1.client.get(`/api/accounts/${small.id}/score`)).json<AccountScore>();
    expect(s).toMatchObject({
      accountId: small.id,
      score: 15,
      tier: 'C',
      recommendedTier: 'C',
      tierThresholds: { A: 70, B: 40 },
    });
    expect(s.criteria.map((c) => [c.key, c.value, c.points, c.contribution, c.missing])).toEqual([
      ['salesOrPotential', null, 0, 0, true],
      ['marketStrength', null, 0, 0, true],
      ['financialStatus', 'good', 100, 15, false],
    ]);
    expect((await rep2.client.get(`/api/accounts/${small.id}/score`)).statusCode).toBe(404);
  });

  it('are recomputed for every account when the model is saved, keeping the other settings', async () => {
    expect((await f.admin.put('/api/settings/activities', { afterSalesCadenceDays: [10, 20] })).statusCode).toBe(200);
    const finance = model({
      criteria: [
        {
          key: 'finance',
          label: '资金状况',
          field: 'financialStatus',
          weight: 60,
          scale: { points: { good: 100, fair: 50 } },
        },
        {
          key: 'potential',
          field: 'potential',
          weight: 40,
          scale: {
            bands: [
              { min: '0', points: 0 },
              { min: '3000000', points: 100 },
            ],
          },
        },
      ],
      tierThresholds: { A: 80, B: 60 },
    });
    const res = await f.admin.put('/api/settings/scoring', finance);
    expect(res.statusCode).toBe(200);
    expect((await rep1.client.get('/api/settings/scoring')).json()).toEqual(finance);
    expect(await scoreOf(big.id)).toEqual({ score: 70, recommended_tier: 'B' });
    expect(await scoreOf(small.id)).toEqual({ score: 60, recommended_tier: 'B' });
    expect(await scoreOf(other.id)).toEqual({ score: 70, recommended_tier: 'B' });
    expect((await f.admin.get('/api/settings/activities')).json().afterSalesCadenceDays).toEqual([10, 20]);
    // A derived score is no edit: nobody's open form turns stale.
    expect((await rep1.client.get(`/api/accounts/${big.id}`)).json().version).toBe(big.version);
    expect((await f.admin.put('/api/settings/scoring', model())).statusCode).toBe(200);
    expect(await scoreOf(big.id)).toEqual({ score: 90, recommended_tier: 'A' });
  });

  it('accounts loaded around the services (score null) are scored before the scores are read', async () => {
    await t.database.db.execute(
      sql`update accounts set score = null, recommended_tier = null where org_id = ${f.orgId}`,
    );
    const page = (await f.admin.get('/api/analysis/scores')).json<ScorePage>();
    expect(page.items.map((i) => [i.name, i.score, i.recommendedTier])).toEqual([
      ['大客户', 90, 'A'],
      ['别人的客户', 62, 'B'],
      ['小客户', 15, 'C'],
    ]);
    expect(await scoreOf(other.id)).toEqual({ score: 62, recommended_tier: 'B' });
  });
});

describe('the scores list', () => {
  it('shows the caller’s accounts with their disagreement and the assigned × recommended matrix', async () => {
    const mine = (await rep1.client.get('/api/analysis/scores')).json<ScorePage>();
    expect(mine.items.map((i) => [i.name, i.tier, i.recommendedTier, i.disagree])).toEqual([
      ['大客户', 'C', 'A', true],
      ['小客户', 'C', 'C', false],
    ]);
    expect(mine.matrix.sort((a, b) => String(a.recommendedTier).localeCompare(String(b.recommendedTier)))).toEqual([
      { tier: 'C', recommendedTier: 'A', count: 1 },
      { tier: 'C', recommendedTier: 'C', count: 1 },
    ]);
    const all = (await f.admin.get('/api/analysis/scores?disagree=true')).json<ScorePage>();
    expect(all.items.map((i) => i.name)).toEqual(['大客户', '别人的客户']);
    expect(all.matrix).toHaveLength(3);
    expect((await f.admin.get('/api/analysis/scores?tier=none')).json<ScorePage>().items.map((i) => i.name)).toEqual([
      '别人的客户',
    ]);
    expect(
      (await f.admin.get('/api/analysis/scores?recommended=C')).json<ScorePage>().items.map((i) => i.name),
    ).toEqual(['小客户']);
  });

  it('pages by cursor in score or name order', async () => {
    const first = (await f.admin.get('/api/analysis/scores?sort=score&limit=2')).json<ScorePage>();
    expect(first.items.map((i) => i.score)).toEqual([15, 62]);
    const second = (
      await f.admin.get(`/api/analysis/scores?sort=score&limit=2&cursor=${first.nextCursor}`)
    ).json<ScorePage>();
    expect(second).toMatchObject({ nextCursor: null, matrix: [] });
    expect(second.items.map((i) => i.score)).toEqual([90]);
    const byName = (await f.admin.get('/api/analysis/scores?sort=-name')).json<ScorePage>().items.map((i) => i.name);
    expect(byName).toHaveLength(3);
    const one = (await f.admin.get('/api/analysis/scores?sort=-name&limit=1')).json<ScorePage>();
    const next = (
      await f.admin.get(`/api/analysis/scores?sort=-name&limit=5&cursor=${one.nextCursor}`)
    ).json<ScorePage>();
    expect([...one.items, ...next.items].map((i) => i.name)).toEqual(byName);
    expect((await f.admin.get('/api/analysis/scores?sort=score&cursor=nope')).json().fields[0].path).toBe(
      'query.cursor',
    );
  });
});

describe('bulk tiers', () => {
  it('refuses viewers, malformed bodies, and any account outside the caller’s scope without writing anything', async () => {
    expect(
      (await viewer.client.post('/api/accounts/tiers', { accountIds: [big.id], apply: 'recommended' })).statusCode,
    ).toBe(403);
    expect((await rep1.client.post('/api/accounts/tiers', { accountIds: [big.id] })).json().fields[0].path).toBe(
      'apply',
    );
    expect((await rep1.client.post('/api/accounts/tiers', {})).json().fields[0].path).toBe('items');
    const tooMany = Array.from({ length: 1001 }, () => big.id);
    expect(
      (await rep1.client.post('/api/accounts/tiers', { accountIds: tooMany, apply: 'recommended' })).json().fields[0]
        .path,
    ).toBe('accountIds');
    const res = await rep1.client.post('/api/accounts/tiers', { accountIds: [big.id, other.id], apply: 'recommended' });
    expect(res.statusCode).toBe(404);
    const out = await rep1.client.post('/api/accounts/tiers', {
      items: [
        { accountId: big.id, tier: 'B' },
        { accountId: other.id, tier: 'A' },
      ],
    });
    expect(out.statusCode).toBe(404);
    expect((await scoreOf(big.id)).recommended_tier).toBe('A');
    expect((await f.admin.get(`/api/accounts/${big.id}`)).json()).toMatchObject({ tier: 'C', version: big.version });
    expect((await f.admin.get(`/api/accounts/${other.id}`)).json().tier).toBeNull();
  });

  it('applies the recommended tier, counting and recording only real changes', async () => {
    const res = await rep1.client.post('/api/accounts/tiers', {
      accountIds: [big.id, small.id, big.id],
      apply: 'recommended',
    });
    expect(res.json()).toEqual({ updated: 1 });
    const after = (await rep1.client.get(`/api/accounts/${big.id}`)).json<AccountDetail>();
    expect(after).toMatchObject({ tier: 'A', version: big.version + 1 });
    expect((await rep1.client.get(`/api/accounts/${small.id}`)).json().version).toBe(small.version);
    const history = (await rep1.client.get(`/api/accounts/${big.id}/history`)).json<{ items: HistoryEntry[] }>().items;
    expect(history[0]).toMatchObject({
      action: 'update',
      actorId: rep1.id,
      changes: [{ field: 'tier', old: 'C', new: 'A' }],
    });
    const timeline = (await rep1.client.get(`/api/timeline?accountId=${big.id}`)).json<{ items: { kind: string }[] }>();
    expect(timeline.items.filter((i) => i.kind === 'edit').length).toBeGreaterThanOrEqual(2);
    const page = (await rep1.client.get('/api/analysis/scores?disagree=true')).json<ScorePage>();
    expect(page.items).toEqual([]);
    // The matrix read before this write is not served again.
    expect(page.matrix).toContainEqual({ tier: 'A', recommendedTier: 'A', count: 1 });
    expect(page.matrix).not.toContainEqual(expect.objectContaining({ tier: 'C', recommendedTier: 'A' }));
  });

  it('sets explicit tiers, clearing one with null', async () => {
    const res = await f.admin.post('/api/accounts/tiers', {
      items: [
        { accountId: other.id, tier: 'B' },
        { accountId: small.id, tier: null },
      ],
    });
    expect(res.json()).toEqual({ updated: 2 });
    expect((await f.admin.get(`/api/accounts/${other.id}`)).json().tier).toBe('B');
    expect((await f.admin.get(`/api/accounts/${small.id}`)).json().tier).toBeNull();
    const history = (await f.admin.get(`/api/accounts/${small.id}/history`)).json<{ items: HistoryEntry[] }>().items;
    expect(history[0].changes).toEqual([{ field: 'tier', old: 'C', new: null }]);
    // An edit through the account form moves the matrix too.
    const current = (await f.admin.get(`/api/accounts/${small.id}`)).json<AccountDetail>();
    await f.admin.patch(`/api/accounts/${small.id}`, { version: current.version, tier: 'A' });
    expect((await f.admin.get('/api/analysis/scores')).json<ScorePage>().matrix).toContainEqual({
      tier: 'A',
      recommendedTier: 'C',
      count: 1,
    });
  });
});

describe('migration 0029: the new default model', () => {
  const statements = () =>
    readFileSync(new URL('../../db/migrations/0029_default_scoring_larger_of.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);
  const migrate = async () => {
    for (const s of statements()) await t.database.db.execute(sql.raw(s));
  };
  const saved = async () =>
    (
      await rowsOf<{ scoring: unknown }>(
        t.database.db,
        sql`select settings -> 'scoring' as scoring from orgs where id = ${f.orgId}`,
      )
    )[0].scoring;
  /** The default as it was before the larger of sales and potential, as an admin saved it unchanged. */
  const oldDefault: ScoringModel = {
    criteria: [
      {
        key: 'salesVolume',
        field: 'ourRevenue',
        weight: 40,
        scale: {
          bands: [
            ['0', 0],
            ['100000', 20],
            ['500000', 40],
            ['1000000', 60],
            ['2000000', 80],
            ['5000000', 100],
          ].map(([min, points]) => ({ min: String(min), points: Number(points) })),
        },
      },
      {
        key: 'potential',
        field: 'potential',
        weight: 30,
        scale: {
          bands: [
            ['0', 0],
            ['500000', 20],
            ['1000000', 40],
            ['3000000', 60],
            ['5000000', 80],
            ['10000000', 100],
          ].map(([min, points]) => ({ min: String(min), points: Number(points) })),
        },
      },
      {
        key: 'marketStrength',
        field: 'marketStrength',
        weight: 15,
        scale: { points: { '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 } },
      },
      {
        key: 'financialStatus',
        field: 'financialStatus',
        weight: 15,
        scale: { points: { good: 100, fair: 50, poor: 0 } },
      },
    ],
    tierThresholds: { A: 70, B: 40 },
  };

  it('moves an organisation that saved the old default unchanged onto the new one and re-scores its accounts', async () => {
    expect((await f.admin.put('/api/settings/scoring', oldDefault)).statusCode).toBe(200);
    expect(await scoreOf(other.id)).toEqual({ score: 46, recommended_tier: 'B' });
    await migrate();
    expect(await saved()).toBeNull();
    expect(await scoreOf(other.id)).toEqual({ score: null, recommended_tier: null });
    expect((await f.admin.get('/api/settings/scoring')).json()).toEqual(DEFAULT_SCORING_MODEL);
    await f.admin.get('/api/analysis/scores');
    expect(await scoreOf(other.id)).toEqual({ score: 62, recommended_tier: 'B' });
  });

  it("keeps a model of the organisation's own, and its scores come back the same", async () => {
    const own = structuredClone(oldDefault);
    own.tierThresholds = { A: 75, B: 40 };
    expect((await f.admin.put('/api/settings/scoring', own)).statusCode).toBe(200);
    await migrate();
    expect(await saved()).toEqual(own);
    await f.admin.get('/api/analysis/scores');
    expect(await scoreOf(other.id)).toEqual({ score: 46, recommended_tier: 'B' });
  });
});
