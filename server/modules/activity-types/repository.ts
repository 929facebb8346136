import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, activityTypes, orgs } from '../../db/schema.ts';
import { BUILTIN_ACTIVITY_TYPES } from '../../../core/enums.ts';

export type ActivityTypeRow = typeof activityTypes.$inferSelect;
export type NewActivityType = typeof activityTypes.$inferInsert;

const ofKey = (orgId: string, key: string) => and(eq(activityTypes.orgId, orgId), eq(activityTypes.key, key));

export function activityTypesRepository(db: Db) {
  return {
    list: (orgId: string) =>
      db
        .select()
        .from(activityTypes)
        .where(eq(activityTypes.orgId, orgId))
        .orderBy(asc(activityTypes.position), asc(activityTypes.key)),

    async get(orgId: string, key: string) {
      const [row] = await db.select().from(activityTypes).where(ofKey(orgId, key));
      return row;
    },

    async lock(orgId: string, key: string) {
      const [row] = await db.select().from(activityTypes).where(ofKey(orgId, key)).for('update');
      return row;
    },

    /** Inserts what is missing and leaves existing rows (renamed, remapped or deactivated) alone. */
    insertMissing: (rows: NewActivityType[]) =>
      rows.length ? db.insert(activityTypes).values(rows).onConflictDoNothing() : Promise.resolve(),

    async update(orgId: string, key: string, version: number, patch: Partial<NewActivityType>) {
      const res = await db
        .update(activityTypes)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(ofKey(orgId, key), eq(activityTypes.version, version)))
        .returning({ key: activityTypes.key });
      return res.length > 0;
    },

    remove: (orgId: string, key: string) => db.delete(activityTypes).where(ofKey(orgId, key)),

    async inUse(orgId: string, key: string) {
      const [row] = await db
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.orgId, orgId), eq(activities.type, key)))
        .limit(1);
      return !!row;
    },

    async nextPosition(orgId: string) {
      const [row] = await db
        .select({ p: sql<number>`coalesce(max(${activityTypes.position}), -1)::int + 1` })
        .from(activityTypes)
        .where(eq(activityTypes.orgId, orgId));
      return row?.p ?? 0;
    },

    /** Organisations lacking one of the built-in types (created before activities existed). */
    async orgsMissingBuiltins() {
      const rows = await db
        .select({ id: orgs.id })
        .from(orgs)
        .where(
          sql`(select count(*) from ${activityTypes} t where t.org_id = ${orgs.id} and t.builtin) < ${BUILTIN_ACTIVITY_TYPES.length}`,
        );
      return rows.map((r) => r.id);
    },
  };
}
