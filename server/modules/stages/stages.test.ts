import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const list = async (): Promise<Stage[]> => (await f.admin.get('/api/stages')).json().items;

describe('stages', () => {
  it('admins rename, reprice, add, reorder and remove stages; deals keep their history', async () => {
    const [first, second] = await list();
    const renamed = await f.admin.patch(`/api/stages/${first.id}`, {
      version: first.version,
      name: '技术交流',
      probability: 5,
      forecastCategory: 'omitted',
    });
    expect(renamed.json()).toMatchObject({ name: '技术交流', probability: 5, forecastCategory: 'omitted' });

    const added = await f.admin.post('/api/stages', {
      name: '立项',
      nameEn: 'Project approved',
      probability: 30,
      position: 2,
    });
    expect(added.statusCode).toBe(201);
    let names = (await list()).map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(['技术交流', '见负责人', '立项', '咨询/诊断']);

    const open = (await list()).filter((s) => s.kind === 'open').map((s) => s.id);
    const reordered = await f.admin.put('/api/stages/order', { ids: [open[1], open[0], ...open.slice(2)] });
    expect(reordered.json().items[0].name).toBe('见负责人');
    expect((await f.admin.put('/api/stages/order', { ids: open.slice(1) })).statusCode).toBe(400);

    const deal = (
      await f.admin.post('/api/opportunities', {
        accountId: (await f.account()).id,
        name: '在用阶段',
        stageId: second.id,
      })
    ).json();
    expect((await f.admin.delete(`/api/stages/${second.id}`)).statusCode).toBe(409);
    await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: deal.version,
      stageId: added.json().id,
      confirmUnmetCriteria: true,
    });
    expect((await f.admin.delete(`/api/stages/${second.id}`)).statusCode).toBe(204);
    names = (await list()).map((s) => s.name);
    expect(names).not.toContain('见负责人');
    const history = (await f.admin.get(`/api/opportunities/${deal.id}`)).json().stageHistory;
    expect(history.map((h: { toStageName: string }) => h.toStageName)).toEqual(['见负责人', '立项']);
  });

  it('only admins change the funnel; won and lost stages stay', async () => {
    const rep = await f.user({ role: 'rep' });
    const [s] = await list();
    expect((await rep.client.get('/api/stages')).statusCode).toBe(200);
    expect((await rep.client.patch(`/api/stages/${s.id}`, { version: s.version, name: 'x' })).statusCode).toBe(403);
    const won = (await list()).find((x) => x.kind === 'won')!;
    expect((await f.admin.delete(`/api/stages/${won.id}`)).statusCode).toBe(409);
    const bad = await f.admin.post('/api/stages', { name: 'x', probability: 120 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('probability');
  });
});
