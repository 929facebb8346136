// The organisation's time zone in SQL (`x at time zone <zone>`): the same zone the TypeScript names
// days in (server/kernel/settings.ts's orgTimeZone), so a day, month or quarter is one thing in both.
import { sql, type SQL } from 'drizzle-orm';

/**
 * The zone as an SQL literal, not a parameter: a GROUP BY must repeat the select list's expression,
 * and two parameters are two expressions. The name passed Intl's check (core/time's isTimeZone);
 * quotes are doubled all the same.
 */
export const zoneSql = (zone: string): SQL => sql.raw(`'${zone.replaceAll("'", "''")}'`);
