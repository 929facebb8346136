import { describe, expect, it } from 'vitest';
import {
  birthdayMonthDays,
  computeReminders,
  nextBirthday,
  REMINDER_TEMPLATES,
  type ReminderActivity,
  type ReminderContact,
  type ReminderInput,
  type ReminderTask,
} from './reminders.ts';

// 2027-03-15 10:00 in Shanghai.
const NOW = new Date('2027-03-15T02:00:00Z');
const run = (p: Partial<ReminderInput>) =>
  computeReminders({ now: NOW, lang: 'en', tasks: [], activities: [], contacts: [], ...p });
const task = (id: string, dueDate: string): ReminderTask => ({ id, title: `T ${id}`, dueDate });
const act = (id: string, start: string, end: string, p: Partial<ReminderActivity> = {}): ReminderActivity => ({
  id,
  type: 'visit',
  subject: `S ${id}`,
  plannedStart: new Date(start),
  plannedEnd: new Date(end),
  accountName: '华北电网',
  ...p,
});
const person = (id: string, birthday: string): ReminderContact => ({
  id,
  name: `P ${id}`,
  birthday,
  accountName: '华北电网',
});

describe('tasks', () => {
  it('overdue before today (high), due soon today or tomorrow (medium), later ones not at all', () => {
    const r = run({
      tasks: [task('a', '2027-03-14'), task('b', '2027-03-15'), task('c', '2027-03-16'), task('d', '2027-03-17')],
    });
    expect(r.map((x) => [x.key, x.kind, x.severity])).toEqual([
      ['task_overdue:a:2027-03-14', 'task_overdue', 'high'],
      ['task_due_soon:b:2027-03-15', 'task_due_soon', 'medium'],
      ['task_due_soon:c:2027-03-16', 'task_due_soon', 'medium'],
    ]);
    expect(r.map((x) => x.message)).toEqual([
      'Task "T a" is overdue (due 2027-03-14)',
      'Task "T b" is due today',
      'Task "T c" is due tomorrow',
    ]);
    expect(r[0]).toMatchObject({ entityType: 'task', entityId: 'a', at: '2027-03-14' });
  });

  it("just after midnight in Shanghai yesterday's task is already overdue", () => {
    const r = computeReminders({
      now: new Date('2027-03-14T16:05:00Z'),
      lang: 'en',
      tasks: [task('a', '2027-03-14')],
      activities: [],
      contacts: [],
    });
    expect(r[0].kind).toBe('task_overdue');
  });

  it('speaks Chinese when asked', () => {
    const r = run({ lang: 'zh', tasks: [task('a', '2027-03-10'), task('b', '2027-03-15')] });
    expect(r.map((x) => x.message)).toEqual(['任务「T a」已逾期（截止 2027-03-10）', '任务「T b」今天到期']);
  });
});

describe('birthdays', () => {
  it('within the next 7 days including today; not on day 7', () => {
    const r = run({
      contacts: [
        person('today', '1970-03-15'),
        person('in3', '1980-03-18'),
        person('in6', '1980-03-21'),
        person('in7', '1980-03-22'),
        person('past', '1980-03-14'),
      ],
    });
    expect(r.map((x) => x.key)).toEqual([
      'birthday:today:2027-03-15',
      'birthday:in3:2027-03-18',
      'birthday:in6:2027-03-21',
    ]);
    expect(r[0]).toMatchObject({
      severity: 'medium',
      message: "Today is P today's birthday (华北电网)",
      entityType: 'contact',
      at: '2027-03-15',
    });
    expect(r[1]).toMatchObject({ severity: 'low', message: "P in3's birthday (华北电网) is on 03-18, in 3 days" });
  });

  it('wraps over the year end', () => {
    const r = computeReminders({
      now: new Date('2027-12-29T04:00:00Z'),
      lang: 'zh',
      tasks: [],
      activities: [],
      contacts: [person('a', '1990-01-02'), person('b', '1990-12-30')],
    });
    expect(r.map((x) => x.key)).toEqual(['birthday:b:2027-12-30', 'birthday:a:2028-01-02']);
    expect(r[0].message).toBe('明天（12-30）是华北电网P b的生日');
    expect(r[1].message).toBe('01-02是华北电网P a的生日（还有 4 天）');
  });

  it('29 February is celebrated on the 28th in common years and on the 29th in leap years', () => {
    expect(nextBirthday('1992-02-29', '2027-02-25')).toBe('2027-02-28');
    expect(nextBirthday('1992-02-29', '2028-02-25')).toBe('2028-02-29');
    expect(nextBirthday('1992-02-29', '2027-03-01')).toBe('2028-02-29');
    const common = computeReminders({
      now: new Date('2027-02-27T02:00:00Z'),
      lang: 'en',
      tasks: [],
      activities: [],
      contacts: [person('leap', '1992-02-29')],
    });
    expect(common.map((x) => x.key)).toEqual(['birthday:leap:2027-02-28']);
    const leap = computeReminders({
      now: new Date('2028-02-29T02:00:00Z'),
      lang: 'en',
      tasks: [],
      activities: [],
      contacts: [person('leap', '1992-02-29')],
    });
    expect(leap.map((x) => [x.key, x.severity])).toEqual([['birthday:leap:2028-02-29', 'medium']]);
  });

  it('the SQL month-day filter covers the window, with 02-29 beside a common-year 02-28', () => {
    expect(birthdayMonthDays('2027-03-15')).toEqual(['03-15', '03-16', '03-17', '03-18', '03-19', '03-20', '03-21']);
    expect(birthdayMonthDays('2027-02-26')).toEqual([
      '02-26',
      '02-27',
      '02-28',
      '02-29',
      '03-01',
      '03-02',
      '03-03',
      '03-04',
    ]);
    expect(birthdayMonthDays('2028-02-26')).toEqual(['02-26', '02-27', '02-28', '02-29', '03-01', '03-02', '03-03']);
    expect(birthdayMonthDays('2027-12-29')).toContain('01-04');
  });
});

describe('follow-ups and unlogged calls', () => {
  it('an after-sales call starting within two days is due (medium); one already started is high', () => {
    const r = run({
      activities: [
        act('soon', '2027-03-16T06:00:00Z', '2027-03-16T07:00:00Z', { type: 'after_sales' }),
        act('later', '2027-03-17T03:00:00Z', '2027-03-17T04:00:00Z', { type: 'after_sales' }),
        act('now', '2027-03-15T01:30:00Z', '2027-03-15T02:30:00Z', { type: 'service', autoScheduled: true }),
        act('visit', '2027-03-15T06:00:00Z', '2027-03-15T07:00:00Z'),
      ],
    });
    expect(r.map((x) => [x.key, x.severity])).toEqual([
      ['follow_up_due:now:2027-03-15T01:30:00.000Z', 'high'],
      ['follow_up_due:soon:2027-03-16T06:00:00.000Z', 'medium'],
    ]);
    expect(r[0].message).toBe('After-sales follow-up "S now" (华北电网) was due at 09:30; follow up now');
    expect(r[1].message).toBe('After-sales follow-up "S soon" (华北电网) is planned for 03-16 14:00');
    expect(r[1]).toMatchObject({ entityType: 'activity', at: '2027-03-16T06:00:00.000Z' });
  });

  it('a planned call that ended more than two hours ago asks to be logged, follow-up or not', () => {
    const r = run({
      activities: [
        act('old', '2027-03-14T01:00:00Z', '2027-03-14T02:00:00Z'),
        act('recent', '2027-03-14T23:00:00Z', '2027-03-15T00:30:00Z', { type: 'after_sales' }),
        act('edge', '2027-03-14T23:00:00Z', '2027-03-15T00:00:00Z'),
      ],
    });
    // The follow-up that ended only 1.5 hours ago is still "due" (and outranks the unlogged visit).
    expect(r.map((x) => x.key)).toEqual([
      'follow_up_due:recent:2027-03-14T23:00:00.000Z',
      'activity_unlogged:old:2027-03-14T02:00:00.000Z',
    ]);
    expect(r[1]).toMatchObject({
      kind: 'activity_unlogged',
      severity: 'medium',
      at: '2027-03-14T02:00:00.000Z',
      message: '"S old" (华北电网) ended at 03-14 10:00; log the outcome',
    });
    const zh = run({ lang: 'zh', activities: [act('old', '2027-03-14T01:00:00Z', '2027-03-14T02:00:00Z')] });
    expect(zh[0].message).toBe('「S old」（华北电网）已于 03-14 10:00 结束，请记录拜访结果');
  });
});

describe('order and keys', () => {
  it('high before medium before low, then by time (dates before times of the same day)', () => {
    const r = run({
      tasks: [task('t2', '2027-03-12'), task('t1', '2027-03-01'), task('soon', '2027-03-16')],
      activities: [
        act('f', '2027-03-15T00:00:00Z', '2027-03-15T01:30:00Z', { type: 'after_sales' }),
        act('u', '2027-03-13T01:00:00Z', '2027-03-13T02:00:00Z'),
      ],
      contacts: [person('b', '1970-03-20'), person('bt', '1970-03-15')],
    });
    expect(r.map((x) => `${x.severity}:${x.kind}:${x.entityId}`)).toEqual([
      'high:task_overdue:t1',
      'high:task_overdue:t2',
      'high:follow_up_due:f',
      'medium:activity_unlogged:u',
      'medium:birthday:bt',
      'medium:task_due_soon:soon',
      'low:birthday:b',
    ]);
  });

  it('keys are stable for the same occurrence and change with it', () => {
    const a = run({ tasks: [task('x', '2027-03-10')] })[0].key;
    const b = computeReminders({
      now: new Date(NOW.getTime() + 3_600_000),
      lang: 'zh',
      tasks: [task('x', '2027-03-10')],
      activities: [],
      contacts: [],
    })[0].key;
    const moved = run({ tasks: [task('x', '2027-03-11')] })[0].key;
    expect(a).toBe(b);
    expect(moved).not.toBe(a);
  });

  it('every template exists in both languages with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, t] of Object.entries(REMINDER_TEMPLATES)) {
      expect(t.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en, code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(ph(t.zh), code).toEqual(ph(t.en));
    }
  });
});
