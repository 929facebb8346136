// build(): the app on a test database, closed by the caller's afterAll (fastify/demo's build(t)).
// Without configuration overrides, on the worker's database, that is the worker's app (not closed).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../plugins/config.ts';
import type { App } from '../lib/app-type.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase, workerDatabase } from './database.ts';
import { loginFailures } from '../db/schema.ts';

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export interface BuildOptions {
  serveWeb?: boolean;
  /**
   * 'shared' (the default): the worker's database, where other files' organisations live too, so seed
   * an organisation of the file's own (seedOrg) and scope raw SQL to it. 'fresh': an empty database
   * of the file's own, for first-run set-up and for anything that counts or changes every organisation.
   */
  database?: 'shared' | 'fresh';
}

const onShared = new WeakSet<App>();

/** Whether the app works on the worker's shared database (where first-run set-up is long done). */
export const onSharedDatabase = (app: App) => onShared.has(app);

const testConfig = (overrides: Partial<Config>): Config => ({
  ...loadConfig({ OPENKAM_WEB_DIST: process.env.OPENKAM_WEB_DIST }),
  ...overrides,
});

async function ready(config: Config, database: Database, serveWeb: boolean | undefined): Promise<App> {
  const app = await buildApp({ config, database, serveWeb });
  await app.ready();
  return app;
}

/**
 * The app with the default configuration on the worker's database, one with the web bundle and one
 * without, each built once per worker: building one compiles every route's schemas. Its caches are
 * kept per organisation, and each file works in an organisation of its own.
 */
const workerApps = new Map<boolean, Promise<App>>();
function workerApp(serveWeb: boolean): Promise<App> {
  let app = workerApps.get(serveWeb);
  if (!app) {
    app = workerDatabase().then(async (database) => {
      const built = await ready(testConfig({}), database, serveWeb);
      onShared.add(built);
      return built;
    });
    workerApps.set(serveWeb, app);
  }
  return app;
}

export async function build(overrides: Partial<Config> = {}, opts: BuildOptions = {}): Promise<TestApp> {
  if (opts.database === 'fresh') {
    const database = await openTestDatabase();
    const app = await ready(testConfig(overrides), database, opts.serveWeb);
    return {
      app,
      database,
      async close() {
        await app.close();
        await database.close();
      },
    };
  }
  const database = await workerDatabase();
  // Failed sign-ins count per e-mail and per address, not per organisation, and injected requests all
  // come from 127.0.0.1: an earlier file's failures would slow or lock this file's sign-ins.
  await database.db.delete(loginFailures);
  if (Object.keys(overrides).length === 0) {
    // Closing is the worker's business: the next file goes on with the same app.
    return { app: await workerApp(!!opts.serveWeb), database, close: async () => undefined };
  }
  const app = await ready(testConfig(overrides), database, opts.serveWeb);
  onShared.add(app);
  return { app, database, close: () => app.close() };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in API caller: the session cookie rides along on every request. */
export interface Client {
  cookie: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
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
