import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobLeases } from '../../db/schema.ts';

export function jobsRepository(db: Db) {
  return {
    ensure: (name: string, nextRunAt: Date) => db.insert(jobLeases).values({ name, nextRunAt }).onConflictDoNothing(),

    /** Atomically takes a due job's lease; exactly one instance gets the row back. */
    async claim(name: string, owner: string, now: Date, leaseMs: number) {
      const rows = await db
        .update(jobLeases)
        .set({ lockedUntil: new Date(now.getTime() + leaseMs), lockedBy: owner })
        .where(
          and(
            eq(jobLeases.name, name),
            lte(jobLeases.nextRunAt, now),
            or(isNull(jobLeases.lockedUntil), lt(jobLeases.lockedUntil, now)),
          ),
        )
        .returning({ name: jobLeases.name });
      return rows.length > 0;
    },

    /** Only the lease holder finishes: a run that outlived its lease must not clear a newer holder's. */
    finish: (name: string, owner: string, nextRunAt: Date, error: string | null) =>
      db
        .update(jobLeases)
        .set({ nextRunAt, lockedUntil: null, lockedBy: null, lastRunAt: new Date(), lastError: error })
        .where(and(eq(jobLeases.name, name), eq(jobLeases.lockedBy, owner))),

    get: async (name: string) => (await db.select().from(jobLeases).where(eq(jobLeases.name, name)))[0],
  };
}
