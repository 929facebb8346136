import { describe, expect, it } from 'vitest';
import { build, login } from '../../test/helper.ts';
import { loadDemo } from './load.ts';
import { DEMO_PASSWORD } from './seed.ts';

describe('demo deals', () => {
  it('loads deals with Blue Sheets and an activity log that each role sees within its scope', async () => {
    // The demo seed fills an empty database (its logins are fixed addresses).
    const t = await build({}, { database: 'fresh' });
    try {
      const logins = await loadDemo(t.database.db);
      const admin = await login(t.app, logins.find((l) => l.role === 'admin')!.email, DEMO_PASSWORD);
      const all = (await admin.get('/api/opportunities?limit=200')).json().items;
      expect(all.length).toBeGreaterThanOrEqual(30);
      const detail = (await admin.get(`/api/opportunities/${all[0].id}`)).json();
      expect(detail.items.length).toBe(1);
      expect(all.some((o: { redFlagCodes: string[] }) => o.redFlagCodes.length > 0)).toBe(true);
      // Won deals were won with their Blue Sheets filled in: the judgement kept at closing reflects them.
      const won = all.filter((o: { status: string }) => o.status === 'won');
      expect(won.length).toBeGreaterThan(0);
      for (const o of won) {
        const d = (await admin.get(`/api/opportunities/${o.id}`)).json<{
          redFlags: { code: string }[];
          influences: { roles: string[] }[];
        }>();
        expect(d.redFlags.some((x) => x.code === 'no_economic_buyer')).toBe(
          !d.influences.some((i) => i.roles.includes('economic')),
        );
      }
      expect((await admin.get('/api/products')).json().items.length).toBeGreaterThan(0);
      // Inserted around the accounts service, the demo's accounts are scored by the load itself.
      const scored = (await admin.get('/api/accounts?limit=200')).json().items as {
        score: number | null;
        recommendedTier: string | null;
      }[];
      expect(scored.every((a) => a.score !== null)).toBe(true);
      expect(new Set(scored.map((a) => a.recommendedTier)).size).toBeGreaterThan(1);

      const rep = logins.find((l) => l.role === 'rep')!;
      const repClient = await login(t.app, rep.email, DEMO_PASSWORD);
      const mine = (await repClient.get('/api/opportunities?limit=200')).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(all.length);
      // A deal is visible with its account: the rep's own accounts and those whose account team they are on.
      expect(mine.some((o: { ownerName: string }) => o.ownerName === rep.name)).toBe(true);
      for (const o of mine) expect((await repClient.get(`/api/accounts/${o.accountId}`)).statusCode).toBe(200);
      const board = (await repClient.get('/api/pipeline/board')).json();
      expect(board.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(
        mine.filter((o: { status: string }) => o.status === 'open').length,
      );

      // The activity log: weeks of logged calls, this week's plan, after-sales follow-ups and service records.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const calendar = (
        await repClient.get(`/api/calendar?from=${day(-7)}T00:00:00%2B08:00&to=${day(7)}T00:00:00%2B08:00`)
      ).json();
      expect(calendar.activities.length).toBeGreaterThan(3);
      expect(calendar.activities.some((a: { status: string }) => a.status === 'planned')).toBe(true);
      const done = (await admin.get('/api/activities?status=done&limit=200')).json().items;
      expect(done.some((a: { nextMeetingProposed: boolean | null }) => a.nextMeetingProposed === true)).toBe(true);
      expect(
        done.some(
          (a: { type: string; satisfaction: number | null }) => a.type === 'service' && a.satisfaction !== null,
        ),
      ).toBe(true);
      expect(
        (await admin.get('/api/activities?type=after_sales'))
          .json()
          .items.every((a: { autoScheduled: boolean }) => a.autoScheduled),
      ).toBe(true);
      const time = (await admin.get(`/api/analysis/time?from=${day(-30)}&to=${day(0)}&groupBy=owner`)).json();
      expect(time.items.length).toBeGreaterThanOrEqual(5);

      // Quotas: the rep's year has a target, so the forecast has attainment and the planner a default.
      const year = day(0).slice(0, 4);
      const forecast = (await repClient.get(`/api/forecast?period=${year}`)).json();
      expect(forecast.totals.quota?.target).toMatch(/^\d+\.00$/);
      expect((await repClient.post('/api/planner', {})).statusCode).toBe(200);
      expect(
        (await admin.get(`/api/planner/actual?year=${year}`))
          .json()
          .people.some((p: { planSource: string | null }) => p.planSource === 'quota'),
      ).toBe(true);

      // What changed this week: last week's (demo history) snapshot against the deals today. Shanghai days.
      const shanghai = (offset: number) =>
        new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
      const lastWeek = (await admin.get(`/api/pipeline/changes?since=${shanghai(-7)}`)).json();
      expect(lastWeek.baseline).toBe(shanghai(-7));
      const count = (kind: string) => lastWeek.summary.find((s: { kind: string }) => s.kind === kind).count;
      for (const kind of ['new', 'won', 'lost', 'moved_forward', 'slipped', 'pulled_in', 'amount_up', 'amount_down'])
        expect(count(kind), kind).toBeGreaterThan(0);
      expect((await admin.get('/api/pipeline/snapshots')).json().items).toHaveLength(2);
      const repChanges = (await repClient.get(`/api/pipeline/changes?since=${shanghai(-7)}`)).json();
      expect(repChanges.items.length).toBeLessThan(lastWeek.items.length);
      const winLoss = (await admin.get(`/api/analysis/win-loss?from=${shanghai(-7)}&to=${shanghai(0)}`)).json();
      expect(winLoss.lost.count).toBe(3);
      expect(winLoss.reasons.length).toBe(3);

      // Prospects: accounts with neither a won deal nor our revenue; 上海六院 (billed, no deal won) is a customer.
      const prospects = (await admin.get('/api/analysis/prospects?limit=500')).json() as {
        total: number;
        items: { accountId: string; name: string }[];
      };
      expect(prospects.total).toBeGreaterThan(0);
      expect(prospects.items.map((p) => p.name)).not.toContain('上海市第六人民医院');
      for (const p of prospects.items)
        expect((await admin.get(`/api/accounts/${p.accountId}`)).json().ourRevenue).toBeNull();
    } finally {
      await t.close();
    }
  }, 120_000);
});
