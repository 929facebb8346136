import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { opportunityItems, products } from '../../db/schema.ts';

export type ProductRow = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

export function productsRepository(db: Db) {
  return {
    list(orgId: string, filter: { active?: boolean }) {
      const where: SQL[] = [eq(products.orgId, orgId)];
      if (filter.active !== undefined) where.push(eq(products.active, filter.active));
      return db
        .select()
        .from(products)
        .where(and(...where))
        .orderBy(asc(products.category), asc(products.name), asc(products.id));
    },

    async get(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(products)
        .where(and(eq(products.orgId, orgId), eq(products.id, id)));
      return row;
    },

    /** Row lock for a write; it also makes a concurrent line item on this product wait for us. */
    async lockForWrite(orgId: string, id: string) {
      const [row] = await db
        .select()
        .from(products)
        .where(and(eq(products.orgId, orgId), eq(products.id, id)))
        .for('update');
      return row;
    },

    insert: (row: NewProduct) => db.insert(products).values(row),

    update: (orgId: string, id: string, version: number, patch: Partial<NewProduct>) =>
      updateVersioned(db, products, orgId, id, version, patch),

    remove: (orgId: string, id: string) =>
      db.delete(products).where(and(eq(products.orgId, orgId), eq(products.id, id))),

    async inUse(orgId: string, id: string) {
      const [row] = await db
        .select({ used: sql<boolean>`true` })
        .from(opportunityItems)
        .where(and(eq(opportunityItems.orgId, orgId), eq(opportunityItems.productId, id)))
        .limit(1);
      return !!row;
    },
  };
}
