import type { Static } from 'typebox';
import type { Db } from '../../db/client.ts';
import { viewsRepository, type SavedViewRow } from './repository.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { SavedView, SavedViewCreate } from '../../../core/schemas/views.ts';

export type SavedViewOut = Static<typeof SavedView>;

export const presentView = (v: SavedViewRow): SavedViewOut => ({
  id: v.id,
  list: v.list,
  name: v.name,
  query: v.query as Record<string, unknown>,
});

/**
 * A view's query is free-form JSON (each list's own filters), so its size is bounded here (its depth,
 * like every input's, by the validator): a list's filters take a few hundred characters.
 */
export const MAX_QUERY_LENGTH = 4000;

// Views only hold the caller's own filters, which read through each list's scope rule anyway, so
// every role (viewers too) may save them; ownership is the only rule (server/access).
export function viewsService(db: Db) {
  const repo = viewsRepository(db);

  return {
    list: async (actor: Actor, list?: string) => ({ items: (await repo.list(actor, list)).map(presentView) }),

    async create(actor: Actor, input: Static<typeof SavedViewCreate>): Promise<SavedViewOut> {
      assertCan(actor, 'create', 'savedView');
      const name = input.name.trim();
      if (!name) throw fieldError('name', 'min_length', { limit: 1 });
      if (JSON.stringify(input.query).length > MAX_QUERY_LENGTH)
        throw fieldError('query', 'max_length', { limit: MAX_QUERY_LENGTH });
      const id = newId();
      await repo.insert({ orgId: actor.orgId, id, userId: actor.userId, list: input.list, name, query: input.query });
      return presentView((await repo.get(actor, id))!);
    },

    /** Someone else's view answers 404, as if it did not exist. */
    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'savedView');
      if (!(await repo.remove(actor, id))) throw notFound();
    },
  };
}
