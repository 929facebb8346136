// The schema compilers compiled lazily (the production start, main.ts) answer exactly as compiled up
// front (tests and everything else); only when a schema is compiled differs.
import { afterAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Nullable } from '../../core/schemas/common.ts';
import { validatorCompiler } from './validation.ts';
import { serializerCompiler } from './serialization.ts';

const Item = Type.Object({
  id: Type.Integer(),
  name: Type.String({ minLength: 1 }),
  note: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
});

async function app(lazy: boolean, routes: (app: FastifyInstance) => void = () => {}) {
  const a = Fastify({ ajv: { customOptions: { coerceTypes: 'array', useDefaults: true } } });
  a.setValidatorCompiler(validatorCompiler({ lazy }));
  a.setSerializerCompiler(serializerCompiler({ lazy }));
  a.post('/items/:id', {
    schema: {
      params: Type.Object({ id: Type.Integer() }),
      querystring: Type.Object({ tag: Type.Optional(Type.Array(Type.String())), limit: Type.Integer({ default: 50 }) }),
      body: Type.Object(
        { name: Type.String({ minLength: 1 }), note: Nullable(Type.String()) },
        { additionalProperties: false },
      ),
      response: { 200: Item },
    },
    handler: (req) => {
      const { id } = req.params as { id: number };
      const { tag, limit } = req.query as { tag?: string[]; limit: number };
      const body = req.body as { name: string; note: string | null };
      return { ...body, id, tags: [...(tag ?? []), `limit:${limit}`], extra: 'dropped by the serializer' };
    },
  });
  routes(a);
  await a.ready();
  return a;
}

const requests = [
  { url: '/items/7?tag=a', payload: { name: 'x', note: null } },
  { url: '/items/7?tag=a&tag=b&limit=3', payload: { name: 'x', note: 'n' } },
  { url: '/items/seven', payload: { name: 'x', note: null } },
  { url: '/items/7?limit=many', payload: { name: 'x', note: null } },
  { url: '/items/7', payload: { name: '', note: 0 } },
  { url: '/items/7', payload: { name: 'x', note: null, other: 1 } },
  { url: '/items/7', payload: { name: 'a\u0000b', note: null } },
];

describe('lazy schema compilation', () => {
  const apps: FastifyInstance[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  it('validates, coerces and serializes as the schemas compiled up front do', async () => {
    const [eager, lazy] = await Promise.all([app(false), app(true)]);
    apps.push(eager, lazy);
    for (const r of requests) {
      const [a, b] = await Promise.all([eager.inject({ method: 'POST', ...r }), lazy.inject({ method: 'POST', ...r })]);
      expect(b.statusCode, r.url).toBe(a.statusCode);
      expect(b.body, r.url).toBe(a.body);
    }
    const ok = await lazy.inject({ method: 'POST', ...requests[0] });
    expect(ok.json()).toEqual({ id: 7, name: 'x', note: null, tags: ['a', 'limit:50'] });
  });

  it("compiles a schema at its route's first request, not at start-up", async () => {
    const broken = (a: FastifyInstance) =>
      a.post('/broken', { schema: { body: { $ref: '#/no-such-schema' } } }, () => ({}));
    await expect(app(false, broken)).rejects.toThrow(/no-such-schema/);
    const lazy = await app(true, broken);
    apps.push(lazy);
    expect((await lazy.inject({ method: 'POST', url: '/broken', payload: {} })).statusCode).toBe(500);
  });
});
