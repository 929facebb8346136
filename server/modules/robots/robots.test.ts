// Issue 23 (3, 8, 9): a team's group robots on both databases — an admin adds a 企业微信 / 钉钉 / 飞书 robot
// for a team; the team's wins (its sub-teams' too) reach it, another team's do not; a slip only at a key
// account; a call logged with "next meeting proposed"; each request signed as the service checks it, on
// loopback fakes of the three services; a wrong secret shows in the delivery log as such; bad input 400s
// naming the field; others get 403; changes in the audit log without the secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { documentedErrors, fakeDingtalk, fakeFeishu, fakeWecom, type FakeService } from '../../test/robot-services.ts';
import { messagePair } from '../../../core/messages.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import type { Robot, RobotList } from '../../../core/schemas/robots.ts';
import type { DeliveryDetail, DeliveryPage } from '../../../core/schemas/webhooks.ts';
import type { Activity } from '../../../core/schemas/activities.ts';

const PUBLIC = 'https://crm.example.com';
const SECRET = `SEC${'ab12'.repeat(16)}`;

let t: TestApp;
let f: Factories;
let wecom: FakeService;
let dingtalk: FakeService;
let feishu: FakeService;
let east: { id: string };
let eastSub: { id: string };
let west: { id: string };
let eastRep: Awaited<ReturnType<Factories['user']>>;
let westRep: Awaited<ReturnType<Factories['user']>>;

beforeAll(async () => {
  t = await build({ publicUrl: PUBLIC });
  f = await seedOrg(t.app);
  [wecom, dingtalk, feishu] = await Promise.all([fakeWecom(), fakeDingtalk(SECRET), fakeFeishu('feishu-secret')]);
  expect((await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true })).statusCode).toBe(200);
  east = await f.team({ name: '华东大区' });
  eastSub = await f.team({ name: '华东一组', parentId: east.id });
  west = await f.team({ name: '华西大区' });
  eastRep = await f.user({ teamId: eastSub.id, name: '王芳' });
  westRep = await f.user({ teamId: west.id, name: '李雷' });
});
afterAll(async () => {
  // Gone, so nothing of this file's organisation waits in the worker's database for a later file's tick.
  for (const r of (await f.admin.get('/api/robots')).json<RobotList>().items)
    await f.admin.delete(`/api/robots/${r.id}`);
  await Promise.all([wecom, dingtalk, feishu].map((s) => s?.close()));
  await t?.close();
});
beforeEach(() => {
  for (const s of [wecom, dingtalk, feishu]) s.received.length = 0;
});

async function addRobot(input: Record<string, unknown>): Promise<Robot> {
  const res = await f.admin.post('/api/robots', { teamId: east.id, ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Robot>();
}
const pause = async (r: Robot) => {
  const fresh = (await f.admin.get(`/api/robots/${r.id}`)).json<Robot>();
  await f.admin.patch(`/api/robots/${r.id}`, { version: fresh.version, active: false });
};
const lastDelivery = async (r: Robot) =>
  (await f.admin.get(`/api/robots/${r.id}/deliveries`)).json<DeliveryPage>().items[0];
const detail = async (id: string) => (await f.admin.get(`/api/webhook-deliveries/${id}`)).json<DeliveryDetail>();

async function win(client: Factories['admin'], deal: { id: string; version: number }) {
  const stages = (await client.get('/api/stages')).json<{ items: { id: string; kind: string }[] }>().items;
  const res = await client.patch(`/api/opportunities/${deal.id}`, {
    version: deal.version,
    stageId: stages.find((s) => s.kind === 'won')?.id,
    confirmUnmetCriteria: true,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('group robots', () => {
  it('posts a win of the team or a team below it to its 企业微信 group, in the documented format; not another team’s', async () => {
    const robot = await addRobot({ kind: 'wecom', url: wecom.robotUrl, events: ['deal.won'] });
    const ours = await f.deal(eastRep.client, { name: '影像系统二期', amount: '1255000' });
    const theirs = await f.deal(westRep.client, { name: '西区网络改造', amount: '300000' });
    await win(eastRep.client, ours);
    await win(westRep.client, theirs);
    await t.app.webhooks.tick();

    expect(wecom.received).toHaveLength(1);
    const [posted] = wecom.received;
    expect(documentedErrors('wecom', posted.body)).toEqual([]);
    const content = JSON.parse(posted.body).markdown.content as string;
    for (const part of ['赢单', ours.accountName, '影像系统二期', '¥125.5万', '王芳', '来自 OpenKAM'])
      expect(content).toContain(part);
    expect(content).toContain(`(${PUBLIC}/opportunities/${ours.id})`);
    expect(content).not.toContain('西区网络改造');
    expect(await lastDelivery(robot)).toMatchObject({ status: 'delivered', event: 'deal.won', entityId: ours.id });
    await pause(robot);
  });

  it('signs 钉钉 messages with the 加签 secret per attempt; a wrong secret is logged as a signature mismatch', async () => {
    const good = await addRobot({ kind: 'dingtalk', url: dingtalk.robotUrl, secret: SECRET, events: ['deal.won'] });
    const bad = await addRobot({
      kind: 'dingtalk',
      url: dingtalk.robotUrl,
      secret: `SEC${'ff'.repeat(32)}`,
      events: ['deal.lost'],
    });
    expect(good.secretSet).toBe(true);
    expect(JSON.stringify(good)).not.toContain(SECRET);

    expect((await f.admin.post(`/api/robots/${good.id}/test`)).statusCode).toBe(202);
    const sent = await f.admin.post(`/api/robots/${bad.id}/test`);
    expect(sent.statusCode, sent.body).toBe(202);
    await t.app.webhooks.tick();

    expect(dingtalk.received).toHaveLength(2);
    for (const r of dingtalk.received) {
      expect(documentedErrors('dingtalk', r.body)).toEqual([]);
      const q = new URL(r.path, 'http://x').searchParams;
      expect(q.get('timestamp')).toMatch(/^\d{13}$/);
      expect(q.get('sign')).toBeTruthy();
    }
    expect(await lastDelivery(good)).toMatchObject({ status: 'delivered', event: 'robot.test', lastError: null });
    const failed = await lastDelivery(bad);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'robot_sign_mismatch' });
    expect(messagePair('robot_sign_mismatch').zh).toContain('签名不匹配');
    expect(messagePair('robot_sign_mismatch').en).toContain('signature does not match');
    const log = await detail(failed.id);
    expect(log.attemptLog[0]).toMatchObject({ statusCode: 200, error: 'robot_sign_mismatch' });
    expect(log.attemptLog[0].response).toContain('310000');

    // Fixed in place: the retry signs again with the new secret and gets through.
    const fresh = (await f.admin.get(`/api/robots/${bad.id}`)).json<Robot>();
    expect((await f.admin.patch(`/api/robots/${bad.id}`, { version: fresh.version, secret: SECRET })).statusCode).toBe(
      200,
    );
    await t.app.webhooks.tick(new Date(Date.now() + 11_000));
    expect(await lastDelivery(bad)).toMatchObject({ status: 'delivered', attempts: 2 });
    await pause(good);
    await pause(bad);
  });

  it('signs 飞书 cards in the body per attempt; a wrong secret is logged as a signature mismatch', async () => {
    const good = await addRobot({
      kind: 'feishu',
      url: feishu.robotUrl,
      secret: 'feishu-secret',
      events: ['deal.won'],
    });
    const bad = await addRobot({
      kind: 'feishu',
      url: feishu.robotUrl,
      secret: 'not-the-secret',
      events: ['deal.won'],
    });
    await f.admin.post(`/api/robots/${good.id}/test`);
    await f.admin.post(`/api/robots/${bad.id}/test`);
    await t.app.webhooks.tick();
    expect(feishu.received).toHaveLength(2);
    for (const r of feishu.received) {
      expect(documentedErrors('feishu', r.body)).toEqual([]);
      expect(JSON.parse(r.body)).toMatchObject({
        timestamp: expect.stringMatching(/^\d{10}$/),
        sign: expect.any(String),
      });
    }
    expect(await lastDelivery(good)).toMatchObject({ status: 'delivered' });
    expect(await lastDelivery(bad)).toMatchObject({ status: 'pending', lastError: 'robot_sign_mismatch' });
    // The stored body is the card without a signature: each attempt signs its own.
    expect(JSON.parse((await detail((await lastDelivery(bad)).id)).body ?? '{}')).not.toHaveProperty('sign');
    await pause(good);
    await pause(bad);
  });

  it('posts a slipped deal only at a key account (tier A)', async () => {
    const robot = await addRobot({
      kind: 'feishu',
      url: feishu.robotUrl,
      secret: 'feishu-secret',
      events: ['deal.slipped'],
    });
    const key = await f.account(eastRep.client, { name: '重点客户医院', tier: 'A' });
    const other = await f.account(eastRep.client, { name: '普通客户医院', tier: 'B' });
    for (const account of [key, other]) {
      const deal = await f.deal(eastRep.client, { accountId: account.id, expectedCloseDate: '2030-03-31' });
      const res = await eastRep.client.patch(`/api/opportunities/${deal.id}`, {
        version: deal.version,
        expectedCloseDate: '2030-06-30',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await t.app.webhooks.tick();
    expect(feishu.received).toHaveLength(1);
    const text = JSON.stringify(JSON.parse(feishu.received[0].body).card);
    expect(text).toContain('重点客户医院');
    expect(text).toContain('2030-03-31 → 2030-06-30');
    expect(text).not.toContain('普通客户医院');
    await pause(robot);
  });

  it('posts a call logged with “next meeting proposed”, not one logged without', async () => {
    const robot = await addRobot({ kind: 'wecom', url: wecom.robotUrl, events: ['activity.next_meeting'] });
    const account = await f.account(eastRep.client, { name: '约见客户医院' });
    for (const [subject, proposed] of [
      ['拜访张局长', true],
      ['电话回访', false],
    ] as const) {
      const call = (
        await eastRep.client.post('/api/activities', {
          type: 'visit',
          subject,
          accountId: account.id,
          plannedStart: '2025-03-04T01:30:00.000Z',
          plannedEnd: '2025-03-04T03:00:00.000Z',
        })
      ).json<Activity>();
      const done = await eastRep.client.post(`/api/activities/${call.id}/complete`, {
        version: call.version,
        outcome: '客户认可方案',
        nextMeetingProposed: proposed,
        nextSteps: '下周一前提交报价单',
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    await t.app.webhooks.tick();
    expect(wecom.received).toHaveLength(1);
    const content = JSON.parse(wecom.received[0].body).markdown.content as string;
    for (const part of ['约定下次会面', '约见客户医院', '拜访 · 拜访张局长', '2025-03-04 09:30', '下周一前提交报价单'])
      expect(content).toContain(part);
    expect(content).toContain(`${PUBLIC}/activities/`);
    await pause(robot);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const post = (body: Record<string, unknown>) =>
      f.admin.post('/api/robots', {
        teamId: east.id,
        kind: 'wecom',
        url: wecom.robotUrl,
        events: ['deal.won'],
        ...body,
      });
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId', 'unknown_team'],
      [{ kind: 'slack' }, 'kind'],
      [{ events: ['deal.created'] }, 'events'],
      [{ events: [] }, 'events'],
      [{ url: 'ftp://example.com/x' }, 'url', 'webhook_url_scheme'],
      [{ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' }, 'url', 'robot_url_kind'],
      [{ url: 'https://oapi.dingtalk.com/robot/send?access_token=x' }, 'url', 'robot_url_kind'],
      [{ secret: 'SECabc' }, 'secret', 'robot_secret_unused'],
      [{ kind: 'dingtalk', url: dingtalk.robotUrl, secret: 'abc' }, 'secret', 'robot_secret_format'],
    ];
    for (const [body, path, code] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const fields = res.json<ErrorBody>().fields ?? [];
      expect(
        fields.some((x) => x.path.startsWith(path)),
        res.body,
      ).toBe(true);
      if (code) expect(fields.find((x) => x.path === path)?.code).toBe(code);
      expect(fields[0]?.message).toBeTruthy();
    }
  });

  it('is an admin’s: others get 403; changes are in the audit log without the secret', async () => {
    const manager = await f.user({ role: 'manager', teamId: east.id });
    expect((await manager.client.get('/api/robots')).statusCode).toBe(403);
    expect(
      (
        await eastRep.client.post('/api/robots', {
          teamId: east.id,
          kind: 'wecom',
          url: wecom.robotUrl,
          events: ['deal.won'],
        })
      ).statusCode,
    ).toBe(403);
    const robot = await addRobot({
      kind: 'dingtalk',
      url: dingtalk.robotUrl,
      secret: SECRET,
      events: ['deal.won'],
      active: false,
    });
    expect((await manager.client.post(`/api/robots/${robot.id}/test`)).statusCode).toBe(403);
    const listed = (await f.admin.get(`/api/robots?teamId=${east.id}`)).json<RobotList>();
    expect(listed.publicUrl).toBe(PUBLIC);
    expect(listed.items.find((r) => r.id === robot.id)).toMatchObject({ teamName: '华东大区', secretSet: true });
    expect((await f.admin.get(`/api/robots?teamId=${west.id}`)).json<RobotList>().items).toEqual([]);
    const changed = await f.admin.patch(`/api/robots/${robot.id}`, {
      version: robot.version,
      secret: null,
      teamId: west.id,
    });
    expect(changed.json<Robot>()).toMatchObject({ secretSet: false, teamName: '华西大区' });

    const audit = (await f.admin.get('/api/audit?entity=robot')).json<{
      items: { entityId: string; entityName: string | null; action: string; changes: { field: string }[] }[];
    }>();
    const mine = audit.items.filter((i) => i.entityId === robot.id);
    expect(mine[0]?.entityName).toBe(robot.name);
    expect(mine.map((i) => i.action).sort()).toEqual(['create', 'update']);
    expect(
      mine
        .find((i) => i.action === 'update')
        ?.changes.map((c) => c.field)
        .sort(),
    ).toEqual(['secret', 'teamId']);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });
});
