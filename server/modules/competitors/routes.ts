import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { competitorsService } from './service.ts';
import { Competitor, CompetitorCreate, CompetitorUpdate } from '../../../core/schemas/catalog.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['competitors'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function competitorsRoutes(app: App) {
  const competitors = competitorsService(app.db);

  app.get(
    '/competitors',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Competitor) }) } } },
    (req) => competitors.list(actorOf(req)),
  );
  app.get(
    '/competitors/:id',
    { schema: { tags, params: IdParams, response: { 200: Competitor, 400: ErrorResponse, 404: ErrorResponse } } },
    (req) => competitors.get(actorOf(req), req.params.id),
  );
  app.post(
    '/competitors',
    { schema: { tags, body: CompetitorCreate, response: { 201: Competitor, ...errors } } },
    async (req, reply) => reply.code(201).send(await competitors.create(actorOf(req), req.body)),
  );
  app.patch(
    '/competitors/:id',
    { schema: { tags, params: IdParams, body: CompetitorUpdate, response: { 200: Competitor, ...errors } } },
    (req) => competitors.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/competitors/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await competitors.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
