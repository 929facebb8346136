// Activities (calls, visits, trainings…) with their attendees, the tasks they lead to, and which
// reminders each user has read (issue 4).
//
// Composite foreign keys that must only null their own column (`.onDelete('set null')` below) are
// written as ON DELETE SET NULL ("col") by hand in the migration: a plain SET NULL would null
// org_id too (see migration 0003).
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  integer,
  smallint,
  date,
  jsonb,
  boolean,
  primaryKey,
  index,
  foreignKey,
  check,
} from 'drizzle-orm/pg-core';
import { ts, created, updated } from './columns.ts';
import { orgs, users } from './org.ts';
import { accounts, contacts } from './archive.ts';
import { opportunities, stages } from './deals.ts';

/** The kinds of call: twelve built-ins per org plus admin-added keys; each may map to a funnel stage. */
export const activityTypes = pgTable(
  'activity_types',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    stageId: uuid('stage_id'),
    builtin: boolean('builtin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.key] }),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }).onDelete('set null'),
  ],
);

export const activities = pgTable(
  'activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    /**
     * A subject the system wrote (core/generated-subject.ts): its message code and parameters, so it
     * is rendered in the reader's language; `subject` keeps the organisation's language for search.
     * Null when a person wrote or edited the subject.
     */
    subjectKey: text('subject_key'),
    subjectParams: jsonb('subject_params'),
    accountId: uuid('account_id').notNull(),
    /** The account's name, kept by triggers (migration 0027): a calendar week shows it on ~150 calls. */
    accountName: text('account_name').notNull().default(''),
    opportunityId: uuid('opportunity_id'),
    ownerId: uuid('owner_id').notNull(),
    plannedStart: ts('planned_start').notNull(),
    plannedEnd: ts('planned_end').notNull(),
    place: text('place'),
    objective: text('objective'),
    /** The visit plan's steps, in order: string[]. */
    steps: jsonb('steps').notNull().default([]),
    talkingPoints: text('talking_points'),
    diningPlan: text('dining_plan'),
    status: text('status').notNull().default('planned'),
    outcome: text('outcome'),
    nextMeetingProposed: boolean('next_meeting_proposed'),
    nextSteps: text('next_steps'),
    satisfaction: smallint('satisfaction'),
    completedAt: ts('completed_at'),
    autoScheduled: boolean('auto_scheduled').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('set null'),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    // A user's calendar window; an account's timeline (backward scan for newest first); a deal's.
    // The window starts up to the longest activity before `from`: planned_end and id in the key let
    // the overlap test and the id come from the index alone instead of a heap row per candidate.
    index('activities_owner_start_idx').on(t.orgId, t.ownerId, t.plannedStart, t.plannedEnd, t.id),
    index('activities_account_start_idx').on(t.orgId, t.accountId, t.plannedStart, t.id),
    // Account health reads a page's done calls (last one, satisfaction) from the index alone.
    index('activities_account_done_idx')
      .on(t.orgId, t.accountId, t.plannedStart, t.satisfaction)
      .where(sql`${t.status} = 'done'`),
    index('activities_opp_start_idx')
      .on(t.orgId, t.opportunityId, t.plannedStart)
      .where(sql`${t.opportunityId} is not null`),
    // The deal's last done activity (stale-deal flag).
    index('activities_opp_completed_idx').on(t.orgId, t.opportunityId, t.completedAt),
    // The activity list opens on the calls still to log, soonest first, for whole teams or the org
    // (issue 21 item 6): without this it sorted every planned call of the org (2 s on 750k).
    index('activities_planned_start_idx').on(t.orgId, t.plannedStart, t.id).where(sql`${t.status} = 'planned'`),
    // The scheduled follow-ups the list collapses per deal (/activities/auto-later).
    index('activities_auto_planned_idx')
      .on(t.orgId, t.plannedStart)
      .where(sql`${t.autoScheduled} and ${t.status} = 'planned'`),
    check('activities_planned_ck', sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check('activities_status_ck', sql`${t.status} in ('planned', 'done', 'cancelled')`),
    check('activities_satisfaction_ck', sql`${t.satisfaction} between 1 and 5`),
  ],
);

/** Customer attendees. */
export const activityContacts = pgTable(
  'activity_contacts',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.activityId, t.contactId] }),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [activities.orgId, activities.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete('cascade'),
    index('activity_contacts_contact_idx').on(t.orgId, t.contactId),
  ],
);

/** Our attendees besides the owner. */
export const activityUsers = pgTable(
  'activity_users',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The activity's planned start, copied so a user's calendar window is one index range here too. */
    plannedStart: ts('planned_start').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.activityId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [activities.orgId, activities.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('activity_users_user_start_idx').on(t.orgId, t.userId, t.plannedStart),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    accountId: uuid('account_id'),
    opportunityId: uuid('opportunity_id'),
    contactId: uuid('contact_id'),
    /** The activity whose next steps created this task. */
    activityId: uuid('activity_id'),
    notes: text('notes'),
    done: boolean('done').notNull().default(false),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    // A task outlives the record it was about: deleting that record only clears the link.
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('set null'),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('set null'),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete('set null'),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [activities.orgId, activities.id] }).onDelete(
      'set null',
    ),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    index('tasks_assignee_idx').on(t.orgId, t.assigneeId, t.done, t.dueDate),
    index('tasks_account_idx').on(t.orgId, t.accountId, t.createdAt),
    index('tasks_opp_idx').on(t.orgId, t.opportunityId).where(sql`${t.opportunityId} is not null`),
    index('tasks_contact_idx').on(t.orgId, t.contactId).where(sql`${t.contactId} is not null`),
    index('tasks_activity_idx').on(t.orgId, t.activityId).where(sql`${t.activityId} is not null`),
  ],
);

/** Which reminder occurrences (Reminder.key) a user has marked read. */
export const reminderReads = pgTable(
  'reminder_reads',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    readAt: ts('read_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.key] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * Done activities per owner, month (in the organisation's zone) and type, kept by a trigger on activities
 * (migration 0014), so plan vs actual reads a few rows per person instead of a year of calls.
 */
export const activityMonthCounts = pgTable(
  'activity_month_counts',
  {
    orgId: uuid('org_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    done: integer('done').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.ownerId, t.month, t.type] })],
);
