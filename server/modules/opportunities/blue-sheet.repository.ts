import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { competitors, contacts, dealNotes, influences, opportunityCompetitors, users } from '../../db/schema.ts';
import { alias } from 'drizzle-orm/pg-core';

const counterpart = alias(users, 'counterpart');

export type InfluenceRow = typeof influences.$inferSelect;

/** The Blue Sheet's parts of a deal: buying influences, manual flags and strengths, competition. */
export function blueSheetRepository(db: Db) {
  return {
    influences: (orgId: string, opportunityIds: string[]) =>
      opportunityIds.length
        ? db
            .select({
              i: influences,
              contactName: contacts.name,
              contactTitle: contacts.title,
              counterpartName: counterpart.name,
            })
            .from(influences)
            .innerJoin(contacts, and(eq(contacts.orgId, influences.orgId), eq(contacts.id, influences.contactId)))
            .leftJoin(
              counterpart,
              and(eq(counterpart.orgId, influences.orgId), eq(counterpart.id, influences.counterpartId)),
            )
            .where(and(eq(influences.orgId, orgId), inArray(influences.opportunityId, opportunityIds)))
            .orderBy(asc(influences.createdAt), asc(influences.id))
        : Promise.resolve([]),

    async influence(orgId: string, opportunityId: string, id: string) {
      const [row] = await db
        .select()
        .from(influences)
        .where(and(eq(influences.orgId, orgId), eq(influences.opportunityId, opportunityId), eq(influences.id, id)));
      return row;
    },

    async hasContact(orgId: string, opportunityId: string, contactId: string) {
      const [row] = await db
        .select({ id: influences.id })
        .from(influences)
        .where(
          and(
            eq(influences.orgId, orgId),
            eq(influences.opportunityId, opportunityId),
            eq(influences.contactId, contactId),
          ),
        );
      return !!row;
    },

    insertInfluence: (row: typeof influences.$inferInsert) => db.insert(influences).values(row),

    async updateInfluence(orgId: string, id: string, version: number, patch: Partial<typeof influences.$inferInsert>) {
      const res = await db
        .update(influences)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(influences.orgId, orgId), eq(influences.id, id), eq(influences.version, version)))
        .returning({ id: influences.id });
      return res.length > 0;
    },

    removeInfluence: (orgId: string, id: string) =>
      db.delete(influences).where(and(eq(influences.orgId, orgId), eq(influences.id, id))),

    notes: (orgId: string, opportunityId: string) =>
      db
        .select({ n: dealNotes, createdByName: users.name })
        .from(dealNotes)
        .leftJoin(users, and(eq(users.orgId, dealNotes.orgId), eq(users.id, dealNotes.createdBy)))
        .where(and(eq(dealNotes.orgId, orgId), eq(dealNotes.opportunityId, opportunityId)))
        .orderBy(asc(dealNotes.createdAt), asc(dealNotes.id)),

    insertNote: (row: typeof dealNotes.$inferInsert) => db.insert(dealNotes).values(row),

    async removeNote(orgId: string, opportunityId: string, id: string) {
      const res = await db
        .delete(dealNotes)
        .where(and(eq(dealNotes.orgId, orgId), eq(dealNotes.opportunityId, opportunityId), eq(dealNotes.id, id)))
        .returning({ id: dealNotes.id });
      return res.length > 0;
    },

    dealCompetitors: (orgId: string, opportunityId: string) =>
      db
        .select({ c: opportunityCompetitors, name: competitors.name })
        .from(opportunityCompetitors)
        .innerJoin(
          competitors,
          and(
            eq(competitors.orgId, opportunityCompetitors.orgId),
            eq(competitors.id, opportunityCompetitors.competitorId),
          ),
        )
        .where(and(eq(opportunityCompetitors.orgId, orgId), eq(opportunityCompetitors.opportunityId, opportunityId)))
        .orderBy(asc(competitors.name)),

    async replaceCompetitors(
      orgId: string,
      opportunityId: string,
      rows: (typeof opportunityCompetitors.$inferInsert)[],
    ) {
      await db
        .delete(opportunityCompetitors)
        .where(and(eq(opportunityCompetitors.orgId, orgId), eq(opportunityCompetitors.opportunityId, opportunityId)));
      if (rows.length) await db.insert(opportunityCompetitors).values(rows);
    },

    async knownCompetitors(orgId: string, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: competitors.id })
        .from(competitors)
        .where(and(eq(competitors.orgId, orgId), inArray(competitors.id, ids)));
      return new Set(rows.map((r) => r.id));
    },
  };
}
