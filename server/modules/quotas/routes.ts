import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { quotasService } from './service.ts';
import { Quota, QuotaCreate, QuotaList, QuotaListQuery, QuotaUpdate } from '../../../core/schemas/forecast.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['quotas'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function quotasRoutes(app: App) {
  const quotas = quotasService(app.db);

  app.get(
    '/quotas',
    { schema: { tags, querystring: QuotaListQuery, response: { 200: QuotaList, 400: ErrorResponse } } },
    (req) => quotas.list(actorOf(req), req.query),
  );
  app.get(
    '/quotas/:id',
    { schema: { tags, params: IdParams, response: { 200: Quota, 400: ErrorResponse, 404: ErrorResponse } } },
    (req) => quotas.get(actorOf(req), req.params.id),
  );
  app.post(
    '/quotas',
    { schema: { tags, body: QuotaCreate, response: { 201: Quota, ...errors } } },
    async (req, reply) => reply.code(201).send(await quotas.create(actorOf(req), req.body)),
  );
  app.patch(
    '/quotas/:id',
    { schema: { tags, params: IdParams, body: QuotaUpdate, response: { 200: Quota, ...errors } } },
    (req) => quotas.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/quotas/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await quotas.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
