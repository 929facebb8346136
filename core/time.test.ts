import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayStart,
  daysBetween,
  daysSpan,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  localDate,
  localParts,
  monthStart,
  quarterStart,
  todayIn,
  weekStart,
  zoneOffset,
} from './time.ts';

const SHANGHAI = DEFAULT_TIME_ZONE;
const NEW_YORK = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const H = 3_600_000;

describe('local dates', () => {
  it('"today" is the date in the time zone, not in UTC', () => {
    const lateUtc = new Date('2027-03-14T17:30:00Z'); // 01:30 on the 15th in Shanghai
    expect(localDate(lateUtc, SHANGHAI)).toBe('2027-03-15');
    expect(localDate(lateUtc, 'UTC')).toBe('2027-03-14');
    expect(localDate(lateUtc, NEW_YORK)).toBe('2027-03-14');
    expect(todayIn(SHANGHAI, lateUtc)).toBe('2027-03-15');
    expect(localParts(lateUtc, SHANGHAI)).toEqual({ date: '2027-03-15', time: '01:30' });
    expect(localParts(lateUtc, BERLIN)).toEqual({ date: '2027-03-14', time: '18:30' });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-12-30', '2028-01-02')).toBe(3);
    expect(daysBetween('2028-01-02', '2027-12-30')).toBe(-3);
  });

  it('names the week, month and quarter a date starts in', () => {
    expect(weekStart('2027-03-14')).toBe('2027-03-08'); // a Sunday: its week began on Monday the 8th
    expect(weekStart('2027-03-15')).toBe('2027-03-15');
    expect(weekStart('2028-01-01')).toBe('2027-12-27');
    expect(monthStart('2027-03-14')).toBe('2027-03-01');
    expect(quarterStart('2027-03-14')).toBe('2027-01-01');
    expect(quarterStart('2027-08-31')).toBe('2027-07-01');
    expect(quarterStart('2027-12-01')).toBe('2027-10-01');
  });

  it('knows which zone names Intl can use', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(8)).toBe(false);
  });
});

describe('the instant a day starts', () => {
  it('is midnight at UTC+8 in Shanghai all year, as the fixed offset had it', () => {
    for (const date of ['2027-01-01', '2027-03-14', '2027-07-01', '2027-11-07']) {
      expect(dayStart(date, SHANGHAI).getTime()).toBe(Date.parse(`${date}T00:00:00Z`) - 8 * H);
      expect(dayStart(date, SHANGHAI, 9).getTime()).toBe(Date.parse(`${date}T00:00:00Z`) + H);
    }
    expect(zoneOffset(Date.parse('2027-07-01T00:00:00Z'), SHANGHAI)).toBe(8 * H);
  });

  it('follows daylight saving: New York days of 23 and 25 hours', () => {
    expect(dayStart('2027-03-13', NEW_YORK).toISOString()).toBe('2027-03-13T05:00:00.000Z');
    expect(dayStart('2027-03-14', NEW_YORK).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(dayStart('2027-03-15', NEW_YORK).toISOString()).toBe('2027-03-15T04:00:00.000Z');
    const spring = daysSpan('2027-03-14', '2027-03-14', NEW_YORK);
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * H);
    const autumn = daysSpan('2027-11-07', '2027-11-07', NEW_YORK);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * H);
  });

  it('reads a skipped hour after the gap and a repeated hour as its first time', () => {
    // Berlin skips 02:00–03:00 on 28 March 2027 and repeats 02:00–03:00 on 31 October 2027.
    expect(dayStart('2027-03-28', BERLIN, 2).toISOString()).toBe('2027-03-28T01:00:00.000Z'); // 03:00 CEST
    expect(dayStart('2027-03-28', BERLIN, 3).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(dayStart('2027-10-31', BERLIN, 2).toISOString()).toBe('2027-10-31T00:00:00.000Z'); // 02:00 CEST, not CET
    expect(dayStart('2027-10-31', BERLIN, 3).toISOString()).toBe('2027-10-31T02:00:00.000Z');
    expect(localDate(dayStart('2027-10-31', BERLIN), BERLIN)).toBe('2027-10-31');
  });

  it('round-trips every day of a year in zones east and west of UTC', () => {
    for (const zone of [SHANGHAI, NEW_YORK, BERLIN, 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (let d = '2027-01-01'; d < '2028-01-01'; d = addDays(d, 1)) {
        const start = dayStart(d, zone);
        expect(localParts(start, zone)).toEqual({ date: d, time: '00:00' });
        expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addDays(d, -1));
      }
    }
  });
});
