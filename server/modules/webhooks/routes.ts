import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { webhooksService } from './service.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';
import {
  Delivery,
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  OutboundSettings,
  Webhook,
  WebhookCreate,
  WebhookList,
  WebhookUpdate,
  WebhookWithSecret,
} from '../../../core/schemas/webhooks.ts';

const tags = ['webhooks'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function webhooksRoutes(app: App) {
  const webhooks = webhooksService(app.db);

  app.get('/webhooks', { schema: { tags, response: { 200: WebhookList, 403: ErrorResponse } } }, (req) =>
    webhooks.list(actorOf(req)),
  );
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        description:
          'Subscribes a URL to events (admin). The answer holds the signing secret, this once (docs/webhooks.md).',
        body: WebhookCreate,
        response: { 201: WebhookWithSecret, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await webhooks.create(actorOf(req), req.body)),
  );
  app.get('/webhooks/:id', { schema: { tags, params: IdParams, response: { 200: Webhook, ...errors } } }, (req) =>
    webhooks.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/webhooks/:id',
    { schema: { tags, params: IdParams, body: WebhookUpdate, response: { 200: Webhook, ...errors } } },
    (req) => webhooks.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/webhooks/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await webhooks.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/webhooks/:id/secret',
    {
      schema: {
        tags,
        description: 'Generates a new signing secret, returned this once.',
        params: IdParams,
        response: { 200: WebhookWithSecret, ...errors },
      },
    },
    (req) => webhooks.rotateSecret(actorOf(req), req.params.id),
  );
  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags,
        description: 'Queues a signed `webhook.test` delivery to the URL.',
        params: IdParams,
        response: { 202: Delivery, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await webhooks.test(actorOf(req), req.params.id)),
  );
  app.get(
    '/webhooks/:id/deliveries',
    { schema: { tags, params: IdParams, querystring: DeliveryQuery, response: { 200: DeliveryPage, ...errors } } },
    (req) => webhooks.deliveries(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/webhook-deliveries/:id',
    { schema: { tags, params: IdParams, response: { 200: DeliveryDetail, ...errors } } },
    (req) => webhooks.delivery(actorOf(req), req.params.id),
  );
  app.post(
    '/webhook-deliveries/:id/resend',
    {
      schema: {
        tags,
        description: 'Sends a delivery again now, with the same X-OpenKAM-Delivery id and body.',
        params: IdParams,
        response: { 200: Delivery, ...errors },
      },
    },
    (req) => webhooks.resend(actorOf(req), req.params.id),
  );
  app.get('/settings/outbound', { schema: { tags, response: { 200: OutboundSettings, ...errors } } }, (req) =>
    webhooks.outbound(actorOf(req)),
  );
  app.put(
    '/settings/outbound',
    {
      schema: {
        tags,
        description: 'Whether webhooks and robots may send to private networks (admin).',
        body: OutboundSettings,
        response: { 200: OutboundSettings, ...errors },
      },
    },
    (req) => webhooks.putOutbound(actorOf(req), req.body),
  );
}
