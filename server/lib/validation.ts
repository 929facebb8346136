// Request validation with two Ajv instances. Query strings and params arrive as text and need type
// coercion ("50" → 50, "true" → true, a single value → array). JSON bodies must not be coerced:
// with coercion Ajv converts a `null` sent to clear a nullable field inside the first branch of
// the union, so `title: null` became "" and `attitude: null` or `employees: null` became 0.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const base: Options = { removeAdditional: false, allErrors: true, useDefaults: true, addUsedSchema: false };

function make(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...base, coerceTypes });
  addFormats(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const body = make(false);
  const text = make('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as object);
}
