// Outbound integrations (issue 23): webhook subscriptions and group robots, the outbox the history
// trigger fills in the writing transaction, and the deliveries a dispatcher sends with retries
// (docs/decisions/0017-events-from-history.md).
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  jsonb,
  primaryKey,
  index,
  foreignKey,
  integer,
  boolean,
  bigserial,
} from 'drizzle-orm/pg-core';
import { ts, created, updated } from './columns.ts';
import { orgs, teams } from './org.ts';

/**
 * Where events go. `kind` 'webhook' is an admin's signed HTTP subscription; 'wecom', 'dingtalk' and
 * 'feishu' are a team's group robot (its team in `team_id`). `secret` signs: the webhook's HMAC key, or
 * 钉钉's signing secret; it is needed in clear to sign and never returned by the API.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull().default('webhook'),
    name: text('name').notNull().default(''),
    url: text('url').notNull(),
    /** Event names (core/events.ts), or ['*']. */
    events: jsonb('events').$type<string[]>().notNull(),
    secret: text('secret'),
    teamId: uuid('team_id'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);

/**
 * History rows of organisations that have an active webhook or robot, copied by a trigger on `history` in
 * the writing transaction (server/db/triggers/event-outbox.sql): a committed change has its event. The
 * dispatcher claims them in `seq` order, reads their records outside any transaction (on PGlite a long one
 * would hold every other request), then deletes the rows it still holds and inserts their deliveries in one.
 */
export const eventOutbox = pgTable('event_outbox', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id').notNull(),
  historyId: uuid('history_id').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: uuid('entity_id').notNull(),
  action: text('action').notNull(),
  actorId: uuid('actor_id'),
  changes: jsonb('changes').notNull(),
  at: ts('at').notNull(),
  /** The dispatcher reading these rows' records, and until when (a lapsed claim is taken over). */
  claimedBy: text('claimed_by'),
  claimedUntil: ts('claimed_until'),
});

/**
 * One event for one webhook or robot. Its id is the `X-OpenKAM-Delivery` header, the same on every
 * attempt; `body` is fixed at the first attempt, so a retry sends what the first one did. A sender holds
 * `locked_until` while it sends: one sender per delivery across instances.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    webhookId: uuid('webhook_id').notNull(),
    event: text('event').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    actorId: uuid('actor_id'),
    changes: jsonb('changes').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    body: text('body'),
    /** pending → delivered | failed (after the last retry). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.webhookId], foreignColumns: [webhooks.orgId, webhooks.id] }).onDelete('cascade'),
    index('webhook_deliveries_log_idx').on(t.orgId, t.webhookId, t.createdAt),
    // The senders' queue: only pending rows, few at a time.
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** Every attempt of a delivery: the delivery log's status codes, times and the receiver's answer (cut). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    orgId: uuid('org_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    n: integer('n').notNull(),
    at: ts('at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    response: text('response'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.deliveryId, t.n] }),
    foreignKey({
      columns: [t.orgId, t.deliveryId],
      foreignColumns: [webhookDeliveries.orgId, webhookDeliveries.id],
    }).onDelete('cascade'),
  ],
);
