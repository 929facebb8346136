// Lost reasons and deal sources as admin-edited lists: reading and editing them, what a deal stores,
// the win/loss analysis's groups and the migration of free text typed before (0034).
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { DEFAULT_DEAL_LISTS } from '../../../core/deal-lists.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

describe('deal lists', () => {
  it('has Chinese defaults, which only an administrator may edit', async () => {
    const rep = await f.user({ role: 'rep' });
    expect((await rep.client.get('/api/settings/deal-lists')).json()).toEqual(DEFAULT_DEAL_LISTS);
    const body = { lostReasons: ['价格', ' 交付周期 ', '价格', '其他'], dealSources: ['展会'] };
    expect((await rep.client.put('/api/settings/deal-lists', body)).statusCode).toBe(403);
    const saved = await f.admin.put('/api/settings/deal-lists', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ lostReasons: ['价格', '交付周期'], dealSources: ['展会'] });
    expect((await rep.client.get('/api/settings/deal-lists')).json().lostReasons).toEqual(['价格', '交付周期']);
    expect((await f.admin.put('/api/settings/deal-lists', { lostReasons: [''], dealSources: [] })).statusCode).toBe(
      400,
    );
  });

  it('stores an item as it is and any other text as 其他：…, and the win/loss analysis groups by item', async () => {
    const stages = (await f.admin.get('/api/stages')).json().items as { id: string; kind: string }[];
    const lostStage = stages.find((s) => s.kind === 'lost');
    const close = async (reason: string) => {
      const d = await f.deal(f.admin, { source: '展会' });
      const res = await f.admin.patch(`/api/opportunities/${d.id}`, {
        version: d.version,
        stageId: lostStage?.id,
        confirmUnmetCriteria: true,
        lostReason: reason,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await close('交付周期')).lostReason).toBe('交付周期');
    expect((await close('其他：客户重组')).lostReason).toBe('其他：客户重组');
    expect((await close('客户换了领导')).lostReason).toBe('其他：客户换了领导');
    const other = await f.deal(f.admin, { source: '朋友介绍' });
    expect(other.source).toBe('其他：朋友介绍');
    // Closed now: a range around today holds it whatever the organisation's zone makes of the date.
    const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
    const reasons = (await f.admin.get(`/api/analysis/win-loss?from=${day(-1)}&to=${day(1)}`)).json().reasons;
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: '其他', count: 2 }),
        expect.objectContaining({ reason: '交付周期', count: 1 }),
      ]),
    );
  });

  it('migrates free text typed before: a matching default becomes the item, the rest 其他：<text>', async () => {
    const typed = ['价格', ' 预算取消。', '价格高于竞争对手', '其他：已有', '　'];
    const ids: string[] = [];
    for (const _ of typed) ids.push((await f.deal(f.admin)).id);
    for (const [i, id] of ids.entries())
      await t.app.db.execute(
        sql`update opportunities set lost_reason = ${typed[i]}, source = ${i === 0 ? '展会' : '朋友'} where org_id = ${f.orgId} and id = ${id}`,
      );
    // The migration's own statements, held to this file's organisation (the database is shared).
    const file = readFileSync(
      new URL('../../db/migrations/0034_account_region_industry_codes.sql', import.meta.url),
      'utf8',
    );
    const updates = file
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => s.startsWith('UPDATE "opportunities"'));
    expect(updates).toHaveLength(2);
    for (const u of updates) await t.app.db.execute(sql.raw(`${u.replace(/;$/, '')} AND "org_id" = '${f.orgId}'`));
    const rows = await rowsOf<{ id: string; lost_reason: string | null; source: string | null }>(
      t.app.db,
      sql`select id, lost_reason, source from opportunities where org_id = ${f.orgId} and id in ${sql`(${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`}`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)?.lost_reason)).toEqual([
      '价格',
      '预算取消',
      '其他：价格高于竞争对手',
      '其他：已有',
      '　',
    ]);
    expect(ids.map((id) => byId.get(id)?.source)).toEqual([
      '展会',
      '其他：朋友',
      '其他：朋友',
      '其他：朋友',
      '其他：朋友',
    ]);
  });
});
