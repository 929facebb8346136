// Request validation with two Ajv instances. Query strings and params arrive as text and need type
// coercion ("50" → 50, "true" → true, a single value → array). JSON bodies must not be coerced:
// with coercion Ajv converts a `null` sent to clear a nullable field inside the first branch of
// the union, so `title: null` became "" and `attitude: null` or `employees: null` became 0.
//
// Before the schema, every request part is inspected as a whole (whatever its schema says): no text
// may hold a control character and no JSON may nest deeper than MAX_JSON_DEPTH. PostgreSQL's text
// cannot store NUL (a 500 from the driver otherwise), the others belong in no field, and a deeply
// nested value overflowed the stack when serialised to jsonb. One check here covers every body,
// query string and path parameter, including free-form JSON that no schema describes.
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const base: Options = { removeAdditional: false, allErrors: true, useDefaults: true, addUsedSchema: false };

/** C0 controls and DEL, except tab, line feed and carriage return (multi-line notes keep theirs). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Containers nested deeper than this are refused; the deepest schema (the scoring model) needs 8. */
export const MAX_JSON_DEPTH = 16;

function make(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...base, coerceTypes });
  addFormats(ajv);
  return ajv;
}

/** An issue shaped like Ajv's, so the errors plugin renders it as any other field error. */
function issue(instancePath: string, keyword: 'controlCharacter' | 'maxDepth'): ErrorObject {
  return keyword === 'maxDepth'
    ? {
        instancePath,
        schemaPath: '',
        keyword,
        params: { limit: MAX_JSON_DEPTH },
        message: `must nest at most ${MAX_JSON_DEPTH} levels`,
      }
    : { instancePath, schemaPath: '', keyword, params: {}, message: 'must not contain control characters' };
}

/** The first control character or over-deep container in a value, depth-first; `level` counts containers. */
export function inspectInput(value: unknown, path = '', level = 0): ErrorObject | null {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? issue(path, 'controlCharacter') : null;
  if (value === null || typeof value !== 'object') return null;
  if (level >= MAX_JSON_DEPTH) return issue(path, 'maxDepth');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inspectInput(value[i], `${path}/${i}`, level + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(key)) return issue(`${path}/${key}`, 'controlCharacter');
    const found = inspectInput(item, `${path}/${key}`, level + 1);
    if (found) return found;
  }
  return null;
}

/** Ajv's validator behind the inspection; Fastify reads `{ error }` as a failed validation. */
function guarded(validate: ValidateFunction) {
  const run = (data: unknown, cxt?: Parameters<ValidateFunction>[1]) => {
    const found = inspectInput(data);
    if (found) return { error: [found] };
    return validate(data, cxt) ? true : { error: validate.errors ?? [] };
  };
  // Fastify hands Ajv the parent object (so a root value can be coerced) only when it sees schemaEnv.
  return Object.assign(run, { schemaEnv: validate.schemaEnv });
}

/**
 * `lazy` compiles each schema when its route first validates (the server's start: compiling every
 * route's schemas up front took about a second of it); otherwise all are compiled as routes load.
 */
export function validatorCompiler({ lazy = false }: { lazy?: boolean } = {}): FastifySchemaCompiler<FastifySchema> {
  const body = make(false);
  const text = make('array');
  const compile = (schema: unknown, httpPart: string | undefined) =>
    guarded((httpPart === 'body' ? body : text).compile(schema as object));
  if (!lazy) return ({ schema, httpPart }) => compile(schema, httpPart);
  return ({ schema, httpPart }) => {
    let compiled: ReturnType<typeof guarded> | undefined;
    const validator = () => (compiled ??= compile(schema, httpPart));
    const run = (data: unknown, cxt?: Parameters<ValidateFunction>[1]) => validator()(data, cxt);
    // Fastify reads schemaEnv before each validation: that first read compiles the schema.
    return Object.defineProperty(run, 'schemaEnv', { get: () => validator().schemaEnv });
  };
}
