// English complete (issue 21, item 8): what the system itself wrote — default stages, built-in
// activity types, after-sales subjects, forecast labels, risk messages, stage history — reaches an
// English reader in English. Names people typed (accounts, deals, users) stay as typed, so the
// checks strip them before looking for Chinese characters.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import type { Activity } from '../../../core/schemas/activities.ts';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { BUILTIN_TYPES } from '../activity-types/defaults.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const ZH = { 'accept-language': 'zh-CN' };
const DEAL = 'Hospital HIS';

let t: TestApp;
let f: Factories;
let stages: Stage[];
let rep: Awaited<ReturnType<Factories['user']>>;
let dealId: string;

/** The CJK characters of a text once the names people typed are taken out. */
const cjkIn = (text: string, typed: string[] = []) =>
  typed.reduce((s, name) => s.replaceAll(name, ''), text).match(new RegExp(CJK.source, 'g')) ?? [];

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  stages = (await f.admin.get('/api/stages')).json().items;
  rep = await f.user({ name: 'Rep Zhao' });
  // A deal with an English name, won: its after-sales calls are scheduled in the org's language (zh).
  const account = await f.account(rep.client, { name: 'City Hospital' });
  const d = await rep.client.post('/api/opportunities', { accountId: account.id, name: DEAL, amount: '1000' });
  dealId = d.json().id;
  const won = stages.find((s) => s.kind === 'won')!;
  const moved = await rep.client.patch(`/api/opportunities/${dealId}`, {
    version: d.json().version,
    stageId: won.id,
    confirmUnmetCriteria: true,
  });
  expect(moved.json().status).toBe('won');
});
afterAll(() => t.close());

const followUps = async (headers: Record<string, string>): Promise<Activity[]> =>
  (await rep.client.get(`/api/activities?opportunityId=${dealId}&type=after_sales`, headers)).json().items;

describe('English readers see what the system wrote in English', () => {
  it('default stages and their exit criteria have English names', async () => {
    const res = await f.admin.get('/api/stages', EN);
    const items: Stage[] = res.json().items;
    expect(items.length).toBeGreaterThan(5);
    for (const s of items) {
      expect(s.nameEn, s.name).toBeTruthy();
      expect(cjkIn(s.nameEn ?? '')).toEqual([]);
      for (const c of s.exitCriteria) expect(cjkIn(c.labelEn ?? '中'), c.label).toEqual([]);
    }
  });

  it('the twelve built-in activity types have English names', async () => {
    const items: { key: string; nameEn: string | null; builtin: boolean }[] = (
      await f.admin.get('/api/activity-types', EN)
    ).json().items;
    const builtins = items.filter((x) => x.builtin);
    expect(builtins.map((x) => x.key).sort()).toEqual(BUILTIN_TYPES.map((x) => x.key).sort());
    for (const x of builtins) expect(cjkIn(x.nameEn ?? '中'), x.key).toEqual([]);
  });

  it('after-sales subjects render in the reader’s language, on the list, the calendar and the timeline', async () => {
    const en = await followUps(EN);
    expect(en.map((a) => a.subject).sort()).toEqual(
      [7, 30, 90].map((n) => `After-sales follow-up · ${DEAL} (+${n} days)`).sort(),
    );
    const zh = await followUps(ZH);
    expect(zh.map((a) => a.subject).sort()).toEqual([7, 30, 90].map((n) => `售后回访 · ${DEAL} (+${n} 天)`).sort());

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const calendar = (await rep.client.get(`/api/calendar?from=${from}&to=${to}`, EN)).json();
    const mine = calendar.activities.filter((a: { id: string }) => en.some((x) => x.id === a.id));
    expect(mine.map((a: { subject: string }) => a.subject).sort()).toEqual(
      [7, 30].map((n) => `After-sales follow-up · ${DEAL} (+${n} days)`).sort(),
    );

    const timeline = (await rep.client.get(`/api/timeline?opportunityId=${dealId}`, EN)).json();
    const titles = timeline.items
      .filter((i: { kind: string }) => i.kind === 'activity')
      .map((i: { title: string }) => i.title);
    expect(titles).toHaveLength(3);
    for (const title of titles) expect(title).toMatch(/^After-sales follow-up · /);
  });

  it('an edited subject is the person’s own; one saved back unchanged stays generated', async () => {
    const [a, b] = await followUps(EN);
    // Saved back as shown in English: still rendered per reader.
    const same = await rep.client.patch(`/api/activities/${a.id}`, { version: a.version, subject: a.subject });
    expect(same.statusCode).toBe(200);
    expect((await rep.client.get(`/api/activities/${a.id}`, ZH)).json().subject).toMatch(/^售后回访 · /);
    // Typed anew: shown as typed to everyone.
    const typed = await rep.client.patch(`/api/activities/${b.id}`, { version: b.version, subject: '回访张主任' });
    expect(typed.statusCode).toBe(200);
    expect((await rep.client.get(`/api/activities/${b.id}`, EN)).json().subject).toBe('回访张主任');
  });

  it('calls scheduled before migration 0033 (text only) are read back and render in English', async () => {
    const [a] = await followUps(EN);
    await t.app.db.execute(
      sql`update activities set subject = ${`售后回访 · ${DEAL} (+7 天)`}, subject_key = null, subject_params = null
          where org_id = ${f.orgId} and id = ${a.id}`,
    );
    expect((await rep.client.get(`/api/activities/${a.id}`, EN)).json().subject).toBe(`售后回访 · ${DEAL} (+7 天)`);
    // The migration's backfill, limited to this file's organisation.
    const backfill = readFileSync(new URL('../../db/migrations/0033_generated_subject.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .find((s) => s.includes('UPDATE'))!
      .trim()
      .replace(/;$/, ` AND a."org_id" = '${f.orgId}';`);
    await t.app.db.execute(sql.raw(backfill));
    expect((await rep.client.get(`/api/activities/${a.id}`, EN)).json().subject).toBe(
      `After-sales follow-up · ${DEAL} (+7 days)`,
    );
  });

  it('a deal’s stage names, risks, health parts and criteria are in English', async () => {
    const open = await f.deal(rep.client, { name: DEAL });
    const list = (await rep.client.get('/api/opportunities?limit=100', EN)).json().items;
    for (const d of list) expect(cjkIn(d.stageName), d.stageName).toEqual([]);
    const detail = (await rep.client.get(`/api/opportunities/${open.id}`, EN)).json();
    expect(detail.redFlags.length).toBeGreaterThan(0);
    const texts = [
      detail.stageName,
      ...detail.redFlags.map((r: { message: string }) => r.message),
      ...detail.healthParts.map((p: { message?: string | null }) => p.message ?? ''),
      ...detail.criteria.map((c: { label: string }) => c.label),
      ...detail.stageHistory.flatMap((h: { fromStageName: string | null; toStageName: string }) => [
        h.fromStageName ?? '',
        h.toStageName,
      ]),
    ];
    expect(texts.flatMap((s) => cjkIn(s, [DEAL]))).toEqual([]);
    const won = (await rep.client.get(`/api/opportunities/${dealId}`, EN)).json();
    expect(won.stageHistory.at(-1)?.toStageName ?? won.stageHistory[0].toStageName).toBe('Signed');
  });

  it('the forecast by stage labels its rows in English', async () => {
    const year = new Date().getFullYear();
    const res = await f.admin.get(`/api/forecast?period=${year}&groupBy=stage`, EN);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.length).toBeGreaterThan(0);
    const labels = [...body.rows.map((r: { label: string }) => r.label), body.totals.label];
    expect(labels.flatMap((l) => cjkIn(l))).toEqual([]);
  });
});
