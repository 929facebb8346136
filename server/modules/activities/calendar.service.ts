// The calendar (one user's or a team's activities and tasks in a window) and the iCalendar export.
import { subjectIn } from '../../../core/generated-subject.ts';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '../../db/client.ts';
import { calendarRepository } from './calendar.repository.ts';
import { MAX_ACTIVITY_DAYS } from './service.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { userInScope, type Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { CALENDAR_LIMIT, type Calendar, type CalendarQuery } from '../../../core/schemas/activities.ts';
import { DAY_MS, localDate } from '../../../core/time.ts';
import { teamMembers } from '../teams/service.ts';

export const MAX_WINDOW_DAYS = 62;
const ICS_PAST_DAYS = 30;
const ICS_AHEAD_DAYS = 365;
/** The most events an export holds (the earliest): ~1 MB of iCalendar; a rep's 13 months hold far fewer. */
export const ICS_LIMIT = 2000;

/**
 * Users found in an org, as `org:user`. Users are never deleted (a leaver is deactivated and keeps
 * their records), so one found stays found: a manager opening a rep's week skips the existence
 * check's round trip after the first time. Bounded; cleared if it ever fills.
 */
const knownUsers = new Set<string>();
const MAX_KNOWN_USERS = 10_000;

export function calendarService(db: Db) {
  const repo = calendarRepository(db);

  async function userExists(orgId: string, userId: string): Promise<boolean> {
    const key = `${orgId}:${userId}`;
    if (knownUsers.has(key)) return true;
    if (!(await repo.userExists(orgId, userId))) return false;
    if (knownUsers.size >= MAX_KNOWN_USERS) knownUsers.clear();
    knownUsers.add(key);
    return true;
  }

  /** Whose calendar: the caller by default, anyone in their scope, or a team's members within it. */
  async function usersFor(actor: Actor, q: CalendarQuery): Promise<string[]> {
    if (q.teamId) {
      const members = await teamMembers(db, actor.orgId, q.teamId);
      const visible = (members ?? []).filter((u) => userInScope(actor, u));
      if (!members || !visible.length) throw notFound();
      return visible;
    }
    const userId = q.userId ?? actor.userId;
    if (userId !== actor.userId && (!userInScope(actor, userId) || !(await userExists(actor.orgId, userId))))
      throw notFound();
    return [userId];
  }

  return {
    async calendar(actor: Actor, q: CalendarQuery): Promise<Calendar> {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS)
        throw fieldError('query.to', 'window_too_long', { days: MAX_WINDOW_DAYS });
      const [userIds, zone] = await Promise.all([usersFor(actor, q), orgTimeZone(db, actor.orgId)]);
      // One row more than the limit tells whether the window holds more.
      const limit = q.limit ?? CALENDAR_LIMIT;
      // Tasks have a due date, not a time: those due on any of the organisation's days the window touches.
      const [activities, tasks] = await Promise.all([
        repo.activities(actor, userIds, from, to, MAX_ACTIVITY_DAYS, limit + 1),
        repo.tasks(actor, userIds, localDate(from, zone), localDate(new Date(to.getTime() - 1), zone), limit + 1),
      ]);
      return {
        activities: activities.slice(0, limit),
        tasks: tasks.slice(0, limit),
        truncated: activities.length > limit || tasks.length > limit,
      };
    },

    /** The caller's own activities (owned or attended), 30 days back to a year ahead, at most ICS_LIMIT, as text/calendar. */
    async ics(actor: Actor, now = new Date()): Promise<string> {
      const rows = await repo.own(
        actor.orgId,
        actor.userId,
        new Date(now.getTime() - ICS_PAST_DAYS * DAY_MS),
        new Date(now.getTime() + ICS_AHEAD_DAYS * DAY_MS),
        MAX_ACTIVITY_DAYS,
        ICS_LIMIT,
      );
      const cal = ical({
        name: 'OpenKAM',
        prodId: { company: 'OpenKAM', product: 'activities', language: actor.lang === 'en' ? 'EN' : 'ZH' },
      });
      for (const a of rows) {
        cal.createEvent({
          id: a.id,
          start: a.plannedStart,
          end: a.plannedEnd,
          summary: subjectIn(a, actor.lang),
          location: a.place,
          description: [a.accountName, a.objective, a.nextSteps].filter(Boolean).join('\n'),
          status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
          sequence: a.version - 1,
          created: a.createdAt,
          lastModified: a.updatedAt,
          stamp: now,
        });
      }
      return cal.toString();
    },
  };
}
