// Security headers on pages, API answers and errors, and the API docs behind sign-in (issue 19 items 4 and 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { build, type TestApp } from '../test/helper.ts';
import { seedOrg, type Factories } from '../test/factories.ts';

/** The CSP header as directive → sources. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const policy = csp(res);
  // Scripts from our origin only: no inline script, no inline handler, no eval.
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers and the API docs over plain HTTP (the default)', () => {
  let t: TestApp;
  let f: Factories;
  let rep: Awaited<ReturnType<Factories['user']>>;
  const dist = mkdtempSync(join(tmpdir(), 'okam-web-'));

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>OpenKAM</title><div id="root"></div>');
    t = await build({ webDist: dist }, { serveWeb: true });
    f = await seedOrg(t.app);
    rep = await f.user({ role: 'rep' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('the web app, an API answer, an API error and an unknown route all carry them', async () => {
    for (const url of ['/', '/accounts/123', '/api/health', '/api/accounts', '/api/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      expectSecurityHeaders(res);
    }
    const page = await t.app.inject({ method: 'GET', url: '/dashboard' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const list = await rep.client.get('/api/accounts');
    expect(list.statusCode).toBe(200);
    expectSecurityHeaders(list);
  });

  it('no HSTS and no upgrade to https over plain HTTP: an intranet address must keep working', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp(res).has('upgrade-insecure-requests')).toBe(false);
  });

  it('signed out, the docs, their assets and the OpenAPI document answer 401', async () => {
    for (const url of [
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/',
      '/api/docs/json',
      '/api/docs/yaml',
      '/api/docs/static/swagger-ui-bundle.js',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code, url).toBe('unauthenticated');
    }
  });

  it('signed in, any user reads the OpenAPI document and the Swagger UI page, under the same CSP', async () => {
    const spec = await rep.client.get('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/accounts', '/api/accounts/{id}', '/api/contacts', '/api/auth/login', '/api/search'])
      expect(Object.keys(doc.paths)).toContain(p);

    let res = await rep.client.get('/api/docs');
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++)
      res = await rep.client.get(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
    expectSecurityHeaders(res);
    expect((await rep.client.get('/api/docs/static/swagger-ui-bundle.js')).statusCode).toBe(200);
    expect((await rep.client.get('/api/docs/json')).statusCode).toBe(200);
  });
});

describe('behind HTTPS with public API docs (OPENKAM_COOKIE_SECURE=1, OPENKAM_PUBLIC_API_DOCS=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build({ cookieSecure: true, publicApiDocs: true });
  });
  afterAll(() => t.close());

  it('sends HSTS and upgrades insecure requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expectSecurityHeaders(res);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(csp(res).has('upgrade-insecure-requests')).toBe(true);
  });

  it('serves the docs and the OpenAPI document to anyone, and nothing else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
  });
});
