// Period keys as the API takes them (2027, 2027-Q1, 2027-03), to and from the date pickers' dayjs.
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodKind } from '../../../core/enums.ts';
import { parsePeriod } from '../../../core/period.ts';

export function periodKey(kind: PeriodKind, d: Dayjs): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'month') return d.format('YYYY-MM');
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

export const currentQuarter = (): string => periodKey('quarter', dayjs());

/** The first day of a period, for the pickers; null for a key that is not a period. */
export function periodStart(key: string): Dayjs | null {
  const p = parsePeriod(key);
  return p ? dayjs(p.start) : null;
}

export function periodKindOf(key: string): PeriodKind | null {
  return parsePeriod(key)?.kind ?? null;
}

/** A period as the inclusive date range the win/loss and calibration endpoints take. */
export function periodRange(key: string): { from: string; to: string } | null {
  const p = parsePeriod(key);
  return p ? { from: p.start, to: p.last } : null;
}
