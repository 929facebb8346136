// Issue 23 (2, 8, 9): signed webhooks on both databases — an admin's subscription, the secret shown once;
// an event for each committed change, signed with HMAC-SHA256 over "<t>.<body>"; a receiver that fails
// twice gets the same delivery id a third time after the retry schedule's waits; two instances deliver
// each event once; private addresses refused unless allowed; the log and resend.
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { historyWriter } from '../../kernel/history.ts';
import { newId } from '../../lib/ids.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { startReceiver, type Received, type Receiver } from '../../test/receiver.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';
import type { DeliveryDetail, DeliveryPage, Webhook, WebhookWithSecret } from '../../../core/schemas/webhooks.ts';
import { webhookDispatcher } from './dispatcher.ts';
import { webhookChannel } from './channel.ts';
import { recordReader } from './records.ts';
import { webhooksRepository } from './repository.ts';

let t: TestApp;
let f: Factories;
let rx: Receiver;

beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
  rx = await startReceiver();
  expect((await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true })).statusCode).toBe(200);
});
afterAll(async () => {
  // Paused, so nothing of this file's organisation waits in the worker's database for a later file's tick.
  for (const w of (await f.admin.get('/api/webhooks')).json<{ items: Webhook[] }>().items)
    await f.admin.delete(`/api/webhooks/${w.id}`);
  await rx.close();
  await t?.close();
});
beforeEach(() => {
  rx.received.length = 0;
  rx.answer();
});

async function subscribe(events: string[], extra: Record<string, unknown> = {}): Promise<WebhookWithSecret> {
  const res = await f.admin.post('/api/webhooks', { url: `${rx.url}/hook`, events, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<WebhookWithSecret>();
}
const off = (w: { id: string; version: number }) =>
  f.admin.patch(`/api/webhooks/${w.id}`, { version: w.version, active: false });
const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);
const bodyOf = (r: Received) =>
  JSON.parse(r.body) as {
    event: string;
    record: { id: string; name?: string };
    org: { id: string };
    changes: { field: string }[];
  };

function verify(r: Received, secret: string) {
  const header = String(r.headers['x-openkam-signature']);
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  expect(m, header).not.toBeNull();
  const expected = createHmac('sha256', secret).update(`${m![1]}.${r.body}`).digest('hex');
  expect(m![2]).toBe(expected);
  expect(Math.abs(Date.now() / 1000 - Number(m![1]))).toBeLessThan(300);
}

describe('webhooks', () => {
  it('signs each committed change; the secret is shown once; only the events asked for are sent', async () => {
    const hook = await subscribe(['account.created', 'deal.won']);
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = (await f.admin.get('/api/webhooks')).json<{ items: (Webhook & { secret?: string })[] }>().items;
    expect(listed.find((w) => w.id === hook.id)?.secret).toBeUndefined();

    const account = await f.account(f.admin, { name: '事件测试医院' });
    const deal = await f.deal(f.admin, { accountId: account.id, name: '影像系统' });
    const stages = (await f.admin.get('/api/stages')).json<{ items: { id: string; kind: string }[] }>().items;
    const won = await f.admin.patch(`/api/opportunities/${deal.id}`, {
      version: deal.version,
      stageId: stages.find((s) => s.kind === 'won')?.id,
      confirmUnmetCriteria: true,
    });
    expect(won.statusCode, won.body).toBe(200);
    await t.app.webhooks.tick();

    const mine = rx.received.filter((r) => bodyOf(r).org.id === f.orgId);
    expect(mine.map((r) => r.headers['x-openkam-event']).sort()).toEqual(['account.created', 'deal.won']);
    for (const r of mine) verify(r, hook.secret);
    const created = mine.find((r) => bodyOf(r).record.id === account.id)!;
    expect(bodyOf(created)).toMatchObject({
      event: 'account.created',
      record: { id: account.id, name: '事件测试医院' },
    });
    expect(created.headers['x-openkam-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const win = mine.find((r) => r.headers['x-openkam-event'] === 'deal.won')!;
    expect(bodyOf(win).record.id).toBe(deal.id);
    expect(bodyOf(win).changes.map((c) => c.field)).toContain('status');
    await off({ id: hook.id, version: hook.version });
  });

  it('retries a failing receiver after ~10 s and 1 min with the same delivery id, then logs the success', async () => {
    const hook = await subscribe(['contact.created']);
    rx.answer(500, 503);
    const account = await f.account(f.admin);
    const contact = await f.contact(f.admin, { accountId: account.id, name: '重试联系人' });
    const start = new Date();
    await t.app.webhooks.tick(start);
    const ours = () => rx.received.filter((r) => bodyOf(r).record?.id === contact.id);
    expect(ours()).toHaveLength(1);
    await t.app.webhooks.tick(seconds(start, 5));
    expect(ours()).toHaveLength(1);
    await t.app.webhooks.tick(seconds(start, 11));
    expect(ours()).toHaveLength(2);
    await t.app.webhooks.tick(seconds(start, 11 + 30));
    expect(ours()).toHaveLength(2);
    await t.app.webhooks.tick(seconds(start, 11 + 61));
    expect(ours()).toHaveLength(3);
    expect(new Set(ours().map((r) => r.headers['x-openkam-delivery'])).size).toBe(1);

    const page = (await f.admin.get(`/api/webhooks/${hook.id}/deliveries`)).json<DeliveryPage>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    const detail = (await f.admin.get(`/api/webhook-deliveries/${page.items[0].id}`)).json<DeliveryDetail>();
    expect(detail.attemptLog.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(detail.attemptLog[0].error).toBe('delivery_http_status');

    // Resend: the same id and body again, a fourth attempt in the log.
    const resent = await f.admin.post(`/api/webhook-deliveries/${page.items[0].id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    await t.app.webhooks.tick();
    expect(ours()).toHaveLength(4);
    expect(ours()[3].body).toBe(ours()[0].body);
    expect(ours()[3].headers['x-openkam-delivery']).toBe(ours()[0].headers['x-openkam-delivery']);
    const again = (await f.admin.get(`/api/webhook-deliveries/${page.items[0].id}`)).json<DeliveryDetail>();
    expect(again.attemptLog.map((a) => a.n)).toEqual([1, 2, 3, 4]);
    await off({ id: hook.id, version: hook.version });
  });

  it('marks a delivery failed after the last retry of the schedule (then 24 h of hourly attempts)', async () => {
    const hook = await subscribe(['account.deleted']);
    const account = await f.account(f.admin);
    expect((await f.admin.delete(`/api/accounts/${account.id}`)).statusCode).toBe(204);
    rx.answer(...Array.from({ length: 40 }, () => 500));
    let now = new Date();
    // The first attempt, four quick retries, then 24 hourly ones: 29 in all, then failed for good.
    for (let i = 0; i < 30; i++) {
      await t.app.webhooks.tick(now);
      now = seconds(now, 3601);
    }
    const [d] = (await f.admin.get(`/api/webhooks/${hook.id}/deliveries`)).json<DeliveryPage>().items;
    expect(d).toMatchObject({ status: 'failed', attempts: 29, nextAttemptAt: null, event: 'account.deleted' });
    await off({ id: hook.id, version: hook.version });
  });

  it('two instances ticking together deliver each event once', async () => {
    const hook = await subscribe(['account.created']);
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => f.account(f.admin, { name: `并发医院${i}` })));
    const opts = {
      channels: { webhook: webhookChannel },
      records: recordReader(t.app.imports, { maxMb: 10, maxRows: 1000 }),
    };
    const one = webhookDispatcher(t.database.db, opts);
    const two = webhookDispatcher(t.database.db, opts);
    await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
    const ids = rx.received.map((r) => bodyOf(r).record?.id).filter((id) => made.some((a) => a.id === id));
    expect(ids.sort()).toEqual(made.map((a) => a.id).sort());
    await off({ id: hook.id, version: hook.version });
  });

  it('takes over the events of an instance that stopped after claiming them, once its claim lapses', async () => {
    const hook = await subscribe(['account.created']);
    try {
      const account = await f.account(f.admin, { name: '接管医院' });
      const now = new Date();
      // An instance claims the outbox and dies before turning it into deliveries.
      await webhooksRepository(t.database.db).claimOutbox('gone-instance', now, seconds(now, 60), 1000);
      await t.app.webhooks.tick(seconds(now, 30));
      const ours = () => rx.received.filter((r) => bodyOf(r).record?.id === account.id);
      expect(ours()).toHaveLength(0);
      await t.app.webhooks.tick(seconds(now, 61));
      expect(ours()).toHaveLength(1);
    } finally {
      await off({ id: hook.id, version: hook.version });
    }
  });

  it('refuses bad URLs with a 400 naming the field, and private addresses unless allowed', async () => {
    const post = (url: string) => f.admin.post('/api/webhooks', { url, events: ['*'] });
    for (const [url, code] of [
      ['ftp://example.com/x', 'webhook_url_scheme'],
      ['not a url', 'webhook_url_invalid'],
    ] as const) {
      const res = await post(url);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().fields).toEqual([expect.objectContaining({ path: 'url', code })]);
    }
    const events = await f.admin.post('/api/webhooks', { url: `${rx.url}/x`, events: ['deal.exploded'] });
    expect(events.statusCode).toBe(400);
    expect(events.body).toContain('events');

    await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: false });
    try {
      for (const url of [`${rx.url}/x`, 'http://10.1.2.3/x', 'http://[::1]/x', 'http://192.168.1.1/x']) {
        const res = await post(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json<ErrorBody>().fields).toEqual([
          expect.objectContaining({ path: 'url', code: 'webhook_url_private', message: expect.any(String) }),
        ]);
      }
    } finally {
      await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true });
    }
  });

  it('does not send to a private address when the setting changes after the URL was saved', async () => {
    const hook = await subscribe(['account.created']);
    await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: false });
    try {
      await f.account(f.admin);
      await t.app.webhooks.tick();
      expect(rx.received).toHaveLength(0);
      const [d] = (await f.admin.get(`/api/webhooks/${hook.id}/deliveries`)).json<DeliveryPage>().items;
      expect(d).toMatchObject({ status: 'pending', lastError: 'delivery_blocked_address', attempts: 1 });
    } finally {
      await f.admin.put('/api/settings/outbound', { allowPrivateNetworks: true });
      await off({ id: hook.id, version: hook.version });
    }
  });

  it('is an admin’s: others get 403, and the change is in the audit log without the secret', async () => {
    const rep = await f.user({ role: 'rep' });
    expect((await rep.client.get('/api/webhooks')).statusCode).toBe(403);
    expect((await rep.client.post('/api/webhooks', { url: `${rx.url}/x`, events: ['*'] })).statusCode).toBe(403);
    const hook = await subscribe(['*'], { secret: 'my-very-own-secret-123', active: false, name: 'BI 推送' });
    const audit = (await f.admin.get('/api/audit?entity=webhook')).json<{
      items: { entityId: string; changes: unknown }[];
    }>();
    const entry = audit.items.find((i) => i.entityId === hook.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain('my-very-own-secret-123');
  });

  it('copies history to the outbox only for organisations with an active target, and never while a restore replays it', async () => {
    const outboxed = async (entityId: string) =>
      (
        await rowsOf<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from event_outbox where entity_id = ${entityId}`,
        )
      )[0].n;
    const quiet = newId();
    await historyWriter(t.database.db).record(f.orgId, 'account', quiet, 'create', null);
    expect(await outboxed(quiet)).toBe(0);

    const hook = await subscribe(['account.created']);
    try {
      const replayed = newId();
      await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('okam.replay', 'on', true)`);
        await historyWriter(tx).record(f.orgId, 'account', replayed, 'create', null);
      });
      expect(await outboxed(replayed)).toBe(0);
      const live = newId();
      await historyWriter(t.database.db).record(f.orgId, 'account', live, 'create', null);
      expect(await outboxed(live)).toBe(1);
      await t.app.webhooks.tick();
      expect(await outboxed(live)).toBe(0);
      // Gone before it was sent: the event still goes, with its id and no record.
      const sent = rx.received.map((r) => JSON.parse(r.body) as { entity: { id: string }; record: unknown });
      expect(sent.find((b) => b.entity.id === live)).toMatchObject({ record: null });
    } finally {
      await off({ id: hook.id, version: hook.version });
    }
  });
});
