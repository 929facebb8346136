// The events webhooks and group robots are sent (issue 23), and the one rule that says which events a
// history row is (docs/decisions/0017-events-from-history.md): the outbox holds history rows, this turns
// each into zero or more events. Pure, so the server's dispatcher and the tests read the same mapping.

/** What a webhook subscription may ask for; `*` is all of them. */
export const WEBHOOK_EVENTS = [
  'account.created',
  'account.updated',
  'account.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'deal.created',
  'deal.updated',
  'deal.deleted',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'activity.completed',
  'import.finished',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * What a team's group robot may post: wins and losses, a deal whose expected close moved later (posted for
 * key accounts only), a completed call that proposed a next meeting, and the morning's overdue follow-ups.
 * `deal.slipped` and `activity.next_meeting` are candidates here; the record read at dispatch decides.
 */
export const ROBOT_EVENTS = [
  'deal.won',
  'deal.lost',
  'deal.slipped',
  'activity.next_meeting',
  'followups.overdue',
] as const;
export type RobotEvent = (typeof ROBOT_EVENTS)[number];

export type EventName = WebhookEvent | RobotEvent;

export interface HistoryFact {
  entityType: string;
  action: string;
  changes: readonly { field: string; old: unknown; new: unknown }[];
}

const ENTITY_EVENT: Record<string, 'account' | 'contact' | 'deal'> = {
  account: 'account',
  contact: 'contact',
  opportunity: 'deal',
};

/** Actions that leave the record changed but present (a merge keeps the surviving record). */
const UPDATING = new Set(['update', 'archive', 'restore', 'merge', 'unmerge']);

const changeOf = (h: HistoryFact, field: string) => h.changes.find((c) => c.field === field);

/** The events a history row is, in the order they are delivered. */
export function eventsOf(h: HistoryFact): EventName[] {
  if (h.entityType === 'import') return h.action === 'import' ? ['import.finished'] : [];
  if (h.entityType === 'activity') return activityEvents(h);
  const base = ENTITY_EVENT[h.entityType];
  if (!base) return [];
  // A record back from the recycle bin appears again: for a receiver that removed it, it is new.
  if (h.action === 'create' || h.action === 'undelete') return [`${base}.created`, ...dealFacts(base, h)];
  if (h.action === 'delete') return [`${base}.deleted`];
  if (!UPDATING.has(h.action)) return [];
  return [`${base}.updated`, ...dealFacts(base, h)];
}

function dealFacts(base: string, h: HistoryFact): EventName[] {
  if (base !== 'deal') return [];
  const out: EventName[] = [];
  const stage = changeOf(h, 'stageId');
  if (h.action !== 'create' && h.action !== 'undelete' && stage && stage.old !== stage.new)
    out.push('deal.stage_changed');
  const status = changeOf(h, 'status');
  if (status?.new === 'won' && status.old !== 'won') out.push('deal.won');
  if (status?.new === 'lost' && status.old !== 'lost') out.push('deal.lost');
  const close = changeOf(h, 'expectedCloseDate');
  if (h.action === 'update' && isLater(close?.old, close?.new)) out.push('deal.slipped');
  return out;
}

function activityEvents(h: HistoryFact): EventName[] {
  if (h.action !== 'create' && h.action !== 'update') return [];
  const status = changeOf(h, 'status');
  const completed = status?.new === 'done' && status.old !== 'done';
  const proposed = changeOf(h, 'nextMeetingProposed')?.new === true;
  // A candidate: whether the call is done and proposes a meeting is read from the record when it is sent
  // (an update that only completes a call does not repeat its earlier "next meeting" answer).
  const next: EventName[] = completed || proposed ? ['activity.next_meeting'] : [];
  return completed ? ['activity.completed', ...next] : next;
}

/** Two ISO dates (yyyy-mm-dd sorts as it reads): the second after the first, both set. */
const isLater = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && b > a;

/** Whether a subscription's list takes an event. */
export const wants = (events: readonly string[], event: string) => events.includes('*') || events.includes(event);

/**
 * When the next attempt goes after `attempts` failed ones: about 10 s, 1 min, 5 min, 30 min, then hourly
 * for 24 h; null when there is no next one (the delivery is failed).
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  10_000,
  60_000,
  300_000,
  1_800_000,
  ...Array.from({ length: 24 }, () => 3_600_000),
];
export const nextAttemptDelay = (attempts: number): number | null => RETRY_DELAYS_MS[attempts - 1] ?? null;
