import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { FLAG_PENALTY } from '../../../core/account-health.ts';
import type { AccountHealth } from '../../../core/schemas/health.ts';

let t: TestApp;
let f: Factories;
let u1: Awaited<ReturnType<Factories['user']>>;
let u2: Awaited<ReturnType<Factories['user']>>;
let looked: { id: string };
let bare: { id: string };
let flags: { severity: 'high' | 'medium' | 'low' }[];

const DAY = 86_400_000;
const daysAgo = (d: number, hours = 1) => new Date(Date.now() - d * DAY - hours * 3_600_000).toISOString();

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  u1 = await f.user({ name: '甲' });
  u2 = await f.user({ name: '乙' });
  looked = await f.account(u1.client, { name: '照看客户' });
  bare = await f.account(u1.client, { name: '新客户' });
  const contact = (input: object) => f.contact(u1.client, { accountId: looked.id, ...input });
  await contact({ influence: 'high', coverage: 'multiple', attitude: 2 });
  await contact({ influence: 'high', coverage: 'none', attitude: 3 });
  await contact({ influence: 'medium', coverage: 'brief', attitude: 1 });
  await contact({ influence: 'low', coverage: 'in_depth', attitude: 3 });
  await contact({ influence: 'medium', coverage: 'in_depth', attitude: 4 });
  const archived = await contact({ influence: 'high', coverage: 'none' });
  await u1.client.post(`/api/contacts/${archived.id}/archive`, { version: archived.version });
  const log = async (start: string, status: 'done' | 'planned', satisfaction: number | null) => {
    const end = new Date(new Date(start).getTime() + 3_600_000).toISOString();
    const res = await u1.client.post('/api/activities', {
      type: 'service',
      subject: '回访',
      ownerId: u1.id,
      accountId: looked.id,
      plannedStart: start,
      plannedEnd: end,
      status,
      satisfaction,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await log(daysAgo(20), 'done', 4);
  await log(daysAgo(40), 'done', 5);
  await log(daysAgo(400), 'done', 1); // older than a year: no satisfaction, not the last contact
  await log(daysAgo(2), 'planned', null); // not done
  const deal = await f.deal(u1.client, { accountId: looked.id });
  flags = deal.redFlags;
});
afterAll(() => t.close());

describe('account health', () => {
  it('breaks the score down into its four components', async () => {
    const res = await u1.client.get(`/api/accounts/${looked.id}/health`);
    expect(res.statusCode).toBe(200);
    const h = res.json<AccountHealth>();
    const count = (s: string) => flags.filter((x) => x.severity === s).length;
    const flagScore = Math.max(0, 100 - flags.reduce((s, x) => s + FLAG_PENALTY[x.severity], 0));
    expect(flags.length).toBeGreaterThan(0);
    // Key contacts (high/medium, live): 4, of whom 3 are covered and 4 supportive → 80×¾ + 20×1 = 80.
    // Last done call 20 days ago → 100 × 70/76 = 92; satisfaction (4 + 5)/2 = 4.5 → 88.
    expect(h.components).toEqual([
      {
        key: 'coverage',
        score: 80,
        weight: 35,
        share: 35,
        detail: { contacts: 4, covered: 3, supportive: 4, keyContacts: 4 },
      },
      {
        key: 'redFlags',
        score: flagScore,
        weight: 25,
        share: 25,
        detail: { openDeals: 1, flaggedDeals: 1, high: count('high'), medium: count('medium'), low: count('low') },
      },
      { key: 'lastContact', score: 92, weight: 25, share: 25, detail: { days: 20 } },
      { key: 'satisfaction', score: 88, weight: 15, share: 15, detail: { average: 4.5, count: 2 } },
    ]);
    expect(h.score).toBe(Math.round((80 * 35 + flagScore * 25 + 92 * 25 + 88 * 15) / 100));
  });

  it('shows health in the list and on the account; null while nothing is known', async () => {
    const score = (await u1.client.get(`/api/accounts/${looked.id}/health`)).json<AccountHealth>().score;
    const items = (await u1.client.get('/api/accounts?sort=name')).json().items as {
      id: string;
      health: number | null;
    }[];
    expect(items.find((a) => a.id === looked.id)?.health).toBe(score);
    expect(items.find((a) => a.id === bare.id)?.health).toBeNull();
    expect((await u1.client.get(`/api/accounts/${looked.id}`)).json().health).toBe(score);
    // Pickers ask for names only: health=false leaves it out instead of computing it.
    const named = (await u1.client.get('/api/accounts?sort=name&health=false')).json().items as {
      id: string;
      health: number | null;
    }[];
    expect(named.find((a) => a.id === looked.id)?.health).toBeNull();
    expect(named.map((a) => a.id)).toEqual(items.map((a) => a.id));
    const nothing = [
      { key: 'coverage', score: null },
      { key: 'redFlags', score: null },
      { key: 'lastContact', score: null },
      { key: 'satisfaction', score: null },
    ];
    expect((await u1.client.get(`/api/accounts/${bare.id}/health`)).json()).toMatchObject({
      score: null,
      components: nothing,
    });
    // A new account with a contact entered but never met: still nothing to judge, not a 0.
    const fresh = await f.account(u1.client, { name: '刚建档' });
    await f.contact(u1.client, { accountId: fresh.id, influence: 'high' });
    expect((await u1.client.get(`/api/accounts/${fresh.id}`)).json().health).toBeNull();
    expect((await u1.client.get(`/api/accounts/${fresh.id}/health`)).json()).toMatchObject({
      score: null,
      components: nothing,
    });
    const listed = (await u1.client.get('/api/accounts?sort=name')).json().items as {
      id: string;
      health: number | null;
    }[];
    expect(listed.find((a) => a.id === fresh.id)?.health).toBeNull();
  });

  it("answers 404 outside the caller's scope", async () => {
    expect((await u2.client.get(`/api/accounts/${looked.id}/health`)).statusCode).toBe(404);
    expect((await u2.client.get('/api/accounts')).json().items).toEqual([]);
    expect((await f.admin.get(`/api/accounts/${looked.id}/health`)).statusCode).toBe(200);
    expect((await u1.client.get('/api/accounts/not-a-uuid/health')).json().fields[0].path).toBe('params.id');
  });
});
