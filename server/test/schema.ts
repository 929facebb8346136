// Checks a response body against a route's TypeBox schema. Fastify's serializer writes only the
// schema's fields but does not check their values: rows read raw from the driver (times formatted
// by the database, money as text) are checked here.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Fails with Ajv's errors unless `value` matches `schema`. */
export function expectSchema(schema: object, value: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(value) ? [] : validate.errors).toEqual([]);
}
