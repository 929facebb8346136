// Webhook subscriptions, their deliveries and the outbound-request setting (issue 23, item 2). The
// secret signs every delivery: chosen by the admin or generated, shown once, never read back.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Nullable, Version } from './common.ts';
import { WEBHOOK_EVENTS } from '../events.ts';

export const WebhookEventName = Type.Enum(['*', ...WEBHOOK_EVENTS]);

const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Events = Type.Array(WebhookEventName, { minItems: 1, uniqueItems: true, maxItems: WEBHOOK_EVENTS.length + 1 });
const Secret = Type.String({ minLength: 16, maxLength: 200, description: 'HMAC key; generated when left out' });

export const WebhookCreate = Type.Object(
  {
    url: Url,
    events: Events,
    secret: Type.Optional(Secret),
    active: Type.Optional(Type.Boolean()),
    /** What it is for (ERP, BI…); the URL names it when left out. */
    name: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
);
export type WebhookCreate = Static<typeof WebhookCreate>;

export const WebhookUpdate = Type.Object(
  {
    version: Version,
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    secret: Type.Optional(Secret),
    active: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
);
export type WebhookUpdate = Static<typeof WebhookUpdate>;

export const Webhook = Type.Object({
  id: Id,
  name: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Deliveries of the last 24 hours that succeeded, are still retrying, and failed for good. */
  recent: Type.Object({ delivered: Type.Integer(), pending: Type.Integer(), failed: Type.Integer() }),
});
export type Webhook = Static<typeof Webhook>;

/** The answer to a creation (and to a new secret): the subscription and, this once, its secret. */
export const WebhookWithSecret = Type.Intersect([Webhook, Type.Object({ secret: Type.String() })]);
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });
export type WebhookList = Static<typeof WebhookList>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const Delivery = Type.Object({
  /** The `X-OpenKAM-Delivery` header: the same on every attempt and on a resend. */
  id: Id,
  webhookId: Id,
  event: Type.String(),
  entityType: Type.String(),
  entityId: Id,
  status: Type.Enum([...DELIVERY_STATUSES]),
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(IsoDateTime),
  deliveredAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type Delivery = Static<typeof Delivery>;

export const DeliveryAttempt = Type.Object({
  n: Type.Integer(),
  at: IsoDateTime,
  statusCode: Nullable(Type.Integer()),
  durationMs: Type.Integer(),
  /** Why it did not count as delivered (a message code of core/messages.ts, or the receiver's words). */
  error: Nullable(Type.String()),
  /** The start of the receiver's answer. */
  response: Nullable(Type.String()),
});
export type DeliveryAttempt = Static<typeof DeliveryAttempt>;

export const DeliveryDetail = Type.Intersect([
  Delivery,
  Type.Object({ body: Nullable(Type.String()), attemptLog: Type.Array(DeliveryAttempt) }),
]);
export type DeliveryDetail = Static<typeof DeliveryDetail>;

export const DeliveryQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...DELIVERY_STATUSES])),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;

export const DeliveryPage = Type.Object({ items: Type.Array(Delivery), nextCursor: Nullable(Type.String()) });
export type DeliveryPage = Static<typeof DeliveryPage>;

/** Where outbound requests (webhooks, robots) may go. */
export const OutboundSettings = Type.Object(
  {
    /**
     * Allow addresses in private, loopback and link-local ranges (an ERP on the company network). Off by
     * default: a URL that resolves there is refused (SSRF).
     */
    allowPrivateNetworks: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OutboundSettings = Static<typeof OutboundSettings>;
