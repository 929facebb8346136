import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import fastJsonStringify from 'fast-json-stringify';
import { Nullable } from '../../core/schemas/common.ts';
import { AccountPage } from '../../core/schemas/accounts.ts';
import { nullableAsTypeList, serializerCompiler } from './serialization.ts';

const compile = (schema: unknown) => serializerCompiler()({ schema, method: 'GET', url: '/', httpStatus: '200' });

describe('nullableAsTypeList', () => {
  it('writes a nullable scalar or string enum as a type list, keeping its other keywords', () => {
    const schema = Type.Object({
      a: Nullable(Type.String({ format: 'uuid' })),
      b: Nullable(Type.Integer({ minimum: 0 })),
      c: Nullable(Type.Enum(['A', 'B'])),
      d: Type.Union([Type.Null(), Type.Boolean()], { description: 'null first' }),
    });
    const props = (nullableAsTypeList(schema) as { properties: Record<string, unknown> }).properties;
    expect(props.a).toEqual({ type: ['string', 'null'], format: 'uuid' });
    expect(props.b).toEqual({ type: ['integer', 'null'], minimum: 0 });
    expect(props.c).toEqual({ type: ['string', 'null'] });
    expect(props.d).toEqual({ type: ['boolean', 'null'], description: 'null first' });
  });

  it('writes null, not an empty string, for a nullable date or time', () => {
    const schema = Type.Object({
      at: Nullable(Type.String({ format: 'date-time' })),
      on: Nullable(Type.String({ format: 'date' })),
    });
    const serialize = compile(schema);
    expect(serialize({ at: null, on: null })).toBe('{"at":null,"on":null}');
    expect(serialize({ at: '2027-03-08T01:30:00.000Z', on: '2027-03-08' })).toBe(
      '{"at":"2027-03-08T01:30:00.000Z","on":"2027-03-08"}',
    );
  });

  it('leaves unions of objects, arrays and more than two branches alone', () => {
    const schema = Type.Object({
      o: Nullable(Type.Object({ x: Type.String() })),
      l: Nullable(Type.Array(Type.String())),
      three: Type.Union([Type.String(), Type.Integer(), Type.Null()]),
    });
    const props = (nullableAsTypeList(schema) as { properties: Record<string, { anyOf?: unknown[] }> }).properties;
    expect(props.o.anyOf).toHaveLength(2);
    expect(props.l.anyOf).toHaveLength(2);
    expect(props.three.anyOf).toHaveLength(3);
  });

  it('serializes a page exactly as the schema as written does', () => {
    const item = {
      id: '0190a0c4-1234-7abc-8def-0123456789ab',
      name: '北京市海淀区人民医院 "信息中心"',
      shortName: null,
      ownershipType: 'institution',
      scope: 'regional',
      parentId: null,
      parentName: null,
      industry: '医疗',
      industryCode: null,
      province: '北京',
      city: null,
      regionCode: '110000',
      regionName: '北京市',
      ourRevenue: '1234567.89',
      potential: null,
      financialStatus: null,
      marketStrength: 4,
      relationshipStage: 'deepen',
      tier: 'A',
      score: null,
      recommendedTier: 'B',
      ownerId: '0190a0c4-1234-7abc-8def-0123456789ac',
      ownerName: '张三',
      tags: ['重点'],
      archived: false,
      version: 3,
      createdAt: '2026-01-02T03:04:05.678Z',
      updatedAt: '2026-11-02T03:04:05.678Z',
      health: null,
    };
    const page = { items: [item, { ...item, health: 72, score: 80, city: '北京' }], nextCursor: null };
    const out = compile(AccountPage)(page);
    expect(out).toBe(fastJsonStringify(AccountPage as never)(page));
    expect(JSON.parse(out)).toEqual(page);
  });
});
