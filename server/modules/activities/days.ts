// Calendar days where the reps are. China has one time zone without daylight saving (UTC+8), so a
// day is a fixed 24-hour window and date arithmetic needs no time-zone database.
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Asia/Shanghai date (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Shanghai date (YYYY-MM-DD) starts, optionally at a given hour. */
export const shanghaiStart = (date: string, hour = 0) => new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + hour * 3_600_000);

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
