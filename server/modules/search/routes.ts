import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { accountsService } from '../accounts/service.ts';
import { contactsService } from '../contacts/service.ts';
import { Id, Nullable } from '../../../core/schemas/common.ts';

const SearchResult = Type.Object({
  accounts: Type.Array(
    Type.Object({ id: Id, name: Type.String(), shortName: Nullable(Type.String()), city: Nullable(Type.String()) }),
  ),
  contacts: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      title: Nullable(Type.String()),
      accountId: Id,
      accountName: Type.String(),
      mobile: Nullable(Type.String()),
    }),
  ),
});

/** The header's global search: the same scoped, indexed search as the two lists, ten of each. */
export async function searchRoutes(app: App) {
  const accounts = accountsService(app.db);
  const contacts = contactsService(app.db);
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: SearchResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Ten names need no health.
      const [a, c] = await Promise.all([
        accounts.list(actor, { q: req.query.q, limit: 10, health: false }),
        contacts.list(actor, { q: req.query.q, limit: 10 }),
      ]);
      return { accounts: a.items, contacts: c.items };
    },
  );
}
