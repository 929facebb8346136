// When a call may be logged as done. A call still days away has not happened: marking it done
// would count a visit that never took place in the deal's last call (the stale flag), the account's
// health and the time analysis. A day of slack lets a rep log a call held earlier than planned, or
// log from another time zone, without first moving it; beyond that the date has to change first.
import { HOUR_MS } from './time.ts';

/** How far ahead of now a done call's planned start may lie. */
export const LOG_AHEAD_MS = 24 * HOUR_MS;

/** True when a call planned to start at `plannedStart` cannot be logged as done yet at `now`. */
export function tooEarlyToLog(plannedStart: Date | string, now: Date): boolean {
  return new Date(plannedStart).getTime() - now.getTime() > LOG_AHEAD_MS;
}
