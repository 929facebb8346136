import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';
import { TokenCreate, TokenCreated, TokenList, TokenListQuery } from '../../../core/schemas/tokens.ts';

const tags = ['tokens'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export async function tokenRoutes(app: App) {
  app.get(
    '/tokens',
    { schema: { tags, querystring: TokenListQuery, response: { 200: TokenList, ...errors } } },
    (req) => app.tokens.list(actorOf(req), req.query.all),
  );
  app.post(
    '/tokens',
    {
      // A token may not mint tokens: that would outlive its own expiry and revocation.
      config: { sessionOnly: true },
      schema: { tags, body: TokenCreate, response: { 201: TokenCreated, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await app.tokens.create(actorOf(req), req.body)),
  );
  app.delete(
    '/tokens/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await app.tokens.revoke(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
