// Activities, reminders, timelines and time analysis (issue 4): one contract for server and web (tasks:
// tasks.ts).
import { Type, type Static } from 'typebox';
import { ACTIVITY_STATUSES, REMINDER_KINDS, TIME_GROUPS, TIMELINE_KINDS } from '../enums.ts';
import {
  ExportQuery,
  Id,
  IsoDate,
  IsoDateTime,
  Nullable,
  OptionalNullable,
  Page,
  PageQuery,
  Version,
} from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });
const LongText = Type.String({ maxLength: 10000 });
/** Built-in keys (BUILTIN_ACTIVITY_TYPES) or an admin-added key. */
const TypeKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const Ref = Type.Object({ id: Id, name: Type.String() });

// ---- Activity types ----
export const ActivityType = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  /** The funnel stage this kind of call belongs to (the planner counts them per stage). */
  stageId: Nullable(Id),
  builtin: Type.Boolean(),
  active: Type.Boolean(),
  position: Type.Integer(),
  version: Type.Integer(),
});
export type ActivityType = Static<typeof ActivityType>;
export const ActivityTypeCreate = Type.Object(
  {
    key: TypeKey,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: OptionalNullable(Text(50)),
    stageId: OptionalNullable(Id),
  },
  { additionalProperties: false },
);
export type ActivityTypeCreate = Static<typeof ActivityTypeCreate>;
export const ActivityTypeUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    nameEn: OptionalNullable(Text(50)),
    stageId: OptionalNullable(Id),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ActivityTypeUpdate = Static<typeof ActivityTypeUpdate>;
export const ActivityTypeParams = Type.Object({ key: TypeKey });

// ---- Activities ----
const Satisfaction = Type.Integer({
  minimum: 1,
  maximum: 5,
  description: 'Customer satisfaction 1–5 (service and after-sales records)',
});
const activityFields = {
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  opportunityId: OptionalNullable(Id),
  /** Customer attendees: contacts of the activity's account. */
  contactIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  /** Our attendees besides the owner. */
  userIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  ownerId: Type.Optional(Id),
  plannedStart: Type.Optional(IsoDateTime),
  plannedEnd: Type.Optional(IsoDateTime),
  place: OptionalNullable(Text(300)),
  objective: OptionalNullable(Text(2000)),
  /** The visit plan's steps, in order. */
  steps: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 30 })),
  talkingPoints: OptionalNullable(LongText),
  diningPlan: OptionalNullable(Text(2000)),
  status: Type.Optional(Type.Enum([...ACTIVITY_STATUSES])),
  outcome: OptionalNullable(LongText),
  /** 对方明确下次约见: did the customer propose the next meeting? */
  nextMeetingProposed: OptionalNullable(Type.Boolean()),
  nextSteps: OptionalNullable(Text(2000)),
  satisfaction: OptionalNullable(Satisfaction),
};
export const ActivityCreate = Type.Object(
  {
    ...activityFields,
    type: TypeKey,
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    accountId: Id,
    plannedStart: IsoDateTime,
    plannedEnd: IsoDateTime,
  },
  { additionalProperties: false },
);
export type ActivityCreate = Static<typeof ActivityCreate>;
export const ActivityUpdate = Type.Object(
  { ...activityFields, version: Version, type: Type.Optional(TypeKey) },
  { additionalProperties: false },
);
export type ActivityUpdate = Static<typeof ActivityUpdate>;
/** Logging the call: marks it done and, when asked, turns the next steps into a follow-up task. */
export const ActivityComplete = Type.Object(
  {
    version: Version,
    outcome: OptionalNullable(LongText),
    nextMeetingProposed: Type.Boolean(),
    nextSteps: OptionalNullable(Text(2000)),
    satisfaction: OptionalNullable(Satisfaction),
    followUp: Type.Optional(
      Type.Object(
        { title: Type.String({ minLength: 1, maxLength: 200 }), dueDate: IsoDate, assigneeId: Type.Optional(Id) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ActivityComplete = Static<typeof ActivityComplete>;

export const Activity = Type.Object({
  id: Id,
  type: Type.String(),
  subject: Type.String(),
  accountId: Id,
  accountName: Type.String(),
  opportunityId: Nullable(Id),
  opportunityName: Nullable(Type.String()),
  ownerId: Id,
  ownerName: Type.String(),
  contacts: Type.Array(Type.Object({ id: Id, name: Type.String(), title: Nullable(Type.String()) })),
  users: Type.Array(Ref),
  plannedStart: IsoDateTime,
  plannedEnd: IsoDateTime,
  durationMinutes: Type.Integer(),
  place: Nullable(Type.String()),
  objective: Nullable(Type.String()),
  steps: Type.Array(Type.String()),
  talkingPoints: Nullable(Type.String()),
  diningPlan: Nullable(Type.String()),
  status: Type.Enum([...ACTIVITY_STATUSES]),
  outcome: Nullable(Type.String()),
  nextMeetingProposed: Nullable(Type.Boolean()),
  nextSteps: Nullable(Type.String()),
  satisfaction: Nullable(Type.Integer()),
  completedAt: Nullable(IsoDateTime),
  /** Scheduled by the after-sales cadence when a deal was won. */
  autoScheduled: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Type.Integer(),
});
export type Activity = Static<typeof Activity>;
/** The answer to POST /activities/:id/complete: the logged activity and the follow-up task it created, if any. */
export const ActivityCompleted = Type.Object({ ...Activity.properties, followUpTaskId: Nullable(Id) });
export type ActivityCompleted = Static<typeof ActivityCompleted>;

/** What the activity list and its companions filter by. */
const activityFilters = {
  /** Activities overlapping [from, to). */
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  accountId: Type.Optional(Id),
  opportunityId: Type.Optional(Id),
  contactId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  type: Type.Optional(TypeKey),
  status: Type.Optional(Type.Enum([...ACTIVITY_STATUSES])),
};
export const ActivityListQuery = Type.Object({
  ...PageQuery,
  ...ExportQuery,
  ...activityFilters,
  /** newest: latest planned start first (a record of calls); soonest: earliest first (what is due). */
  sort: Type.Optional(Type.Enum(['newest', 'soonest'])),
  /**
   * Leaves out calls the system scheduled (after-sales follow-ups) that are still planned for a day
   * more than this many days after today, in the organisation's days: /activities/auto-later counts
   * them per deal instead, so a year of follow-ups does not flood the list.
   */
  autoWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
});
export type ActivityListQuery = Static<typeof ActivityListQuery>;
export const ActivityPage = Page(Activity);

export const AutoLaterQuery = Type.Object({
  ...activityFilters,
  afterDays: Type.Integer({ minimum: 0, maximum: 3650 }),
});
export type AutoLaterQuery = Static<typeof AutoLaterQuery>;
/** The scheduled calls /activities leaves out with autoWithinDays, per deal (at most 100 deals, soonest first). */
export const AutoLater = Type.Object({
  total: Type.Integer(),
  deals: Type.Array(
    Type.Object({
      opportunityId: Nullable(Id),
      opportunityName: Nullable(Type.String()),
      accountId: Id,
      accountName: Type.String(),
      count: Type.Integer(),
      first: IsoDateTime,
      last: IsoDateTime,
    }),
  ),
});
export type AutoLater = Static<typeof AutoLater>;

// ---- Calendar: slim rows of activities and tasks in a window ----
/**
 * The most calls (and the most tasks) one calendar response holds: a busy rep's month or a team's
 * week fits; a larger window says `truncated` and the web offers a narrower view. Without the cap an
 * admin's month reached 1,100 calls and 1.5 MB a response.
 */
export const CALENDAR_LIMIT = 500;
export const CalendarQuery = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  /** Default: the caller. Managers pick anyone in their scope, or a team. */
  userId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: CALENDAR_LIMIT,
      default: CALENDAR_LIMIT,
      description: 'The most calls, and the most tasks, returned: the earliest ones',
    }),
  ),
});
export type CalendarQuery = Static<typeof CalendarQuery>;
export const CalendarActivity = Type.Object({
  id: Id,
  type: Type.String(),
  subject: Type.String(),
  accountId: Id,
  accountName: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  plannedStart: IsoDateTime,
  plannedEnd: IsoDateTime,
  status: Type.Enum([...ACTIVITY_STATUSES]),
  place: Nullable(Type.String()),
  version: Type.Integer(),
});
export const CalendarTask = Type.Object({
  id: Id,
  title: Type.String(),
  dueDate: IsoDate,
  assigneeId: Id,
  assigneeName: Type.String(),
  accountName: Nullable(Type.String()),
  done: Type.Boolean(),
  version: Type.Integer(),
});
export const Calendar = Type.Object({
  activities: Type.Array(CalendarActivity),
  tasks: Type.Array(CalendarTask),
  /** The window holds more calls or more tasks than `limit`: only the earliest are here. */
  truncated: Type.Boolean(),
});
export type Calendar = Static<typeof Calendar>;

// ---- Reminders (notification centre) ----
export const Reminder = Type.Object({
  /** Stable per occurrence, e.g. `task_overdue:<taskId>:<dueDate>`; marking it read keys on this. */
  key: Type.String(),
  kind: Type.Enum([...REMINDER_KINDS]),
  severity: Type.Enum(['high', 'medium', 'low']),
  /** In the caller's language. */
  message: Type.String(),
  entityType: Type.Enum(['task', 'activity', 'contact']),
  entityId: Id,
  /** The moment it is about: due date, birthday, planned end. */
  at: Type.String(),
  read: Type.Boolean(),
});
export type Reminder = Static<typeof Reminder>;
export const Reminders = Type.Object({
  items: Type.Array(Reminder),
  unread: Type.Integer(),
  /** Open tasks past their due date: the navigation badge. */
  overdueTasks: Type.Integer(),
});
export type Reminders = Static<typeof Reminders>;
export const RemindersRead = Type.Object(
  {
    keys: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 })),
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

// ---- Timeline ----
export const TimelineQuery = Type.Object({
  accountId: Type.Optional(Id),
  opportunityId: Type.Optional(Id),
  contactId: Type.Optional(Id),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type TimelineQuery = Static<typeof TimelineQuery>;
export const TimelineItem = Type.Object({
  kind: Type.Enum([...TIMELINE_KINDS]),
  /** The activity, task, stage-history or history row. */
  id: Id,
  at: IsoDateTime,
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  /** Activity subject, task title, deal name (stage changes) or the edited record's name. */
  title: Type.String(),
  /** kind-specific facts: activity { type, status, nextMeetingProposed }, task { dueDate, done }, stage_change { fromStageName, toStageName }, edit { entityType, action, fields } */
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineItem = Static<typeof TimelineItem>;
export const TimelinePage = Page(TimelineItem);

// ---- Time spent ----
/** The most groups a time analysis returns (those with the most minutes): by account a year holds thousands. */
export const TIME_LIMIT = 500;
export const TimeQuery = Type.Object({
  from: IsoDate,
  to: IsoDate,
  groupBy: Type.Enum([...TIME_GROUPS]),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: TIME_LIMIT,
      default: TIME_LIMIT,
      description: 'The most groups returned: those with the most minutes',
    }),
  ),
});
export type TimeQuery = Static<typeof TimeQuery>;
export const TimeSpent = Type.Object({
  items: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), minutes: Type.Integer() })),
  /** Every group's minutes, those left out included. */
  totalMinutes: Type.Integer(),
  /** More groups than `limit` had time: only those with the most are in `items`. */
  truncated: Type.Boolean(),
});
export type TimeSpent = Static<typeof TimeSpent>;

// ---- Settings: after-sales cadence ----
export const ActivitySettings = Type.Object({
  /** Days after signing on which after-sales follow-ups are scheduled (default 7, 30, 90). */
  afterSalesCadenceDays: Type.Array(Type.Integer({ minimum: 1, maximum: 3650 }), { maxItems: 12 }),
});
export type ActivitySettings = Static<typeof ActivitySettings>;
export const ActivitySettingsPut = Type.Object(
  {
    afterSalesCadenceDays: Type.Array(Type.Integer({ minimum: 1, maximum: 3650 }), { maxItems: 12, uniqueItems: true }),
  },
  { additionalProperties: false },
);
