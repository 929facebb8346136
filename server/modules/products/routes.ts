import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { productsService } from './service.ts';
import { Product, ProductCreate, ProductUpdate } from '../../../core/schemas/catalog.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['products'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const ProductListQuery = Type.Object({ active: Type.Optional(Type.Boolean()) });

export async function productsRoutes(app: App) {
  const products = productsService(app.db);

  app.get(
    '/products',
    {
      schema: {
        tags,
        querystring: ProductListQuery,
        response: { 200: Type.Object({ items: Type.Array(Product) }), 400: ErrorResponse },
      },
    },
    (req) => products.list(actorOf(req), req.query),
  );
  app.get(
    '/products/:id',
    { schema: { tags, params: IdParams, response: { 200: Product, 400: ErrorResponse, 404: ErrorResponse } } },
    (req) => products.get(actorOf(req), req.params.id),
  );
  app.post(
    '/products',
    { schema: { tags, body: ProductCreate, response: { 201: Product, ...errors } } },
    async (req, reply) => reply.code(201).send(await products.create(actorOf(req), req.body)),
  );
  app.patch(
    '/products/:id',
    { schema: { tags, params: IdParams, body: ProductUpdate, response: { 200: Product, ...errors } } },
    (req) => products.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/products/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await products.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
