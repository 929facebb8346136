// A channel is a kind of target (a signed webhook; a 企业微信, 钉钉 or 飞书 group robot): what it posts
// for an event and how a request is signed and judged. The dispatcher knows channels only through this
// interface; app.ts hands it the robots' channels (server/modules/robots), so this module never
// imports theirs.
import { createHmac } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { EventName } from '../../../core/events.ts';
import type { MessageCode } from '../../../core/messages.ts';

/** A subscription or robot as the dispatcher reads it. */
export interface Target {
  orgId: string;
  id: string;
  kind: string;
  url: string;
  events: string[];
  secret: string | null;
  teamId: string | null;
  active: boolean;
}

/** One event, with the record as the API returns it (null when it is gone or unreadable). */
export interface EventContext {
  event: EventName;
  occurredAt: Date;
  org: { id: string; name: string };
  entity: { type: string; id: string };
  actorId: string | null;
  record: Record<string, unknown> | null;
  changes: { field: string; old: unknown; new: unknown }[];
}

export interface Prepared {
  url: string;
  headers: Record<string, string>;
  /** The body to post this time, when it is not the stored one (飞书 signs inside the body, per attempt). */
  body?: string;
}

export interface Channel {
  /** Which events it can take (a webhook any, a robot those of core/events.ts ROBOT_EVENTS). */
  takes(event: EventName): boolean;
  /** The body to post for this target, or null when this target does not want this one (another team's deal). */
  render(db: Db, target: Target, ctx: EventContext): Promise<string | null>;
  /** The request for one attempt: where it goes, its headers and, if it differs, its body (signed per attempt). */
  prepare(target: Target, delivery: { id: string; event: string; body: string }, now: Date): Prepared;
  /** Whether the answer counts as delivered: null if so, else why not (a message code or the receiver's words). */
  judge(statusCode: number, response: string): MessageCode | string | null;
}

/** `X-OpenKAM-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (docs/webhooks.md). */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** A 2xx is delivered; a 3xx is refused as a redirect; anything else is the status itself. */
export function judgeStatus(statusCode: number): MessageCode | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  return statusCode >= 300 && statusCode < 400 ? 'delivery_redirect' : 'delivery_http_status';
}

/** The signed JSON webhook: the event, when, the organisation, the record and what changed. */
export const webhookChannel: Channel = {
  takes: () => true,
  async render(_db, _target, ctx) {
    return JSON.stringify({
      event: ctx.event,
      occurredAt: ctx.occurredAt.toISOString(),
      org: ctx.org,
      entity: ctx.entity,
      actorId: ctx.actorId,
      record: ctx.record,
      changes: ctx.changes,
    });
  },
  prepare(target, delivery, now) {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'OpenKAM-Webhooks/1',
      'x-openkam-event': delivery.event,
      'x-openkam-delivery': delivery.id,
    };
    if (target.secret)
      headers['x-openkam-signature'] = signature(target.secret, delivery.body, Math.floor(now.getTime() / 1000));
    return { url: target.url, headers };
  },
  judge: (statusCode) => judgeStatus(statusCode),
};
