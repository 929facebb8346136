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
  /**
   * The origin people reach the app at (OPENKAM_PUBLIC_URL, e.g. https://crm.example.com): the SSO
   * redirect URI is built on it (unset, each request's own origin is used, its proxy headers when trusted),
   * and the group robots' messages link back to records there (unset, they carry no links).
   */
  publicUrl?: string;
  logLevel: string;
  webDist: string;
  bodyLimit: number;
  /**
   * Failed logins allowed per e-mail from one address in the window before that address is locked
   * out for that e-mail; past as many per e-mail from anywhere (×4 per address), attempts are slowed.
   */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** The longest a slowed login attempt waits (the wait doubles from 1 s up to this). */
  loginMaxDelaySeconds: number;
  /** Which hops in front of the app are trusted proxies: none, a hop count, or their addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** How far a list's summary counts calls before it says "N+" (OPENKAM_LIST_COUNT_CAP). */
  listCountCap: number;
  /** How many rows an export reads per keyset page (OPENKAM_EXPORT_BATCH): memory stays flat at any size. */
  exportBatchSize: number;
  /** A spreadsheet import's limits: file size in MB (OPENKAM_IMPORT_MAX_MB) and data rows (OPENKAM_IMPORT_MAX_ROWS). */
  importMaxMb: number;
  importMaxRows: number;
  /** Nightly backups: where (OPENKAM_BACKUP_DIR; none, the default, turns them off), how many to keep, from which hour. */
  backupDir?: string;
  backupKeep: number;
  backupHour: number;
}

/** 0–23; anything else (unset, not a whole hour) is 2 o'clock. */
const backupHour = (v: string | undefined) => {
  const h = v ? Number(v) : 2;
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : 2;
};

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
    publicUrl: env.OPENKAM_PUBLIC_URL?.trim() || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: resolve(env.OPENKAM_WEB_DIST ?? './web/dist'),
    bodyLimit: Number(env.OPENKAM_BODY_LIMIT ?? 1024 * 1024),
    listCountCap: Math.max(1, Number(env.OPENKAM_LIST_COUNT_CAP ?? 1_000) || 1_000),
    exportBatchSize: Math.max(1, Number(env.OPENKAM_EXPORT_BATCH ?? 1_000) || 1_000),
    importMaxMb: Math.max(1, Number(env.OPENKAM_IMPORT_MAX_MB ?? 50) || 50),
    importMaxRows: Math.max(1, Number(env.OPENKAM_IMPORT_MAX_ROWS ?? 200_000) || 200_000),
    backupDir: env.OPENKAM_BACKUP_DIR ? resolve(env.OPENKAM_BACKUP_DIR) : undefined,
    backupKeep: Math.max(1, Math.floor(Number(env.OPENKAM_BACKUP_KEEP ?? 7)) || 7),
    backupHour: backupHour(env.OPENKAM_BACKUP_HOUR),
    loginMaxFailures: Number(env.OPENKAM_LOGIN_MAX_FAILURES ?? 5),
    loginWindowMinutes: Number(env.OPENKAM_LOGIN_WINDOW_MINUTES ?? 15),
    loginMaxDelaySeconds: Number(env.OPENKAM_LOGIN_MAX_DELAY_SECONDS ?? 10),
    trustProxy: parseTrustProxy(env.OPENKAM_TRUST_PROXY),
  };
}

/** `1`/`true` = one proxy hop, `2` = two, else a comma-separated list of proxy addresses or CIDRs. */
export function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * Fastify's trustProxy for the config. A hop count becomes a function trusting that many hops from
 * the socket: Fastify's own `true` trusts every hop and so takes the left-most X-Forwarded-For,
 * which the client writes, and its number form trusts none. An address list is compiled by Fastify.
 */
export function proxyTrust(
  trust: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust > 0 && ((_address: string, hop: number) => hop < trust);
  return trust;
}
