import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { activityTypesService } from './service.ts';
import {
  ActivityType,
  ActivityTypeCreate,
  ActivityTypeParams,
  ActivityTypeUpdate,
} from '../../../core/schemas/activities.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['activities'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function activityTypesRoutes(app: App) {
  const types = activityTypesService(app.db);
  app.get(
    '/activity-types',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(ActivityType) }) } } },
    (req) => types.list(actorOf(req)),
  );
  app.post(
    '/activity-types',
    { schema: { tags, body: ActivityTypeCreate, response: { 201: ActivityType, ...errors } } },
    async (req, reply) => reply.code(201).send(await types.create(actorOf(req), req.body)),
  );
  app.patch(
    '/activity-types/:key',
    {
      schema: {
        tags,
        params: ActivityTypeParams,
        body: ActivityTypeUpdate,
        response: { 200: ActivityType, ...errors },
      },
    },
    (req) => types.update(actorOf(req), req.params.key, req.body),
  );
  app.delete(
    '/activity-types/:key',
    { schema: { tags, params: ActivityTypeParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await types.remove(actorOf(req), req.params.key);
      return reply.code(204).send(null);
    },
  );
}
