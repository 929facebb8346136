import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { TIME_LIMIT } from '../../../core/schemas/activities.ts';

let t: TestApp;
let f: Factories;
let u1: Awaited<ReturnType<Factories['user']>>;
let u2: Awaited<ReturnType<Factories['user']>>;
let tierA: { id: string; name: string };
let untiered: { id: string; name: string };

const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  u1 = await f.user({ name: '甲' });
  u2 = await f.user({ name: '乙' });
  tierA = await f.account(u1.client, { name: '甲级客户', tier: 'A' });
  untiered = await f.account(u2.client, { name: '未分级客户' });
  const log = async (
    ownerId: string,
    accountId: string,
    start: string,
    end: string,
    status: 'done' | 'planned' = 'done',
  ) => {
    const res = await f.admin.post('/api/activities', {
      type: 'visit',
      subject: '拜访',
      ownerId,
      accountId,
      plannedStart: start,
      plannedEnd: end,
      status,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await log(u1.id, tierA.id, at('2025-01-10', '09:00'), at('2025-01-10', '10:30')); // 90
  await log(u1.id, untiered.id, at('2025-01-11', '14:00'), at('2025-01-11', '14:45')); // 45
  await log(u2.id, tierA.id, at('2025-01-12', '09:00'), at('2025-01-12', '10:00')); // 60
  await log(u2.id, untiered.id, at('2025-01-15', '23:30'), at('2025-01-16', '00:10')); // 40: starts on the last day
  await log(u1.id, tierA.id, at('2025-01-13', '09:00'), at('2025-01-13', '11:00'), 'planned'); // not done
  await log(u1.id, tierA.id, at('2025-01-09', '23:50'), at('2025-01-10', '00:20')); // starts the day before
  await log(u2.id, tierA.id, at('2025-01-16', '00:00'), at('2025-01-16', '01:00')); // starts the day after
});
afterAll(() => t.close());

const range = 'from=2025-01-10&to=2025-01-15';

describe('time spent', () => {
  it('sums done minutes per account, owner and tier over Shanghai days', async () => {
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=account`)).json()).toEqual({
      items: [
        { key: tierA.id, label: '甲级客户', minutes: 150 },
        { key: untiered.id, label: '未分级客户', minutes: 85 },
      ],
      totalMinutes: 235,
      truncated: false,
    });
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=owner`)).json().items).toEqual([
      { key: u1.id, label: '甲', minutes: 135 },
      { key: u2.id, label: '乙', minutes: 100 },
    ]);
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=tier`)).json().items).toEqual([
      { key: 'A', label: 'A', minutes: 150 },
      { key: 'none', label: '未分级', minutes: 85 },
    ]);
    const en = await f.admin.get(`/api/analysis/time?${range}&groupBy=tier`, { 'accept-language': 'en' });
    expect(en.json().items[1]).toEqual({ key: 'none', label: 'Untiered', minutes: 85 });
  });

  it("stays within the caller's scope", async () => {
    // u1 sees their own calls and every call on their own account, not u2's calls elsewhere.
    expect((await u1.client.get(`/api/analysis/time?${range}&groupBy=owner`)).json()).toEqual({
      items: [
        { key: u1.id, label: '甲', minutes: 135 },
        { key: u2.id, label: '乙', minutes: 60 },
      ],
      totalMinutes: 195,
      truncated: false,
    });
  });

  it('lists at most `limit` groups, those with the most minutes, and totals them all', async () => {
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=account&limit=1`)).json()).toEqual({
      items: [{ key: tierA.id, label: '甲级客户', minutes: 150 }],
      totalMinutes: 235,
      truncated: true,
    });
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=owner&limit=2`)).json()).toMatchObject({
      totalMinutes: 235,
      truncated: false,
    });
    expect((await f.admin.get('/api/analysis/time?from=2020-01-01&to=2020-01-31&groupBy=owner')).json()).toEqual({
      items: [],
      totalMinutes: 0,
      truncated: false,
    });
    const over = await f.admin.get(`/api/analysis/time?${range}&groupBy=account&limit=${TIME_LIMIT + 1}`);
    expect(over.json().fields[0]).toMatchObject({ path: 'query.limit', code: 'maximum' });
  });

  it('refuses a bad period or grouping', async () => {
    const res = await f.admin.get('/api/analysis/time?from=2025-01-15&to=2025-01-10&groupBy=owner');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'query.to', code: 'end_before_start' });
    expect((await f.admin.get(`/api/analysis/time?${range}&groupBy=team`)).json().fields[0].path).toBe('query.groupBy');
    expect(
      (await f.admin.get('/api/analysis/time?from=2025-1-10&to=2025-01-15&groupBy=owner')).json().fields[0].path,
    ).toBe('query.from');
  });
});
