import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { robotsService } from './service.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';
import { DeliveryDetail, DeliveryPage, DeliveryQuery } from '../../../core/schemas/webhooks.ts';
import { Robot, RobotCreate, RobotList, RobotListQuery, RobotUpdate } from '../../../core/schemas/robots.ts';

const tags = ['robots'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function robotsRoutes(app: App) {
  const robots = robotsService(app.db, { publicUrl: app.config.publicUrl });

  app.get(
    '/robots',
    {
      schema: {
        tags,
        querystring: RobotListQuery,
        response: { 200: RobotList, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (req) => robots.list(actorOf(req), req.query),
  );
  app.post(
    '/robots',
    {
      schema: {
        tags,
        description:
          'Adds a team’s 企业微信 / 钉钉 / 飞书 group robot (admin): its webhook URL, signing secret and events (docs/robots.md).',
        body: RobotCreate,
        response: { 201: Robot, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await robots.create(actorOf(req), req.body)),
  );
  app.get('/robots/:id', { schema: { tags, params: IdParams, response: { 200: Robot, ...errors } } }, (req) =>
    robots.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/robots/:id',
    { schema: { tags, params: IdParams, body: RobotUpdate, response: { 200: Robot, ...errors } } },
    (req) => robots.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/robots/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await robots.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/robots/:id/test',
    {
      schema: {
        tags,
        description: 'Queues a test message to the group; its outcome shows in the delivery log.',
        params: IdParams,
        response: { 202: DeliveryDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await robots.test(actorOf(req), req.params.id)),
  );
  app.get(
    '/robots/:id/deliveries',
    { schema: { tags, params: IdParams, querystring: DeliveryQuery, response: { 200: DeliveryPage, ...errors } } },
    (req) => robots.deliveries(actorOf(req), req.params.id, req.query),
  );
}
