import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

type Versioned = PgTable & { orgId: PgColumn; id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Optimistic concurrency for every editable record: the update applies only if the row still has
 * the version the caller read, and bumps it. False means someone else got there first (409).
 */
export async function updateVersioned<T extends Versioned>(
  db: Db,
  table: T,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<boolean> {
  const res = await db
    .update(table)
    .set({ ...patch, version: version + 1, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(and(eq(table.orgId, orgId), eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  return res.length > 0;
}
