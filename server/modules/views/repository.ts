import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { savedViews } from '../../db/schema.ts';
import { viewVisible, type Actor } from '../../access/index.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type NewSavedView = typeof savedViews.$inferInsert;

/** Every query is keyed by the owner: a saved view is private to the user who saved it. */
export function viewsRepository(db: Db) {
  return {
    list(actor: Actor, list?: string) {
      const where: SQL[] = [viewVisible(actor)];
      if (list) where.push(eq(savedViews.list, list));
      return db
        .select()
        .from(savedViews)
        .where(and(...where))
        .orderBy(asc(savedViews.list), asc(savedViews.name), asc(savedViews.id));
    },

    async get(actor: Actor, id: string) {
      const [row] = await db
        .select()
        .from(savedViews)
        .where(and(viewVisible(actor), eq(savedViews.id, id)));
      return row;
    },

    insert: (row: NewSavedView) => db.insert(savedViews).values(row),

    async remove(actor: Actor, id: string) {
      const res = await db
        .delete(savedViews)
        .where(and(viewVisible(actor), eq(savedViews.id, id)))
        .returning({ id: savedViews.id });
      return res.length > 0;
    },
  };
}
