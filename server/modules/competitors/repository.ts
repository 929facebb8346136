import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { competitors, opportunities } from '../../db/schema.ts';

export type CompetitorRow = typeof competitors.$inferSelect;
export type NewCompetitor = typeof competitors.$inferInsert;

export function competitorsRepository(db: Db) {
  return {
    list: (orgId: string) =>
      db
        .select()
        .from(competitors)
        .where(eq(competitors.orgId, orgId))
        .orderBy(asc(competitors.name), asc(competitors.id)),

    async get(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(competitors)
        .where(and(eq(competitors.orgId, orgId), eq(competitors.id, id)));
      return row;
    },

    async lockForWrite(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(competitors)
        .where(and(eq(competitors.orgId, orgId), eq(competitors.id, id)))
        .for('update');
      return row;
    },

    insert: (row: NewCompetitor) => db.insert(competitors).values(row),

    update: (orgId: string, id: string, version: number, patch: Partial<NewCompetitor>) =>
      updateVersioned(db, competitors, orgId, id, version, patch),

    remove: (orgId: string, id: string) =>
      db.delete(competitors).where(and(eq(competitors.orgId, orgId), eq(competitors.id, id))),

    /** Deals lost to this competitor (their won_by reference does not cascade). */
    async wonDeals(orgId: string, id: string) {
      const [row] = await db
        .select({ won: sql<boolean>`true` })
        .from(opportunities)
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.wonByCompetitorId, id)))
        .limit(1);
      return !!row;
    },
  };
}
