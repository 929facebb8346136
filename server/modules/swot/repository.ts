import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, opportunities, swotItems } from '../../db/schema.ts';
import { accountVisible, type Actor } from '../../access/index.ts';
import { SWOT_QUADRANTS } from '../../../core/enums.ts';

export type SwotEntity = 'account' | 'opportunity';
export type SwotRow = typeof swotItems.$inferSelect;
export type NewSwotItem = typeof swotItems.$inferInsert;

// Boards read S, W, O, T — the enum's order, not the alphabet's.
const quadrantOrder = sql`array_position(array[${sql.join(
  SWOT_QUADRANTS.map((q) => sql`${q}`),
  sql`, `,
)}]::text[], ${swotItems.quadrant})`;

const ofEntity = (orgId: string, type: SwotEntity, entityId: string) =>
  and(eq(swotItems.orgId, orgId), eq(swotItems.entityType, type), eq(swotItems.entityId, entityId));

export function swotRepository(db: Db) {
  return {
    /**
     * Whether the board's entity is in the caller's scope; a deal is visible when its account is.
     * With `lock`, the entity row is held (no key update) so concurrent edits of one board queue up
     * and positions stay dense, while foreign-key checks on the entity are not blocked.
     */
    async entityVisible(actor: Actor, type: SwotEntity, id: string, lock = false): Promise<boolean> {
      if (type === 'account') {
        const q = db
          .select({ id: accounts.id })
          .from(accounts)
          .where(and(accountVisible(actor), eq(accounts.id, id)));
        const rows = lock ? await q.for('no key update') : await q;
        return rows.length > 0;
      }
      const q = db
        .select({ id: opportunities.id })
        .from(opportunities)
        .innerJoin(accounts, and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)))
        .where(and(eq(opportunities.orgId, actor.orgId), eq(opportunities.id, id), accountVisible(actor)));
      const rows = lock ? await q.for('no key update', { of: opportunities }) : await q;
      return rows.length > 0;
    },

    list: (orgId: string, type: SwotEntity, entityId: string) =>
      db
        .select()
        .from(swotItems)
        .where(ofEntity(orgId, type, entityId))
        .orderBy(quadrantOrder, asc(swotItems.position), asc(swotItems.createdAt), asc(swotItems.id)),

    async get(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(swotItems)
        .where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id)));
      return row;
    },

    /** Ids of a quadrant's items in board order, leaving one item out (the one being moved). */
    async quadrantIds(orgId: string, type: SwotEntity, entityId: string, quadrant: string, except: string) {
      const rows = await db
        .select({ id: swotItems.id, position: swotItems.position })
        .from(swotItems)
        .where(and(ofEntity(orgId, type, entityId), eq(swotItems.quadrant, quadrant), ne(swotItems.id, except)))
        .orderBy(asc(swotItems.position), asc(swotItems.createdAt), asc(swotItems.id));
      return rows;
    },

    async nextPosition(orgId: string, type: SwotEntity, entityId: string, quadrant: string) {
      const [row] = await db
        .select({ next: sql<number>`coalesce(max(${swotItems.position}) + 1, 0)::int` })
        .from(swotItems)
        .where(and(ofEntity(orgId, type, entityId), eq(swotItems.quadrant, quadrant)));
      return row?.next ?? 0;
    },

    insert: (row: NewSwotItem) => db.insert(swotItems).values(row),

    update: (orgId: string, id: string, patch: Partial<Pick<NewSwotItem, 'quadrant' | 'text' | 'position'>>) =>
      db
        .update(swotItems)
        .set(patch)
        .where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id))),

    remove: (orgId: string, id: string) =>
      db.delete(swotItems).where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id))),
  };
}
