import dayjs, { type Dayjs } from 'dayjs';
import type { Activity, ActivityCreate, ActivityUpdate } from '../../../core/schemas/activities.ts';

/** What the visit plan form holds; dates as dayjs for the pickers. */
export interface PlanValues {
  type?: string;
  subject?: string;
  accountId?: string;
  opportunityId?: string | null;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  place?: string | null;
  contactIds?: string[];
  ownerId?: string;
  userIds?: string[];
  objective?: string | null;
  steps?: (string | undefined)[];
  talkingPoints?: string | null;
  diningPlan?: string | null;
}

/** Where a new plan starts from: a page (account, deal, contact) or a calendar slot. */
export interface PlanPrefill {
  accountId?: string;
  accountName?: string;
  opportunityId?: string;
  contactId?: string;
  plannedStart?: Dayjs;
  plannedEnd?: Dayjs;
}

/** The fields of each wizard step, so "next" validates only what is on screen and a failed save opens the right step. */
export const STEP_FIELDS: (keyof PlanValues)[][] = [
  ['type', 'subject', 'accountId', 'opportunityId', 'plannedStart', 'plannedEnd', 'place'],
  ['contactIds', 'ownerId', 'userIds'],
  ['objective', 'steps'],
  ['talkingPoints', 'diningPlan'],
];

export function stepOfField(field: string): number {
  const i = STEP_FIELDS.findIndex((fields) => (fields as string[]).includes(field));
  return i < 0 ? 0 : i;
}

/** The next whole hour, one hour long: a sensible default a rep adjusts rather than types. */
export function defaultSlot(now = dayjs()): { plannedStart: Dayjs; plannedEnd: Dayjs } {
  const start = now.add(1, 'hour').startOf('hour');
  return { plannedStart: start, plannedEnd: start.add(1, 'hour') };
}

export function newPlanValues(prefill: PlanPrefill, ownerId: string, type?: string): PlanValues {
  const slot = prefill.plannedStart
    ? { plannedStart: prefill.plannedStart, plannedEnd: prefill.plannedEnd ?? prefill.plannedStart.add(1, 'hour') }
    : defaultSlot();
  return {
    type,
    accountId: prefill.accountId,
    opportunityId: prefill.opportunityId ?? null,
    contactIds: prefill.contactId ? [prefill.contactId] : [],
    ownerId,
    userIds: [],
    steps: [''],
    ...slot,
  };
}

export function planValuesOf(a: Activity): PlanValues {
  return {
    type: a.type,
    subject: a.subject,
    accountId: a.accountId,
    opportunityId: a.opportunityId,
    plannedStart: dayjs(a.plannedStart),
    plannedEnd: dayjs(a.plannedEnd),
    place: a.place,
    contactIds: a.contacts.map((c) => c.id),
    ownerId: a.ownerId,
    userIds: a.users.map((u) => u.id),
    objective: a.objective,
    steps: a.steps.length ? a.steps : [''],
    talkingPoints: a.talkingPoints,
    diningPlan: a.diningPlan,
  };
}

const text = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);
/** ISO 8601 with the browser's offset, e.g. 2026-11-27T10:00:00+08:00. */
const iso = (d: Dayjs | null | undefined): string => (d ? d.second(0).millisecond(0).format() : '');

function planFields(v: PlanValues) {
  return {
    subject: (v.subject ?? '').trim(),
    opportunityId: v.opportunityId ?? null,
    plannedStart: iso(v.plannedStart),
    plannedEnd: iso(v.plannedEnd),
    place: text(v.place),
    contactIds: v.contactIds ?? [],
    userIds: (v.userIds ?? []).filter((id) => id !== v.ownerId),
    objective: text(v.objective),
    steps: (v.steps ?? []).map((s) => (s ?? '').trim()).filter(Boolean),
    talkingPoints: text(v.talkingPoints),
    diningPlan: text(v.diningPlan),
  };
}

export function toCreateBody(v: PlanValues, me: string): ActivityCreate {
  const body: ActivityCreate = { ...planFields(v), type: v.type ?? '', accountId: v.accountId ?? '' };
  // The server makes the caller the owner; name another owner only when one was picked.
  if (v.ownerId && v.ownerId !== me) body.ownerId = v.ownerId;
  return body;
}

export function toUpdateBody(v: PlanValues, a: Activity): ActivityUpdate {
  const body: ActivityUpdate = { ...planFields(v), version: a.version };
  if (v.type && v.type !== a.type) body.type = v.type;
  if (v.ownerId && v.ownerId !== a.ownerId) body.ownerId = v.ownerId;
  return body;
}
