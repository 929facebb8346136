// Issue 23 (3): the morning digest of overdue follow-ups on both databases — from 08:00 in the
// organisation's time zone each robot that takes followups.overdue gets one message listing its team's
// overdue tasks and unlogged past calls; none for a team with none; never twice a day, however many
// ticks or instances offer it; again the next morning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { documentedErrors, fakeDingtalk, fakeWecom, type FakeService } from '../../test/robot-services.ts';
import { addDays, dayStart, localDate } from '../../../core/time.ts';
import type { Robot, RobotList } from '../../../core/schemas/robots.ts';
import type { DeliveryPage } from '../../../core/schemas/webhooks.ts';
import { robotDigest } from './digest.ts';

const ZONE = 'Asia/Shanghai';
const SECRET = `SEC${'cd34'.repeat(16)}`;
const MINUTE = 60_000;

let t: TestApp;
let f: Factories;
let wecom: FakeService;
let dingtalk: FakeService;
const robots: Record<string, Robot> = {};
const today = localDate(new Date(), ZONE);
const at = (date: string, hour: number, minutes = 0) =>
  new Date(dayStart(date, ZONE, hour).getTime() + minutes * MINUTE);

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  [wecom, dingtalk] = await Promise.all([fakeWecom(), fakeDingtalk(SECRET)]);
  expect((await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true })).statusCode).toBe(200);
  const east = await f.team({ name: '华东大区' });
  const eastSub = await f.team({ name: '华东一组', parentId: east.id });
  const west = await f.team({ name: '华西大区' });
  const rep = await f.user({ teamId: eastSub.id, name: '王芳' });
  await f.user({ teamId: west.id, name: '李雷' });

  const account = await f.account(rep.client, { name: '逾期客户医院' });
  const task = (title: string, dueDate: string) =>
    rep.client.post('/api/tasks', { title, dueDate, accountId: account.id });
  expect((await task('提交报价单', addDays(today, -2))).statusCode).toBe(201);
  expect((await task('今天的事', today)).statusCode).toBe(201);
  const done = (await task('已办完', addDays(today, -3))).json<{ id: string; version: number }>();
  await rep.client.patch(`/api/tasks/${done.id}`, { version: done.version, done: true });
  const call = await rep.client.post('/api/activities', {
    type: 'visit',
    subject: '季度回访',
    accountId: account.id,
    plannedStart: at(addDays(today, -1), 10).toISOString(),
    plannedEnd: at(addDays(today, -1), 11).toISOString(),
  });
  expect(call.statusCode, call.body).toBe(201);

  const add = async (key: string, body: Record<string, unknown>) => {
    const res = await f.admin.post('/api/robots', body);
    expect(res.statusCode, res.body).toBe(201);
    robots[key] = res.json<Robot>();
  };
  await add('eastWecom', { teamId: east.id, kind: 'wecom', url: wecom.robotUrl, events: ['followups.overdue'] });
  await add('eastDing', {
    teamId: east.id,
    kind: 'dingtalk',
    url: dingtalk.robotUrl,
    secret: SECRET,
    events: ['deal.won', 'followups.overdue'],
  });
  await add('eastWins', { teamId: east.id, kind: 'wecom', url: wecom.robotUrl, events: ['deal.won'] });
  await add('west', { teamId: west.id, kind: 'wecom', url: wecom.robotUrl, events: ['followups.overdue'] });
});
afterAll(async () => {
  for (const r of (await f.admin.get('/api/robots')).json<RobotList>().items)
    await f.admin.delete(`/api/robots/${r.id}`);
  await Promise.all([wecom, dingtalk].map((s) => s?.close()));
  await t?.close();
});

const deliveries = async (key: string) =>
  (await f.admin.get(`/api/robots/${robots[key].id}/deliveries`)).json<DeliveryPage>().items;

describe('morning digest', () => {
  it('queues one message per subscribed robot from 08:00, only for teams with overdue follow-ups, once a day', async () => {
    const digest = robotDigest(t.database.db, { publicUrl: 'https://crm.example.com' });
    expect(await digest.due(at(today, 7, 59))).toBe(0);
    expect(await digest.due(at(today, 8, 30))).toBe(2);
    // Later ticks, and two instances at once: nothing more today.
    expect(await digest.due(at(today, 8, 40))).toBe(0);
    const other = robotDigest(t.database.db, { publicUrl: 'https://crm.example.com' });
    expect(await Promise.all([digest.due(at(today, 9)), other.due(at(today, 9))])).toEqual([0, 0]);

    expect(await deliveries('eastWecom')).toHaveLength(1);
    expect(await deliveries('eastDing')).toHaveLength(1);
    expect(await deliveries('eastWins')).toEqual([]);
    expect(await deliveries('west')).toEqual([]);

    await t.app.webhooks.tick(at(today, 9));
    expect(wecom.received).toHaveLength(1);
    expect(documentedErrors('wecom', wecom.received[0].body)).toEqual([]);
    const content = JSON.parse(wecom.received[0].body).markdown.content as string;
    for (const part of [
      '逾期跟进提醒',
      '华东大区',
      today,
      '逾期任务：1 项',
      '未记录的拜访：1 项',
      '提交报价单',
      '逾期 2 天',
      '王芳',
      '季度回访',
      'https://crm.example.com/tasks',
    ])
      expect(content).toContain(part);
    expect(content).not.toContain('今天的事');
    expect(content).not.toContain('已办完');
    expect(dingtalk.received).toHaveLength(1);
    expect((await deliveries('eastDing'))[0]).toMatchObject({ status: 'delivered', event: 'followups.overdue' });
  });

  it('comes again the next morning, once across two instances', async () => {
    const tomorrow = addDays(today, 1);
    const [one, two] = [robotDigest(t.database.db, {}), robotDigest(t.database.db, {})];
    const queued = await Promise.all([one.due(at(tomorrow, 8, 5)), two.due(at(tomorrow, 8, 5))]);
    expect(queued[0] + queued[1]).toBe(2);
    expect(await one.due(at(tomorrow, 11, 50))).toBe(0);
    expect(await one.due(at(tomorrow, 12, 10))).toBe(0);
    expect(await deliveries('eastWecom')).toHaveLength(2);
  });
});
