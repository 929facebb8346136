import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  sessionTtlDays: number;
  cookieSecure: boolean;
  /** /api/docs and /api/openapi.json without signing in (OPENKAM_PUBLIC_API_DOCS=1); signed-in users only by default. */
  publicApiDocs: boolean;
  logLevel: string;
  webDist: string;
  bodyLimit: number;
  /** Failed logins allowed per e-mail (and ×4 per address) in the window. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const flag = (v: string | undefined) => v === '1' || v === 'true';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.OPENKAM_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.OPENKAM_ADMIN_EMAIL || undefined,
    adminPassword: env.OPENKAM_ADMIN_PASSWORD || undefined,
    demo: argv.includes('--demo') || flag(env.OPENKAM_DEMO),
    sessionTtlDays: Number(env.OPENKAM_SESSION_DAYS ?? 14),
    cookieSecure: flag(env.OPENKAM_COOKIE_SECURE),
    publicApiDocs: flag(env.OPENKAM_PUBLIC_API_DOCS),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: resolve(env.OPENKAM_WEB_DIST ?? './web/dist'),
    bodyLimit: Number(env.OPENKAM_BODY_LIMIT ?? 1024 * 1024),
    loginMaxFailures: Number(env.OPENKAM_LOGIN_MAX_FAILURES ?? 5),
    loginWindowMinutes: Number(env.OPENKAM_LOGIN_WINDOW_MINUTES ?? 15),
    trustProxy: flag(env.OPENKAM_TRUST_PROXY),
  };
}
