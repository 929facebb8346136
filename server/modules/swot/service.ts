import type { Static } from 'typebox';
import type { Db } from '../../db/client.ts';
import { swotRepository, type SwotEntity, type SwotRow } from './repository.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { SwotItem, SwotItemCreate, SwotItemUpdate } from '../../../core/schemas/swot.ts';

type Repo = ReturnType<typeof swotRepository>;

export const presentSwotItem = (s: SwotRow): SwotItem => ({
  id: s.id,
  quadrant: s.quadrant as SwotItem['quadrant'],
  text: s.text,
  position: s.position,
});

function cleanText(text: string) {
  const t = text.trim();
  if (!t) throw fieldError('text', 'min_length', { limit: 1 });
  return t;
}

/** Writes positions 0..n-1 in the given order, touching only rows whose position changed. */
async function renumber(r: Repo, orgId: string, rows: { id: string; position: number }[]) {
  for (const [i, row] of rows.entries()) if (row.position !== i) await r.update(orgId, row.id, { position: i });
}

export function swotService(db: Db) {
  const repo = swotRepository(db);

  /** The item and its board's entity, locked; 404 when either is gone or out of the caller's scope. */
  async function lockItem(r: Repo, actor: Actor, itemId: string) {
    const item = await r.get(actor.orgId, itemId);
    if (!item || !(await r.entityVisible(actor, item.entityType as SwotEntity, item.entityId, true))) throw notFound();
    // Re-read under the board lock: a concurrent move may have changed it while we waited.
    const current = await r.get(actor.orgId, itemId);
    if (!current) throw notFound();
    return current;
  }

  return {
    async board(actor: Actor, type: SwotEntity, entityId: string) {
      if (!(await repo.entityVisible(actor, type, entityId))) throw notFound();
      return { items: (await repo.list(actor.orgId, type, entityId)).map(presentSwotItem) };
    },

    async add(
      actor: Actor,
      type: SwotEntity,
      entityId: string,
      input: Static<typeof SwotItemCreate>,
    ): Promise<SwotItem> {
      assertCan(actor, 'create', 'swotItem');
      const text = cleanText(input.text);
      return db.transaction(async (tx) => {
        const r = swotRepository(tx);
        if (!(await r.entityVisible(actor, type, entityId, true))) throw notFound();
        const id = newId();
        const position = await r.nextPosition(actor.orgId, type, entityId, input.quadrant);
        await r.insert({
          orgId: actor.orgId,
          id,
          entityType: type,
          entityId,
          quadrant: input.quadrant,
          text,
          position,
          createdBy: actor.userId,
        });
        return presentSwotItem((await r.get(actor.orgId, id))!);
      });
    },

    /** Edits the text and/or moves the item: `position` is its 0-based place in the (new) quadrant. */
    async update(actor: Actor, itemId: string, input: Static<typeof SwotItemUpdate>): Promise<SwotItem> {
      assertCan(actor, 'update', 'swotItem');
      const text = input.text === undefined ? undefined : cleanText(input.text);
      return db.transaction(async (tx) => {
        const r = swotRepository(tx);
        const item = await lockItem(r, actor, itemId);
        const type = item.entityType as SwotEntity;
        if (text !== undefined) await r.update(actor.orgId, item.id, { text });
        const quadrant = input.quadrant ?? item.quadrant;
        const moved = quadrant !== item.quadrant;
        if (moved || input.position !== undefined) {
          const target = await r.quadrantIds(actor.orgId, type, item.entityId, quadrant, item.id);
          const here = moved ? target.length : target.filter((x) => x.position < item.position).length;
          const at = Math.min(input.position ?? here, target.length);
          // -1 never matches a dense position, so renumber() always writes the moved item.
          target.splice(at, 0, { id: item.id, position: -1 });
          if (moved) {
            await r.update(actor.orgId, item.id, { quadrant });
            await renumber(
              r,
              actor.orgId,
              await r.quadrantIds(actor.orgId, type, item.entityId, item.quadrant, item.id),
            );
          }
          await renumber(r, actor.orgId, target);
        }
        return presentSwotItem((await r.get(actor.orgId, item.id))!);
      });
    },

    async remove(actor: Actor, itemId: string) {
      assertCan(actor, 'delete', 'swotItem');
      await db.transaction(async (tx) => {
        const r = swotRepository(tx);
        const item = await lockItem(r, actor, itemId);
        await r.remove(actor.orgId, item.id);
        await renumber(
          r,
          actor.orgId,
          await r.quadrantIds(actor.orgId, item.entityType as SwotEntity, item.entityId, item.quadrant, item.id),
        );
      });
    },
  };
}
