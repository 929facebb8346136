// Webhook subscriptions (issue 23, item 2), an admin's: where the organisation's events are posted, with
// which secret they are signed; the delivery log and a resend; the outbound setting (private networks).
// Changes are written to the history, so the audit log shows who pointed the data where.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { historyWriter } from '../../kernel/history.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import type {
  Delivery,
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  OutboundSettings,
  Webhook,
  WebhookCreate,
  WebhookUpdate,
  WebhookWithSecret,
} from '../../../core/schemas/webhooks.ts';
import { addressesOf, isPrivateAddress, parseTargetUrl } from './net.ts';
import { webhooksRepository, type DeliveryRow, type NewDelivery, type WebhookRow } from './repository.ts';

const KIND = 'webhook';
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

type Recent = Webhook['recent'];
const NO_RECENT: Recent = { delivered: 0, pending: 0, failed: 0 };

const present = (row: WebhookRow, recent: Recent = NO_RECENT): Webhook => ({
  id: row.id,
  name: row.name,
  url: row.url,
  events: row.events,
  active: row.active,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  recent,
});

export const presentDelivery = (d: DeliveryRow): Delivery => ({
  id: d.id,
  webhookId: d.webhookId,
  event: d.event,
  entityType: d.entityType,
  entityId: d.entityId,
  status: d.status as Delivery['status'],
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
});

/** What the history keeps of a subscription: never its secret, only that it changed. */
const logged = (w: Partial<WebhookRow>) => ({ name: w.name, url: w.url, events: w.events, active: w.active });

/**
 * Refuses a URL that is not http(s) or, unless the organisation allows private networks, one whose host
 * resolves into a private range (sending checks again: a name can be re-pointed after it is saved).
 * Shared with the group robots (server/modules/robots), whose URLs are outbound too.
 */
export async function checkTargetUrl(db: Db, orgId: string, text: string, path = 'url'): Promise<string> {
  const url = parseTargetUrl(text);
  if (typeof url === 'string') throw fieldError(path, url);
  if ((await orgSettings(db, orgId)).outbound.allowPrivateNetworks) return url.toString();
  let addresses: string[];
  try {
    addresses = await addressesOf(url);
  } catch {
    throw fieldError(path, 'webhook_url_unresolved');
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) throw fieldError(path, 'webhook_url_private');
  return url.toString();
}

/** Each target's deliveries of the last 24 hours by outcome (the lists' figures). */
async function recentByTarget(db: Db, orgId: string, now = new Date()): Promise<Map<string, Recent>> {
  const recent = new Map<string, Recent>();
  for (const c of await webhooksRepository(db).recentCounts(orgId, now)) {
    const r = recent.get(c.webhook_id) ?? { ...NO_RECENT };
    if (c.status === 'delivered' || c.status === 'pending' || c.status === 'failed') r[c.status] = c.n;
    recent.set(c.webhook_id, r);
  }
  return recent;
}

export function webhooksService(db: Db) {
  const repo = webhooksRepository(db);

  async function mine(actor: Actor, id: string, kind: string | null = KIND): Promise<WebhookRow> {
    const row = await repo.get(actor.orgId, id);
    if (!row || (kind && row.kind !== kind)) throw notFound();
    return row;
  }

  /** A delivery of any target in the organisation (a webhook's or a robot's: both are an admin's). */
  async function delivery(actor: Actor, id: string): Promise<DeliveryRow> {
    assertCan(actor, 'read', 'webhook');
    const d = await repo.delivery(actor.orgId, id);
    if (!d) throw notFound();
    return d;
  }

  return {
    async list(actor: Actor): Promise<{ items: Webhook[] }> {
      assertCan(actor, 'read', 'webhook');
      const [rows, recent] = await Promise.all([repo.list(actor.orgId, [KIND]), recentByTarget(db, actor.orgId)]);
      return { items: rows.map((r) => present(r, recent.get(r.id))) };
    },

    async get(actor: Actor, id: string): Promise<Webhook> {
      assertCan(actor, 'read', 'webhook');
      return present(await mine(actor, id));
    },

    async create(actor: Actor, input: WebhookCreate): Promise<WebhookWithSecret> {
      assertCan(actor, 'create', 'webhook');
      const url = await checkTargetUrl(db, actor.orgId, input.url);
      const secret = input.secret ?? newSecret();
      const id = newId();
      const row = {
        orgId: actor.orgId,
        id,
        kind: KIND,
        name: input.name?.trim() || new URL(url).host,
        url,
        events: input.events,
        secret,
        active: input.active ?? true,
        createdBy: actor.userId,
      };
      await db.transaction(async (tx) => {
        await webhooksRepository(tx).insert(row);
        await historyWriter(tx).record(actor.orgId, 'webhook', id, 'create', actor.userId, initialFields(logged(row)));
      });
      return { ...present(await mine(actor, id)), secret };
    },

    async update(actor: Actor, id: string, input: WebhookUpdate): Promise<Webhook> {
      assertCan(actor, 'update', 'webhook');
      const current = await mine(actor, id);
      const patch: Partial<WebhookRow> = {};
      if (input.url !== undefined) patch.url = await checkTargetUrl(db, actor.orgId, input.url);
      if (input.events !== undefined) patch.events = input.events;
      if (input.active !== undefined) patch.active = input.active;
      if (input.name !== undefined) patch.name = input.name.trim() || current.name;
      if (input.secret !== undefined) patch.secret = input.secret;
      await db.transaction(async (tx) => {
        if (!(await webhooksRepository(tx).update(actor.orgId, id, input.version, patch))) throw staleVersion();
        const changes = diffFields(logged(current), logged({ ...current, ...patch }));
        if (input.secret !== undefined) changes.push({ field: 'secret', old: '…', new: '…' });
        if (changes.length) await historyWriter(tx).record(actor.orgId, 'webhook', id, 'update', actor.userId, changes);
      });
      return present(await mine(actor, id));
    },

    /** A new generated secret, shown this once; deliveries from now on are signed with it. */
    async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
      assertCan(actor, 'update', 'webhook');
      const current = await mine(actor, id);
      const secret = newSecret();
      await db.transaction(async (tx) => {
        if (!(await webhooksRepository(tx).update(actor.orgId, id, current.version, { secret }))) throw staleVersion();
        await historyWriter(tx).record(actor.orgId, 'webhook', id, 'update', actor.userId, [
          { field: 'secret', old: '…', new: '…' },
        ]);
      });
      return { ...present(await mine(actor, id)), secret };
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'delete', 'webhook');
      const current = await mine(actor, id);
      await db.transaction(async (tx) => {
        await webhooksRepository(tx).remove(actor.orgId, id);
        await historyWriter(tx).record(
          actor.orgId,
          'webhook',
          id,
          'delete',
          actor.userId,
          initialFields(logged(current)),
        );
      });
    },

    /** A `webhook.test` delivery, sent like any other (signed, logged, retried): to check a receiver. */
    async test(actor: Actor, id: string): Promise<Delivery> {
      assertCan(actor, 'update', 'webhook');
      const target = await mine(actor, id);
      const now = new Date();
      const deliveryId = newId();
      const body = JSON.stringify({
        event: 'webhook.test',
        occurredAt: now.toISOString(),
        org: { id: actor.orgId },
        entity: { type: 'webhook', id: target.id },
        actorId: actor.userId,
        record: null,
        changes: [],
      });
      await repo.insertDeliveries([
        {
          orgId: actor.orgId,
          id: deliveryId,
          webhookId: target.id,
          event: 'webhook.test',
          entityType: 'webhook',
          entityId: target.id,
          actorId: actor.userId,
          changes: [],
          occurredAt: now,
          body,
          nextAttemptAt: now,
        },
      ]);
      return presentDelivery(await delivery(actor, deliveryId));
    },

    /** A target's deliveries (a webhook's or a robot's), newest first. */
    async deliveries(actor: Actor, id: string, q: DeliveryQuery): Promise<DeliveryPage> {
      assertCan(actor, 'read', 'webhook');
      await mine(actor, id, null);
      const limit = q.limit ?? 50;
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      if (after && typeof after[0] !== 'string') throw fieldError('query.cursor', 'invalid');
      const rows = await repo.deliveries(actor.orgId, id, {
        status: q.status,
        after: after as [string, string] | null,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentDelivery),
        nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      };
    },

    async delivery(actor: Actor, id: string): Promise<DeliveryDetail> {
      const d = await delivery(actor, id);
      const attempts = await repo.attempts(actor.orgId, id);
      return {
        ...presentDelivery(d),
        body: d.body,
        attemptLog: attempts.map((a) => ({
          n: a.n,
          at: a.at.toISOString(),
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
          response: a.response,
        })),
      };
    },

    /** Sends a delivery again now, with the same id and body (a receiver that was down, now fixed). */
    async resend(actor: Actor, id: string): Promise<Delivery> {
      assertCan(actor, 'update', 'webhook');
      await delivery(actor, id);
      if (!(await repo.requeue(actor.orgId, id, new Date()))) throw new AppError(409, 'delivery_not_pending');
      return presentDelivery(await delivery(actor, id));
    },

    async outbound(actor: Actor): Promise<OutboundSettings> {
      assertCan(actor, 'read', 'webhook');
      return (await orgSettings(db, actor.orgId)).outbound;
    },

    async putOutbound(actor: Actor, input: OutboundSettings): Promise<OutboundSettings> {
      assertCan(actor, 'update', 'settings');
      const before = (await orgSettings(db, actor.orgId)).outbound;
      await db.transaction(async (tx) => {
        await mergeOrgSettings(tx, actor.orgId, { outbound: input });
        const changes = diffFields(before, input);
        if (changes.length)
          await historyWriter(tx).record(actor.orgId, 'settings', actor.orgId, 'update', actor.userId, changes);
      });
      return (await orgSettings(db, actor.orgId)).outbound;
    },
  };
}

export type TargetRow = WebhookRow;
export type NewTarget = Omit<TargetRow, 'version' | 'createdAt' | 'updatedAt'>;
export type TargetRecent = Recent;

/** A delivery queued outside the outbox (a robot's test message, a morning digest): sent like any other. */
export type QueuedDelivery = Pick<
  NewDelivery,
  'orgId' | 'id' | 'webhookId' | 'event' | 'entityType' | 'entityId' | 'actorId' | 'occurredAt' | 'body'
>;

/**
 * Targets of the other kinds — the teams' group robots (server/modules/robots), rows of the same table
 * — and the queue they share. That module keeps its own rules (teams, URL shapes, the history); it
 * stores and queues through here, so the table and the queue stay this module's.
 */
export function integrationTargets(db: Db) {
  const repo = webhooksRepository(db);
  return {
    list: (orgId: string, kinds: readonly string[]) => repo.list(orgId, [...kinds]),
    get: (orgId: string, id: string) => repo.get(orgId, id),
    insert: (row: NewTarget) => repo.insert(row),
    /** False when the version is not the current one (someone else saved first). */
    update: (orgId: string, id: string, version: number, patch: Partial<NewTarget>) =>
      repo.update(orgId, id, version, patch),
    remove: (orgId: string, id: string) => repo.remove(orgId, id),
    recent: (orgId: string) => recentByTarget(db, orgId),
    /** Every organisation's active targets of these kinds that take the event. */
    subscribed: (kinds: readonly string[], event: string) => repo.subscribed([...kinds], event),
    /**
     * Queues deliveries due now; one whose id is already queued is left alone, so a fixed id (a digest's
     * is its robot's and day's) queues once however often it is offered. Returns the ids queued now.
     */
    enqueue: (rows: QueuedDelivery[], now = new Date()) =>
      repo.enqueue(rows.map((r) => ({ ...r, changes: [], nextAttemptAt: now }))),
  };
}
