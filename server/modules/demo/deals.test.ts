import { describe, expect, it } from 'vitest';
import { build, login } from '../../test/helper.ts';
import { loadDemo } from './load.ts';
import { DEMO_PASSWORD } from './seed.ts';

describe('demo deals', () => {
  it('loads deals with Blue Sheets that each role sees within its scope', async () => {
    const t = await build();
    try {
      const logins = await loadDemo(t.database.db);
      const admin = await login(t.app, logins.find((l) => l.role === 'admin')!.email, DEMO_PASSWORD);
      const all = (await admin.get('/api/opportunities?limit=200')).json().items;
      expect(all.length).toBeGreaterThanOrEqual(30);
      const detail = (await admin.get(`/api/opportunities/${all[0].id}`)).json();
      expect(detail.items.length).toBe(1);
      expect(all.some((o: { redFlags: unknown[] }) => o.redFlags.length > 0)).toBe(true);
      expect((await admin.get('/api/products')).json().items.length).toBeGreaterThan(0);

      const rep = logins.find((l) => l.role === 'rep')!;
      const repClient = await login(t.app, rep.email, DEMO_PASSWORD);
      const mine = (await repClient.get('/api/opportunities?limit=200')).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(all.length);
      // A deal is visible with its account: the rep's own accounts and those whose account team they are on.
      expect(mine.some((o: { ownerName: string }) => o.ownerName === rep.name)).toBe(true);
      for (const o of mine) expect((await repClient.get(`/api/accounts/${o.accountId}`)).statusCode).toBe(200);
      const board = (await repClient.get('/api/pipeline/board')).json();
      expect(board.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(mine.filter((o: { status: string }) => o.status === 'open').length);
    } finally {
      await t.close();
    }
  });
});
