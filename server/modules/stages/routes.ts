import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { stagesService } from './service.ts';
import { Stage, StageCreate, StageOrder, StageUpdate } from '../../../core/schemas/catalog.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['stages'];
const StageList = Type.Object({ items: Type.Array(Stage) });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function stagesRoutes(app: App) {
  const stages = stagesService(app.db);
  app.get('/stages', { schema: { tags, response: { 200: StageList } } }, (req) => stages.list(actorOf(req)));
  app.post(
    '/stages',
    { schema: { tags, body: StageCreate, response: { 201: Stage, ...errors } } },
    async (req, reply) => reply.code(201).send(await stages.create(actorOf(req), req.body)),
  );
  app.patch(
    '/stages/:id',
    { schema: { tags, params: IdParams, body: StageUpdate, response: { 200: Stage, ...errors } } },
    (req) => stages.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/stages/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await stages.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put('/stages/order', { schema: { tags, body: StageOrder, response: { 200: StageList, ...errors } } }, (req) =>
    stages.reorder(actorOf(req), req.body.ids),
  );
}
