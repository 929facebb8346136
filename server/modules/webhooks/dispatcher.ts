// Turns outbox rows into deliveries and sends the due ones (docs/decisions/0017-events-from-history.md).
// Every instance runs it every two seconds; the row locks and leases in the repository make each outbox
// row expanded once and each delivery sent by one instance at a time, so N instances deliver once.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { orgSettings } from '../../kernel/settings.ts';
import { eventsOf, nextAttemptDelay, wants } from '../../../core/events.ts';
import {
  webhooksRepository,
  type ClaimedDelivery,
  type NewDelivery,
  type OutboxClaim,
  type WebhookRow,
} from './repository.ts';
import type { Channel, EventContext, Target } from './channel.ts';
import type { RecordReader } from './records.ts';
import { send } from './sender.ts';

const OUTBOX_BATCH = 100;
/** Outbox batches per tick: a burst (an import) is worked through over ticks, leaving the database to others between. */
const OUTBOX_BATCHES_PER_TICK = 10;
const SEND_BATCH = 50;
/** Outbox rows whose records are read at the same time. */
const READS_AT_ONCE = 4;
/** Longer than one attempt's 10-second limit: a lease outlives the send it covers. */
const LEASE_MS = 60_000;

export interface DispatcherOptions {
  channels: Record<string, Channel>;
  records: RecordReader;
  log?: FastifyBaseLogger;
  pollMs?: number;
}

export type Dispatcher = ReturnType<typeof webhookDispatcher>;

export function webhookDispatcher(db: Db, opts: DispatcherOptions) {
  const owner = randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  /** The deliveries one outbox row makes: one per event it is and target that takes it (its record read once). */
  async function deliveriesOf(
    row: OutboxClaim,
    { targets, names, now }: { targets: WebhookRow[]; names: Map<string, string>; now: Date },
  ): Promise<(NewDelivery & { seq: number })[]> {
    const out: (NewDelivery & { seq: number })[] = [];
    const changes = row.changes ?? [];
    let record: Record<string, unknown> | null | undefined;
    for (const event of eventsOf({ entityType: row.entity_type, action: row.action, changes })) {
      const mine = targets.filter(
        (t) => t.orgId === row.org_id && wants(t.events, event) && opts.channels[t.kind]?.takes(event),
      );
      if (!mine.length) continue;
      record ??= await opts.records(db, row.org_id, row.entity_type, row.entity_id, row.actor_id);
      const ctx: EventContext = {
        event,
        occurredAt: new Date(row.at),
        org: { id: row.org_id, name: names.get(row.org_id) ?? '' },
        entity: { type: row.entity_type, id: row.entity_id },
        actorId: row.actor_id,
        record,
        changes,
      };
      for (const target of mine) {
        const body = await channelOf(target).render(db, target, ctx);
        if (body === null) continue;
        out.push({
          seq: Number(row.seq),
          orgId: row.org_id,
          id: newId(),
          webhookId: target.id,
          event,
          entityType: row.entity_type,
          entityId: row.entity_id,
          actorId: row.actor_id,
          changes,
          occurredAt: ctx.occurredAt,
          body,
          nextAttemptAt: now,
        });
      }
    }
    return out;
  }

  /**
   * One batch of the outbox into deliveries. The rows are claimed, their records read and rendered outside
   * any transaction (on PGlite a transaction holds the one connection every request needs); then one short
   * transaction deletes the rows this dispatcher still holds and inserts their deliveries together.
   */
  async function expandBatch(now: Date): Promise<number> {
    const repo = webhooksRepository(db);
    const rows = await repo.claimOutbox(owner, now, new Date(now.getTime() + LEASE_MS), OUTBOX_BATCH);
    if (!rows.length) return 0;
    const orgIds = [...new Set(rows.map((r) => r.org_id))];
    const targets = await repo.activeTargets(orgIds);
    const names = new Map((await repo.orgNames(orgIds)).map((o) => [o.id, o.name]));
    const ctxOf = { targets, names, now };
    // A few rows' records are read at once: on PostgreSQL each read is a round trip of its own.
    const out: (NewDelivery & { seq: number })[] = [];
    for (let k = 0; k < rows.length; k += READS_AT_ONCE)
      for (const part of await Promise.all(rows.slice(k, k + READS_AT_ONCE).map((row) => deliveriesOf(row, ctxOf))))
        out.push(...part);
    await db.transaction(async (tx) => {
      const held = await webhooksRepository(tx).releaseClaimed(
        owner,
        rows.map((r) => Number(r.seq)),
      );
      await webhooksRepository(tx).insertDeliveries(out.filter((d) => held.has(d.seq)).map(({ seq: _, ...d }) => d));
    });
    return rows.length;
  }

  function channelOf(target: Target): Channel {
    const channel = opts.channels[target.kind];
    if (!channel) throw new Error(`no channel for ${target.kind}`);
    return channel;
  }

  async function attempt(d: ClaimedDelivery, target: WebhookRow | undefined, allowPrivate: boolean, now: Date) {
    const repo = webhooksRepository(db);
    const attempts = d.attempts + 1;
    if (!target?.active || d.body === null) {
      await repo.finishAttempt(
        owner,
        d,
        { orgId: d.orgId, deliveryId: d.id, durationMs: 0, error: 'delivery_inactive' },
        { status: 'failed', attempts, lastError: 'delivery_inactive', lastStatusCode: null },
      );
      return;
    }
    const channel = channelOf(target);
    const prepared = channel.prepare(target, { id: d.id, event: d.event, body: d.body }, new Date());
    const res = await send({ ...prepared, body: prepared.body ?? d.body, allowPrivate });
    const error =
      res.failure ?? (res.statusCode === null ? 'delivery_network' : channel.judge(res.statusCode, res.response ?? ''));
    const delay = error ? nextAttemptDelay(attempts) : null;
    await repo.finishAttempt(
      owner,
      d,
      {
        orgId: d.orgId,
        deliveryId: d.id,
        statusCode: res.statusCode,
        durationMs: res.durationMs,
        error: error && res.detail ? `${error}: ${res.detail}` : error,
        response: res.response,
      },
      error
        ? {
            status: delay === null ? 'failed' : 'pending',
            attempts,
            nextAttemptAt: new Date(now.getTime() + (delay ?? 0)),
            lastStatusCode: res.statusCode,
            lastError: error,
          }
        : { status: 'delivered', attempts, deliveredAt: new Date(), lastStatusCode: res.statusCode, lastError: null },
    );
  }

  /** Sends the deliveries due at `now` (claimed, so another instance skips them). */
  async function sendDue(now: Date): Promise<number> {
    const repo = webhooksRepository(db);
    const claimed = await repo.claimDue(owner, now, new Date(now.getTime() + LEASE_MS), SEND_BATCH);
    if (!claimed.length) return 0;
    const targets = new Map<string, WebhookRow | undefined>();
    const allowPrivate = new Map<string, boolean>();
    for (const c of claimed) {
      if (!targets.has(c.webhook_id)) targets.set(c.webhook_id, await repo.get(c.org_id, c.webhook_id));
      if (!allowPrivate.has(c.org_id))
        allowPrivate.set(c.org_id, (await orgSettings(db, c.org_id)).outbound.allowPrivateNetworks);
    }
    await Promise.all(
      claimed.map((c) =>
        attempt(
          { orgId: c.org_id, id: c.id, webhookId: c.webhook_id, event: c.event, body: c.body, attempts: c.attempts },
          targets.get(c.webhook_id),
          allowPrivate.get(c.org_id) ?? false,
          now,
        ).catch((e: unknown) => opts.log?.error({ err: e, delivery: c.id }, 'webhook delivery failed to record')),
      ),
    );
    return claimed.length;
  }

  /** One pass: the outbox into deliveries, then what is due. `now` decides what is due (tests move it). */
  async function tick(now = new Date()): Promise<{ expanded: number; sent: number }> {
    let expanded = 0;
    for (let i = 0; i < OUTBOX_BATCHES_PER_TICK; i++) {
      const n = await expandBatch(now);
      expanded += n;
      if (n < OUTBOX_BATCH) break;
    }
    let sent = 0;
    for (let n = await sendDue(now); n > 0; n = n === SEND_BATCH ? await sendDue(now) : 0) sent += n;
    return { expanded, sent };
  }

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .catch((e: unknown) => opts.log?.warn({ err: e }, 'webhook dispatcher tick failed'))
          .finally(() => (running = null));
      }, opts.pollMs ?? 2000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's webhook and robot sender (started by main.ts; tests call `tick`). */
    webhooks: Dispatcher;
  }
}
