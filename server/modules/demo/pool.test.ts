import { describe, expect, it } from 'vitest';
import { build, login } from '../../test/helper.ts';
import { seedDemo, DEMO_PASSWORD } from './seed.ts';
import { seedDemoPool } from './pool.ts';
import type { PoolPage } from '../../../core/schemas/pool.ts';

describe('seedDemoPool', () => {
  it('leaves a few unowned accounts in the shared pool for a demo rep to claim', async () => {
    // The demo seed fills an empty database (its logins are fixed addresses).
    const t = await build({}, { database: 'fresh' });
    try {
      const logins = await seedDemo(t.database.db);
      await seedDemoPool(t.database.db);
      const rep = logins.find((l) => l.role === 'rep')!;
      const client = await login(t.app, rep.email, DEMO_PASSWORD);
      const pool = (await client.get('/api/pool')).json<PoolPage>();
      // Longest in the pool first.
      expect(pool.items.map((i) => i.name)).toEqual([
        '合肥市数据资源局',
        '厦门市第三医院',
        '长沙星河物流有限公司',
        '昆明滇池水务集团有限公司',
      ]);
      expect(pool.myClaims).toEqual({ count: 0, limit: 20 });
      expect((await client.get('/api/pool?q=水务')).json<PoolPage>().items).toHaveLength(1);
      const claim = await client.post(`/api/pool/${pool.items[0].id}/claim`);
      expect(claim.statusCode, claim.body).toBe(200);
    } finally {
      await t.close();
    }
  });
});
