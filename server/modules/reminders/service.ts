import type { Db } from '../../db/client.ts';
import { subjectIn } from '../../../core/generated-subject.ts';
import { remindersRepository } from './repository.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { birthdayMonthDays, computeReminders, FOLLOW_UP_AHEAD_MS } from '../../../core/reminders.ts';
import { addDays, DAY_MS, localDate } from '../../../core/time.ts';
import type { Reminders } from '../../../core/schemas/activities.ts';

/** Unlogged calls older than this no longer nag (the activity list still shows them). */
export const UNLOGGED_LOOKBACK_DAYS = 30;
/** Reads are kept this long; a reminder still current after that shows as unread again. */
export const READ_RETENTION_DAYS = 60;
/** The bell shows this many; `unread` counts them all. */
const MAX_ITEMS = 200;

export function remindersService(db: Db) {
  const repo = remindersRepository(db);

  /** The caller's current reminders, from a few indexed queries and the rules in core/reminders. */
  async function current(actor: Actor, now: Date) {
    const timeZone = await orgTimeZone(db, actor.orgId);
    const today = localDate(now, timeZone);
    const [tasks, activities, contacts, overdueTasks] = await Promise.all([
      repo.openTasks(actor.orgId, actor.userId, addDays(today, 1)),
      repo.plannedActivities(
        actor.orgId,
        actor.userId,
        new Date(now.getTime() - UNLOGGED_LOOKBACK_DAYS * DAY_MS),
        new Date(now.getTime() + FOLLOW_UP_AHEAD_MS + 1),
      ),
      repo.birthdays(actor.orgId, actor.userId, birthdayMonthDays(today)),
      repo.overdueCount(actor.orgId, actor.userId, today),
    ]);
    const reminders = computeReminders({
      now,
      timeZone,
      lang: actor.lang,
      tasks,
      // A generated subject (an after-sales call's) in the reader's language.
      activities: activities.map((a) => ({ ...a, subject: subjectIn(a, actor.lang) })),
      contacts: contacts.flatMap((c) => (c.birthday ? [{ ...c, birthday: c.birthday }] : [])),
    });
    return { reminders, overdueTasks };
  }

  return {
    async list(actor: Actor, now = new Date()): Promise<Reminders> {
      const { reminders, overdueTasks } = await current(actor, now);
      const read = await repo.readKeys(
        actor.orgId,
        actor.userId,
        reminders.map((r) => r.key),
      );
      const items = reminders.map((r) => ({ ...r, read: read.has(r.key) }));
      return { items: items.slice(0, MAX_ITEMS), unread: items.filter((r) => !r.read).length, overdueTasks };
    },

    /** Marks the given keys (those that are current reminders of the caller) or all current ones read. */
    async markRead(actor: Actor, input: { keys?: string[]; all?: boolean }, now = new Date()) {
      if (!input.all && input.keys === undefined) throw fieldError('keys', 'required');
      const keys = (await current(actor, now)).reminders.map((r) => r.key);
      const wanted = input.all ? keys : keys.filter((k) => input.keys?.includes(k));
      await repo.markRead(actor.orgId, actor.userId, wanted);
    },

    purgeOldReads: (now = new Date()) => repo.purgeReadsBefore(new Date(now.getTime() - READ_RETENTION_DAYS * DAY_MS)),
  };
}
