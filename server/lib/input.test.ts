// Control characters, nesting depth and over-long path ids, for every endpoint the OpenAPI document
// describes (issue 19 items 5, 9 and 10): each is a 400 in the documented shape naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';
import type { ErrorBody } from '../../core/schemas/common.ts';
import { MAX_JSON_DEPTH } from './validation.ts';
import { encodeCursor } from './cursor.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const NUL = 'a\u0000b';
const SOME_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type Path = (string | number)[];

/** Every place in a body schema a string may go (an array's first item stands for all; a free-form value takes one). */
function stringLeaves(s: JsonSchema, path: Path = []): Path[] {
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (branches.length) return dedupe(branches.flatMap((b) => stringLeaves(b, path)));
  const types = s.type === undefined ? [] : [s.type].flat();
  const freeForm = !types.length && !s.properties && !s.items && !s.patternProperties && !s.enum;
  const out: Path[] = types.includes('string') || freeForm || s.enum?.some((v) => typeof v === 'string') ? [path] : [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...stringLeaves(v, [...path, k]));
  for (const v of Object.values(s.patternProperties ?? {})) out.push(...stringLeaves(v, [...path, 'k']));
  if (s.items) out.push(...stringLeaves(s.items, [...path, 0]));
  return out;
}
const dedupe = (paths: Path[]) => [...new Map(paths.map((p) => [p.join('.'), p])).values()];

/** A copy of `base` with `value` at `path`, building objects and arrays on the way. */
function withValue(base: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  const next = copy[head] ?? (typeof rest[0] === 'number' ? [] : {});
  copy[head] = withValue(next, rest, value);
  return copy;
}

/** Path parameters filled with values their schemas accept. */
const urlOf = (path: string, override: Record<string, string> = {}) =>
  path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => override[name] ?? (name === 'year' ? '2030' : name === 'key' ? 'visit' : SOME_ID),
  );

function operations(): { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; op: Operation }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase() as 'GET', path, op })),
  );
}

async function expectRefused(
  res: { statusCode: number; body: string; json<T>(): T },
  field: string,
  code = 'control_character',
) {
  expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
  const body = res.json<ErrorBody>();
  expect(body.code).toBe('validation');
  expect(
    body.fields?.map((x) => [x.path, x.code]),
    field,
  ).toEqual([[field, code]]);
}

describe('control characters (issue 19 item 5)', () => {
  it('are refused in every string field of every write endpoint, naming the field', async () => {
    let endpoints = 0;
    let fields = 0;
    for (const { method, path, op } of operations()) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const leaves = schema ? stringLeaves(schema) : [];
      if (leaves.length) endpoints++;
      for (const leaf of leaves) {
        fields++;
        await expectRefused(
          await f.admin.request(method, `/api${urlOf(path.replace(/^\/api/, ''))}`, withValue({}, leaf, NUL)),
          leaf.join('.'),
        );
      }
    }
    // The issue counted 27 write endpoints with text fields; the walk must not come up empty.
    expect(endpoints).toBeGreaterThanOrEqual(27);
    expect(fields).toBeGreaterThan(200);
  });

  it('are refused in every query and path parameter', async () => {
    let params = 0;
    for (const { method, path, op } of operations()) {
      if (op.requestBody) continue; // the body is validated before the query string
      for (const p of op.parameters ?? []) {
        params++;
        const url = p.in === 'path' ? urlOf(path, { [p.name]: '%00' }) : `${urlOf(path)}?${p.name}=a%00b`;
        await expectRefused(await f.admin.request(method, url), `${p.in === 'path' ? 'params' : 'query'}.${p.name}`);
      }
    }
    expect(params).toBeGreaterThan(100);
  });

  it('are refused in one valid write per module, which PostgreSQL would have refused as a 500', async () => {
    const account = await f.account();
    const [c1, c2] = [
      await f.contact(f.admin, { accountId: account.id }),
      await f.contact(f.admin, { accountId: account.id }),
    ];
    const deal = await f.deal(f.admin, { accountId: account.id });
    const team = await f.team();
    const writes: [string, string, Record<string, unknown>][] = [
      ['/api/teams', '/api/teams', { name: '团队' }],
      ['/api/users', '/api/users', { email: 'nul@example.com', name: '用户', password: 'secret-pass-1', role: 'rep' }],
      ['/api/accounts', '/api/accounts', { name: '客户', ownershipType: 'soe' }],
      ['/api/contacts', '/api/contacts', { accountId: account.id, name: '联系人' }],
      ['/api/contact-links', '/api/contact-links', { fromContactId: c1.id, toContactId: c2.id, kind: 'peer' }],
      ['/api/stages', '/api/stages', { name: '阶段', probability: 50 }],
      [
        '/api/opportunities',
        '/api/opportunities',
        { accountId: account.id, name: '商机', amount: '1000', confirmUnmetCriteria: true },
      ],
      ['/api/opportunities/{id}/notes', `/api/opportunities/${deal.id}/notes`, { kind: 'strength', text: '说明' }],
      ['/api/products', '/api/products', { name: '产品', category: '软件', listPrice: '100.00' }],
      ['/api/competitors', '/api/competitors', { name: '对手' }],
      ['/api/accounts/{id}/swot', `/api/accounts/${account.id}/swot`, { quadrant: 'strengths', text: '优势' }],
      ['/api/views', '/api/views', { list: 'accounts', name: '视图', query: {} }],
      ['/api/activity-types', '/api/activity-types', { key: 'nul_test', name: '类型' }],
      [
        '/api/activities',
        '/api/activities',
        {
          type: 'visit',
          subject: '拜访',
          accountId: account.id,
          plannedStart: '2030-03-04T09:00:00+08:00',
          plannedEnd: '2030-03-04T10:00:00+08:00',
        },
      ],
      ['/api/tasks', '/api/tasks', { title: '任务', dueDate: '2030-03-04' }],
      ['/api/quotas', '/api/quotas', { teamId: team.id, period: '2030', target: '1000.00' }],
    ];
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    for (const [route, url, base] of writes) {
      const schema = doc.paths[route].post.requestBody?.content?.['application/json']?.schema;
      expect(schema, route).toBeDefined();
      for (const leaf of stringLeaves(schema!))
        await expectRefused(await f.admin.post(url, withValue(base, leaf, NUL) as object), leaf.join('.'));
      // The same body without the NUL is accepted: the NUL alone was refused.
      const ok = await f.admin.post(url, base);
      expect([200, 201], `${route}: ${ok.body}`).toContain(ok.statusCode);
    }
  });

  it('are refused in search terms and filters of the lists (a 500 on both databases before)', async () => {
    for (const url of [
      '/api/search?q=%00',
      '/api/accounts?q=a%00b',
      '/api/accounts?tag=a%00b',
      '/api/accounts?province=a%00b',
      '/api/opportunities?redFlag=a%00b',
      '/api/contacts?q=a%00b',
      '/api/activities?q=a%00b',
      '/api/tasks?q=a%00b',
      '/api/pool?q=a%00b',
    ]) {
      await expectRefused(await f.admin.get(url), `query.${url.split('?')[1].split('=')[0]}`);
    }
    // A repeated filter names the offending value.
    await expectRefused(await f.admin.get('/api/accounts?tag=ok&tag=a%01b'), 'query.tag.1');
  });

  it('are refused in a cursor whose sort value holds a NUL', async () => {
    for (const list of ['accounts', 'contacts', 'opportunities']) {
      await expectRefused(
        await f.admin.get(`/api/${list}?sort=name&cursor=${encodeCursor('\u0000', SOME_ID)}`),
        'query.cursor',
        'invalid',
      );
    }
  });

  it('keep tabs and line breaks, which multi-line notes need', async () => {
    const res = await f.admin.post('/api/accounts', {
      name: '客户\t甲',
      ownershipType: 'soe',
      needs: '第一行\r\n第二行\n第三行',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '客户\t甲', needs: '第一行\r\n第二行\n第三行' });
  });
});

describe('nesting depth (issue 19 item 9)', () => {
  const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const postView = (client: Client, query: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/views',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      payload: `{"list":"accounts","name":"深","query":${query}}`,
    });

  it('refuses a saved view nested 5,000 levels deep (a RangeError and 500 before) with a 400 naming the field', async () => {
    const res = await postView(f.admin, nested(5000));
    // The body is level 1 and the query level 2: the first container past the limit is named.
    await expectRefused(res, ['query', ...Array<string>(MAX_JSON_DEPTH - 1).fill('a')].join('.'), 'too_deep');
    expect(res.json<ErrorBody>().fields?.[0].messages.en).toContain(`at most ${MAX_JSON_DEPTH} levels`);
  });

  it('accepts a view nested up to the limit', async () => {
    expect((await postView(f.admin, nested(MAX_JSON_DEPTH - 1))).statusCode).toBe(201);
    expect((await postView(f.admin, nested(MAX_JSON_DEPTH))).statusCode).toBe(400);
  });

  it('refuses deep nesting in any body, even where the schema does not look', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: { cookie: f.admin.cookie, 'content-type': 'application/json' },
      payload: `{"name":"团队","x":${nested(100)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().fields?.[0].code).toBe('too_deep');
  });
});

describe('over-long path ids (issue 19 item 10)', () => {
  it('answer 400 naming params.id on every method, as a short malformed id does, not Fastify 414', async () => {
    for (const id of ['x'.repeat(101), 'x'.repeat(5000)]) {
      for (const [method, url] of [
        ['GET', `/api/accounts/${id}`],
        ['PATCH', `/api/accounts/${id}`],
        ['DELETE', `/api/views/${id}`],
        ['PATCH', `/api/swot/${id}`],
        ['POST', `/api/opportunities/${id}/notes`],
      ] as const) {
        const res = await f.admin.request(
          method,
          url,
          method === 'GET' || method === 'DELETE' ? undefined : { version: 1 },
        );
        expect(res.headers['content-type'], `${method} ${url.slice(0, 30)}`).toMatch(/application\/json/);
        expect(
          res.json<ErrorBody>().fields?.map((x) => x.path),
          `${method} ${url.slice(0, 30)}`,
        ).toEqual([url.includes('swot') ? 'params.itemId' : 'params.id']);
        expect(res.statusCode).toBe(400);
      }
    }
  });

  it('answer a path segment that is not valid percent-encoding with the documented error JSON', async () => {
    const res = await f.admin.request('PATCH', '/api/accounts/%E0%A4%A', { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      code: 'validation',
      messages: { zh: '输入有误', en: 'Invalid input' },
      fields: [{ path: 'params', code: 'invalid' }],
    });
  });
});
