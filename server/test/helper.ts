// build(): the app on a fresh test database, closed by the caller's afterAll (fastify/demo's build(t)).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../plugins/config.ts';
import type { App } from '../lib/app-type.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function build(overrides: Partial<Config> = {}, opts: { serveWeb?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({ OPENKAM_WEB_DIST: process.env.OPENKAM_WEB_DIST }), ...overrides };
  const app = await buildApp({ config, database, serveWeb: opts.serveWeb });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in API caller: the session cookie rides along on every request. */
export interface Client {
  cookie: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function clientFor(app: App, cookie: string): Client {
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const opts: InjectOptions = { method, url, headers: { cookie, ...headers } };
    if (body !== undefined) opts.payload = body as InjectOptions['payload'];
    return app.inject(opts);
  };
  return {
    cookie,
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body),
    put: (url, body) => request('PUT', url, body),
    delete: (url) => request('DELETE', url),
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'okam_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `okam_session=${c.value}`;
}

export async function login(app: App, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  return clientFor(app, sessionCookie(res));
}
