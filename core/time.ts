// Calendar time where the reps are. Every rule that names a day, week, month or quarter takes the
// organisation's IANA time zone (orgs.settings.timeZone) and works through Intl, so a zone with
// daylight saving gets 23- and 25-hour days right. Dates are YYYY-MM-DD strings: a date has no zone,
// only the instant it starts at has one. Pure: no clock is read unless a caller passes none.

/** One day in milliseconds: for durations (retention, windows), never for naming a day. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** The zone of an organisation that never set one. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an unknown one makes every formatter throw). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  date: string;
  time: string;
  /** The wall clock read as if it were UTC, in ms: its distance to the instant is the zone's offset. */
  asUtc: number;
}

function wall(at: Date | number, zone: string): Wall {
  const p: Record<string, string> = {};
  for (const x of formatter(zone).formatToParts(at)) p[x.type] = x.value;
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, asUtc };
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export const localDate = (at: Date, zone: string): string => wall(at, zone).date;

/** An instant as the reps read it in the zone: its date (YYYY-MM-DD) and wall-clock time (HH:MM, 24 h). */
export function localParts(at: Date, zone: string): { date: string; time: string } {
  const { date, time } = wall(at, zone);
  return { date, time };
}

/** Today's date in the zone. */
export const todayIn = (zone: string, now: Date = new Date()): string => localDate(now, zone);

/** The zone's offset from UTC at an instant, in ms (east positive; whole seconds). */
export function zoneOffset(at: number, zone: string): number {
  const second = Math.floor(at / 1000) * 1000;
  return wall(second, zone).asUtc - second;
}

/**
 * The instant a local date starts in the zone, or the given hour of it. A wall time that happens
 * twice (clocks going back) is the first of the two; one that never happens (the hour skipped when
 * clocks go forward) is read with the offset before the change, which lands after the gap.
 */
export function dayStart(date: string, zone: string, hour = 0): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
  // A zone changes its offset at most once within a day either side of any wall time.
  const before = asUtc - zoneOffset(asUtc - DAY_MS, zone);
  const after = asUtc - zoneOffset(asUtc + DAY_MS, zone);
  const fits = [before, after].filter((t) => wall(t, zone).asUtc === asUtc);
  return new Date(fits.length ? Math.min(...fits) : before);
}

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the ISO week a date falls in. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The first day of the date's month. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** The first day of the date's calendar quarter. */
export function quarterStart(date: string): string {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** The instants [from, to) that the local dates `first` to `last` (both included) cover in the zone. */
export function daysSpan(first: string, last: string, zone: string): { from: Date; to: Date } {
  return { from: dayStart(first, zone), to: dayStart(addDays(last, 1), zone) };
}
