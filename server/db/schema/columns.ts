import { numeric, timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision, as JavaScript dates have: keyset cursors round-trip exactly.
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
/** Money is exact: numeric(18,2), a decimal string in JavaScript. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
export const created = () => ts('created_at').notNull().defaultNow();
export const updated = () => ts('updated_at').notNull().defaultNow();
