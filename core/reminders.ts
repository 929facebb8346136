// The notification centre's rules: which tasks, calls and birthdays deserve a reminder right now.
// Pure: the server loads a few rows and passes the clock and the organisation's time zone, so the
// rules are tested with a fixed clock and "today" means today where the reps are.
import type { ReminderKind } from './enums.ts';
import { format, type Lang } from './messages.ts';
import { addDays, DAY_MS, daysBetween, DEFAULT_TIME_ZONE, HOUR_MS, localDate, localParts } from './time.ts';
export type ReminderSeverity = 'high' | 'medium' | 'low';

export interface ReminderTask {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dueDate: string;
  accountName?: string | null;
}
export interface ReminderActivity {
  id: string;
  type: string;
  subject: string;
  plannedStart: Date;
  plannedEnd: Date;
  accountName: string;
  /** Scheduled by the after-sales cadence when a deal was won. */
  autoScheduled?: boolean;
}
export interface ReminderContact {
  id: string;
  name: string;
  /** YYYY-MM-DD; only the month and day count. */
  birthday: string;
  accountName: string;
}
export interface ReminderInput {
  now: Date;
  timeZone?: string;
  lang: Lang;
  /** The caller's open tasks (any due date; the rules pick). */
  tasks: ReminderTask[];
  /** The caller's planned (not done, not cancelled) activities. */
  activities: ReminderActivity[];
  /** Contacts of the caller's accounts that have a birthday. */
  contacts: ReminderContact[];
}
export interface ComputedReminder {
  key: string;
  kind: ReminderKind;
  severity: ReminderSeverity;
  message: string;
  entityType: 'task' | 'activity' | 'contact';
  entityId: string;
  /** A date (YYYY-MM-DD) or an instant (ISO 8601). */
  at: string;
}

export const BIRTHDAY_WINDOW_DAYS = 7;
export const FOLLOW_UP_AHEAD_MS = 2 * DAY_MS;
export const UNLOGGED_AFTER_MS = 2 * HOUR_MS;

const TEMPLATES = {
  task_overdue: { zh: '任务「{title}」已逾期（截止 {dueDate}）', en: 'Task "{title}" is overdue (due {dueDate})' },
  task_due_today: { zh: '任务「{title}」今天到期', en: 'Task "{title}" is due today' },
  task_due_tomorrow: { zh: '任务「{title}」明天到期', en: 'Task "{title}" is due tomorrow' },
  birthday_today: { zh: '今天是{account}{name}的生日', en: "Today is {name}'s birthday ({account})" },
  birthday_tomorrow: {
    zh: '明天（{date}）是{account}{name}的生日',
    en: "Tomorrow ({date}) is {name}'s birthday ({account})",
  },
  birthday: {
    zh: '{date}是{account}{name}的生日（还有 {days} 天）',
    en: "{name}'s birthday ({account}) is on {date}, in {days} days",
  },
  follow_up_due: {
    zh: '售后回访「{subject}」（{account}）安排在 {time}',
    en: 'After-sales follow-up "{subject}" ({account}) is planned for {time}',
  },
  follow_up_overdue: {
    zh: '售后回访「{subject}」（{account}）已到时间（{time}），请尽快回访',
    en: 'After-sales follow-up "{subject}" ({account}) was due at {time}; follow up now',
  },
  activity_unlogged: {
    zh: '「{subject}」（{account}）已于 {time} 结束，请记录拜访结果',
    en: '"{subject}" ({account}) ended at {time}; log the outcome',
  },
} satisfies Record<string, { zh: string; en: string }>;
export type ReminderTemplate = keyof typeof TEMPLATES;
/** Exported for the bilingual completeness test. */
export const REMINDER_TEMPLATES: Readonly<Record<ReminderTemplate, { zh: string; en: string }>> = TEMPLATES;

const SEVERITY_RANK: Record<ReminderSeverity, number> = { high: 0, medium: 1, low: 2 };

// ---- Birthdays -----------------------------------------------------------------------------------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The next time a birthday is celebrated on or after `today`. Someone born on 29 February
 * celebrates on 28 February in common years.
 */
export function nextBirthday(birthday: string, today: string): string {
  const [, m, d] = birthday.split('-').map(Number);
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = m === 2 && d === 29 && !isLeap(y) ? 28 : d;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (date >= today) return date;
  }
  throw new Error('unreachable: a birthday recurs within a year');
}

/**
 * The month-days (MM-DD) whose birthdays fall in the window starting today, for the SQL filter;
 * includes 02-29 whenever 28 February of a common year is in the window.
 */
export function birthdayMonthDays(today: string, days = BIRTHDAY_WINDOW_DAYS): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    out.push(date.slice(5));
    if (date.slice(5) === '02-28' && !isLeap(Number(date.slice(0, 4)))) out.push('02-29');
  }
  return out;
}

/** After-sales calls: the after_sales type, or anything the won-deal cadence scheduled. */
export const isFollowUp = (a: Pick<ReminderActivity, 'type' | 'autoScheduled'>) =>
  a.type === 'after_sales' || a.autoScheduled === true;

// ---- The rules -----------------------------------------------------------------------------------

interface Draft extends ComputedReminder {
  /** Local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm": strings that sort chronologically together. */
  sortKey: string;
}

export function computeReminders(input: ReminderInput): ComputedReminder[] {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const { now, lang } = input;
  const today = localDate(now, tz);
  const tomorrow = addDays(today, 1);
  const msg = (t: ReminderTemplate, params: Record<string, string | number>) => format(TEMPLATES[t][lang], params);
  const local = (at: Date) => localParts(at, tz);
  const shortTime = (at: Date) => {
    const p = local(at);
    return `${p.date === today ? '' : `${p.date.slice(5)} `}${p.time}`;
  };
  const out: Draft[] = [];

  for (const t of input.tasks) {
    if (t.dueDate < today) {
      out.push({
        key: `task_overdue:${t.id}:${t.dueDate}`,
        kind: 'task_overdue',
        severity: 'high',
        message: msg('task_overdue', { title: t.title, dueDate: t.dueDate }),
        entityType: 'task',
        entityId: t.id,
        at: t.dueDate,
        sortKey: t.dueDate,
      });
    } else if (t.dueDate <= tomorrow) {
      out.push({
        key: `task_due_soon:${t.id}:${t.dueDate}`,
        kind: 'task_due_soon',
        severity: 'medium',
        message: msg(t.dueDate === today ? 'task_due_today' : 'task_due_tomorrow', { title: t.title }),
        entityType: 'task',
        entityId: t.id,
        at: t.dueDate,
        sortKey: t.dueDate,
      });
    }
  }

  for (const a of input.activities) {
    const params = { subject: a.subject, account: a.accountName };
    const end = local(a.plannedEnd);
    // Once the call should have happened, the reminder is to log it; before that, a follow-up is to do it.
    if (now.getTime() - a.plannedEnd.getTime() > UNLOGGED_AFTER_MS) {
      out.push({
        key: `activity_unlogged:${a.id}:${a.plannedEnd.toISOString()}`,
        kind: 'activity_unlogged',
        severity: 'medium',
        message: msg('activity_unlogged', { ...params, time: shortTime(a.plannedEnd) }),
        entityType: 'activity',
        entityId: a.id,
        at: a.plannedEnd.toISOString(),
        sortKey: `${end.date}T${end.time}`,
      });
    } else if (isFollowUp(a) && a.plannedStart.getTime() - now.getTime() <= FOLLOW_UP_AHEAD_MS) {
      const started = a.plannedStart.getTime() <= now.getTime();
      const start = local(a.plannedStart);
      out.push({
        key: `follow_up_due:${a.id}:${a.plannedStart.toISOString()}`,
        kind: 'follow_up_due',
        severity: started ? 'high' : 'medium',
        message: msg(started ? 'follow_up_overdue' : 'follow_up_due', { ...params, time: shortTime(a.plannedStart) }),
        entityType: 'activity',
        entityId: a.id,
        at: a.plannedStart.toISOString(),
        sortKey: `${start.date}T${start.time}`,
      });
    }
  }

  for (const c of input.contacts) {
    const date = nextBirthday(c.birthday, today);
    const days = daysBetween(today, date);
    if (days >= BIRTHDAY_WINDOW_DAYS) continue;
    const params = { name: c.name, account: c.accountName, date: date.slice(5), days };
    out.push({
      key: `birthday:${c.id}:${date}`,
      kind: 'birthday',
      severity: days === 0 ? 'medium' : 'low',
      message: msg(days === 0 ? 'birthday_today' : days === 1 ? 'birthday_tomorrow' : 'birthday', params),
      entityType: 'contact',
      entityId: c.id,
      at: date,
      sortKey: date,
    });
  }

  out.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
      (a.key < b.key ? -1 : 1),
  );
  return out.map(({ sortKey: _, ...r }) => r);
}
