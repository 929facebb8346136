import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { viewsService } from './service.ts';
import { SavedView, SavedViewCreate } from '../../../core/schemas/views.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['views'];
const ViewListQuery = Type.Object({ list: Type.Optional(SavedViewCreate.properties.list) });

export async function viewsRoutes(app: App) {
  const views = viewsService(app.db);

  app.get(
    '/views',
    {
      schema: {
        tags,
        querystring: ViewListQuery,
        response: { 200: Type.Object({ items: Type.Array(SavedView) }), 400: ErrorResponse },
      },
    },
    (req) => views.list(actorOf(req), req.query.list),
  );
  app.post(
    '/views',
    { schema: { tags, body: SavedViewCreate, response: { 201: SavedView, 400: ErrorResponse } } },
    async (req, reply) => reply.code(201).send(await views.create(actorOf(req), req.body)),
  );
  app.delete(
    '/views/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      await views.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
