import type { Db } from '../../db/client.ts';
import { productsRepository, type NewProduct, type ProductRow } from './repository.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Product, ProductCreate, ProductUpdate } from '../../../core/schemas/catalog.ts';

export const presentProduct = (p: ProductRow): Product => ({
  id: p.id,
  name: p.name,
  category: p.category,
  listPrice: p.listPrice,
  active: p.active,
  version: p.version,
});

export function productsService(db: Db) {
  const repo = productsRepository(db);

  async function get(actor: Actor, id: string) {
    const p = await repo.get(actor.orgId, id);
    if (!p) throw notFound();
    return presentProduct(p);
  }

  return {
    get,
    list: async (actor: Actor, filter: { active?: boolean }) => ({
      items: (await repo.list(actor.orgId, filter)).map(presentProduct),
    }),

    async create(actor: Actor, input: ProductCreate) {
      assertCan(actor, 'create', 'product');
      const id = newId();
      await repo.insert({
        orgId: actor.orgId,
        id,
        name: input.name.trim(),
        category: input.category.trim(),
        listPrice: input.listPrice,
        active: input.active ?? true,
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: ProductUpdate) {
      assertCan(actor, 'update', 'product');
      await db.transaction(async (tx) => {
        const r = productsRepository(tx);
        const current = await r.lockForWrite(actor.orgId, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const patch: Partial<NewProduct> = {};
        if (input.name !== undefined) patch.name = input.name.trim();
        if (input.category !== undefined) patch.category = input.category.trim();
        if (input.listPrice !== undefined) patch.listPrice = input.listPrice;
        if (input.active !== undefined) patch.active = input.active;
        if (!(await r.update(actor.orgId, id, input.version, patch))) throw staleVersion();
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'product');
      await db.transaction(async (tx) => {
        const r = productsRepository(tx);
        // Locked first: a line item added meanwhile waits on this row and then fails its foreign key.
        if (!(await r.lockForWrite(actor.orgId, id))) throw notFound();
        // Deals keep their line items; a product that was sold is retired with active:false instead.
        if (await r.inUse(actor.orgId, id)) throw new AppError(409, 'product_in_use');
        await r.remove(actor.orgId, id);
      });
    },
  };
}
