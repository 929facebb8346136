// Response serialization: fast-json-stringify, given our schemas with their nullable scalars written
// as type lists. TypeBox writes `Nullable(T)` as `anyOf: [T, {type: 'null'}]`, and for an anyOf
// fast-json-stringify calls an Ajv validator on the value to pick the branch: ~15 calls a row on an
// account list (two of them a uuid regex), a third of the page's serialization time. For a scalar
// `{type: ['string', 'null']}` serializes the same JSON with a typeof test. Validation and the
// OpenAPI document keep the schemas as written.
import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';

type Schema = Record<string, unknown>;

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (v: unknown) => isObject(v) && v.type === 'null' && Object.keys(v).length === 1;

/** The scalar type a branch serializes as (a string enum is a string), or null when it is not a plain scalar. */
function scalarType(branch: Schema): string | null {
  if (branch.anyOf || branch.oneOf || branch.allOf || branch.$ref) return null;
  if (typeof branch.type === 'string') return SCALARS.has(branch.type) ? branch.type : null;
  if (branch.type === undefined && Array.isArray(branch.enum) && branch.enum.every((e) => typeof e === 'string'))
    return 'string';
  return null;
}

/** A copy of `schema` with every `anyOf: [scalar, null]` (either order) written as a type list. */
export function nullableAsTypeList(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableAsTypeList);
  if (!isObject(schema)) return schema;
  const { anyOf, ...rest } = schema;
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNull)) {
    const branch = anyOf.find((b) => !isNull(b));
    const type = isObject(branch) ? scalarType(branch) : null;
    if (isObject(branch) && type) {
      const { enum: _enum, type: _type, ...keywords } = branch;
      return { ...(nullableAsTypeList(rest) as Schema), ...keywords, type: [type, 'null'] };
    }
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = nullableAsTypeList(value);
  return out;
}

/** `lazy` compiles each response schema when its route first answers with it (see validation.ts). */
export function serializerCompiler({ lazy = false }: { lazy?: boolean } = {}): FastifySerializerCompiler<unknown> {
  const compile = (schema: unknown) =>
    fastJsonStringify(nullableAsTypeList(schema) as Parameters<typeof fastJsonStringify>[0]);
  if (!lazy) return ({ schema }) => compile(schema);
  return ({ schema }) => {
    let serialize: ReturnType<typeof compile> | undefined;
    return (data: unknown) => (serialize ??= compile(schema))(data);
  };
}
