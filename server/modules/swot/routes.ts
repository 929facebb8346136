import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { swotService } from './service.ts';
import type { SwotEntity } from './repository.ts';
import { SwotItem, SwotItemCreate, SwotItemUpdate } from '../../../core/schemas/swot.ts';
import { ErrorResponse, Id, IdParams } from '../../../core/schemas/common.ts';

const tags = ['swot'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const ItemParams = Type.Object({ itemId: Id });
const Board = Type.Object({ items: Type.Array(SwotItem) });
const BOARDS: { path: string; type: SwotEntity }[] = [
  { path: '/accounts/:id/swot', type: 'account' },
  { path: '/opportunities/:id/swot', type: 'opportunity' },
];

export async function swotRoutes(app: App) {
  const swot = swotService(app.db);

  for (const { path, type } of BOARDS) {
    app.get(
      path,
      { schema: { tags, params: IdParams, response: { 200: Board, 400: ErrorResponse, 404: ErrorResponse } } },
      (req) => swot.board(actorOf(req), type, req.params.id),
    );
    app.post(
      path,
      { schema: { tags, params: IdParams, body: SwotItemCreate, response: { 201: SwotItem, ...errors } } },
      async (req, reply) => reply.code(201).send(await swot.add(actorOf(req), type, req.params.id, req.body)),
    );
  }
  app.patch(
    '/swot/:itemId',
    { schema: { tags, params: ItemParams, body: SwotItemUpdate, response: { 200: SwotItem, ...errors } } },
    (req) => swot.update(actorOf(req), req.params.itemId, req.body),
  );
  app.delete(
    '/swot/:itemId',
    { schema: { tags, params: ItemParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await swot.remove(actorOf(req), req.params.itemId);
      return reply.code(204).send(null);
    },
  );
}
