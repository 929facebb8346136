// Forecast periods: a year (`2027`), a quarter (`2027-Q1`) or a month (`2027-03`), as calendar
// dates (the reps' days; core/time.ts turns them into instants in the organisation's zone).
import type { PeriodKind } from './enums.ts';
import { addDays } from './time.ts';

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, included. */
  last: string;
  /** The day after the last. */
  end: string;
  /** The months it covers, YYYY-MM, in order. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const monthKeyOf = (year: number, month: number) => `${year}-${pad(month)}`;

/** The day after a month (YYYY-MM) ends. */
function monthEnd(year: number, month: number): string {
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
}

function span(key: string, kind: PeriodKind, year: number, firstMonth: number, count: number): Period {
  const months = Array.from({ length: count }, (_, i) => monthKeyOf(year, firstMonth + i));
  const end = monthEnd(year, firstMonth + count - 1);
  return { key, kind, year, start: `${months[0]}-01`, last: addDays(end, -1), end, months };
}

/** Years a period may fall in: beyond them a period's end is no longer a four-digit date. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** Parses a period key; null when it is not one. */
export function parsePeriod(key: string): Period | null {
  const year = Number(key.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return null;
  let m = /^(\d{4})$/.exec(key);
  if (m) return span(key, 'year', Number(m[1]), 1, 12);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return span(key, 'quarter', Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return span(key, 'month', Number(m[1]), Number(m[2]), 1);
  return null;
}

/** The quarter key of a month key (2027-05 → 2027-Q2). */
export const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarter a date (YYYY-MM-DD) falls in. */
export const quarterOfDate = (date: string) => quarterOf(date.slice(0, 7));
