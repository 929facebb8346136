// Loads (or reuses) the benchmark organisation. One function per entity, so later issues can add
// opportunities and activities as further steps of seedBench.
import { fillDuplicateKeys } from '../server/db/duplicate-keys.ts';
import { sql } from 'drizzle-orm';
import { analyze, rowsOf, type Db } from '../server/db/client.ts';
import { hashPassword } from '../server/lib/password.ts';
import { accountBatch, benchOrg, contactBatch, type BenchTeam, type BenchUser, type Row } from './generate.ts';

export const BENCH_ORG_NAME = 'OpenKAM Bench';
export const BENCH_PASSWORD = 'openkam123';
/** Bump when the generated data changes shape, so old data sets are rebuilt instead of reused. */
const DATA_VERSION = 2;

export interface SeedOptions {
  accounts: number;
  batchSize: number;
  log: (msg: string) => void;
}

export interface SeedInfo {
  orgId: string;
  users: BenchUser[];
  reused: boolean;
  seconds: number;
  /** Seconds per seeding step, in order. */
  steps: [string, number][];
}

interface Marker {
  version: number;
  accounts: number;
  contacts: number;
  seconds: number;
  // An array, not an object: jsonb reorders object keys.
  steps: [string, number][] | Record<string, number>;
}

const STEP_ORDER = ['org, teams, users', 'accounts + contacts', 'duplicate keys', 'vacuum analyze'];
const stepList = (steps: Marker['steps']): [string, number][] =>
  Array.isArray(steps)
    ? steps
    : Object.entries(steps).sort(([a], [b]) => STEP_ORDER.indexOf(a) - STEP_ORDER.indexOf(b));

/** Times each named seeding step, logs it, and keeps the list for the reuse marker and the report. */
export function stepTimer(log: (msg: string) => void) {
  const steps: [string, number][] = [];
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    const seconds = (performance.now() - t0) / 1000;
    steps.push([name, seconds]);
    log(`${name}: ${seconds.toFixed(1)} s`);
    return out;
  };
  return { steps, timed };
}

/**
 * Inserts rows through jsonb_populate_recordset: one parameter per batch (no 65535-parameter
 * limit), the same statement on PGlite and PostgreSQL, and type conversion done by the server.
 */
export async function bulkInsert(db: Db, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]).join(', ');
  await db.execute(
    sql`insert into ${sql.raw(table)} (${sql.raw(cols)}) select ${sql.raw(cols)} from jsonb_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::jsonb)`,
  );
}

/** Reads the marker of a complete earlier load; null when there is none or it does not match. */
export async function existingSeed(db: Db, accounts: number): Promise<{ orgId: string; marker: Marker } | null> {
  const [org] = await rowsOf<{ id: string; settings: { benchSeed?: Marker } }>(
    db,
    sql`select id, settings from orgs where name = ${BENCH_ORG_NAME}`,
  );
  const marker = org?.settings?.benchSeed;
  if (!org || !marker || marker.version !== DATA_VERSION || marker.accounts !== accounts) return null;
  // The marker is written last, but check the counts anyway: cheap insurance against a data dir
  // that was tampered with or copied half-way.
  const [counts] = await rowsOf<{ a: number; c: number }>(
    db,
    sql`select (select count(*) from accounts where org_id = ${org.id})::int as a, (select count(*) from contacts where org_id = ${org.id})::int as c`,
  );
  if (counts.a !== marker.accounts || counts.c !== marker.contacts) return null;
  return { orgId: org.id, marker };
}

/** True when the database holds anything at all (then a partial load must be wiped first). */
export async function hasAnyOrg(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from orgs`);
  return row.n > 0;
}

export async function seedBench(db: Db, opts: SeedOptions): Promise<SeedInfo> {
  const org = benchOrg();
  const found = await existingSeed(db, opts.accounts);
  if (found) {
    opts.log(`reusing data set (seeded in ${found.marker.seconds.toFixed(0)} s)`);
    return {
      orgId: found.orgId,
      users: org.users,
      reused: true,
      seconds: found.marker.seconds,
      steps: stepList(found.marker.steps),
    };
  }
  if (await hasAnyOrg(db)) throw new Error('database holds other data; wipe it first (BENCH_RESEED=1)');

  const { steps, timed } = stepTimer(opts.log);
  const t0 = performance.now();
  const orgId = org.teams[0].id;
  await timed('org, teams, users', () => seedOrgAndUsers(db, orgId, org.teams, org.users));
  const contacts = await timed('accounts + contacts', () => seedAccountsAndContacts(db, orgId, org.users, opts));
  await timed('duplicate keys', () => fillKeysBulk(db));
  await timed('vacuum analyze', () => analyze(db));
  const seconds = (performance.now() - t0) / 1000;
  const marker: Marker = { version: DATA_VERSION, accounts: opts.accounts, contacts, seconds, steps };
  await db.execute(
    sql`update orgs set settings = jsonb_set(settings, '{benchSeed}', ${JSON.stringify(marker)}::jsonb) where id = ${orgId}`,
  );
  return { orgId, users: org.users, reused: false, seconds, steps };
}

/** Every bench user shares one password, hashed once (argon2 per user would dominate small runs). */
export async function seedOrgAndUsers(db: Db, orgId: string, teams: BenchTeam[], users: BenchUser[]): Promise<void> {
  const hash = await hashPassword(BENCH_PASSWORD);
  await bulkInsert(db, 'orgs', [{ id: orgId, name: BENCH_ORG_NAME }]);
  await bulkInsert(
    db,
    'teams',
    teams.map((t) => ({ org_id: orgId, id: t.id, name: t.name, parent_id: t.parentId })),
  );
  const defaultScope = { admin: 'all', manager: 'team_and_subteams', rep: 'own', viewer: 'team' } as const;
  await bulkInsert(
    db,
    'users',
    users.map((u) => ({
      org_id: orgId,
      id: u.id,
      email: u.email,
      name: u.name,
      password_hash: hash,
      role: u.role,
      data_scope: defaultScope[u.role],
      team_id: u.teamId,
      manager_id: u.managerId,
      active: true,
      version: 1,
    })),
  );
  await bulkInsert(
    db,
    'login_identities',
    users.map((u) => ({ email: u.email, org_id: orgId, user_id: u.id })),
  );
}

/**
 * Accounts and their contacts, batch by batch, in one transaction per batch so a crash leaves
 * whole accounts behind. Returns the number of contacts.
 */
export async function seedAccountsAndContacts(
  db: Db,
  orgId: string,
  users: BenchUser[],
  opts: SeedOptions,
): Promise<number> {
  const reps = users.filter((u) => u.role === 'rep').map((u) => u.id);
  const admin = users.find((u) => u.role === 'admin');
  if (!admin) throw new Error('bench org needs an admin');
  let contacts = 0;
  let lastLog = performance.now();
  for (let from = 0; from < opts.accounts; from += opts.batchSize) {
    const to = Math.min(opts.accounts, from + opts.batchSize);
    const batch = accountBatch(orgId, reps, admin.id, from, to);
    const contactRows = contactBatch(orgId, batch, from);
    contacts += contactRows.length;
    await db.transaction(async (tx) => {
      await bulkInsert(tx, 'accounts', batch.rows);
      // Contacts in slices: a 5,000-account batch has 25,000 of them.
      for (let k = 0; k < contactRows.length; k += opts.batchSize)
        await bulkInsert(tx, 'contacts', contactRows.slice(k, k + opts.batchSize));
    });
    if (performance.now() - lastLog > 15_000 || to === opts.accounts) {
      lastLog = performance.now();
      opts.log(`  ${to.toLocaleString('en')} accounts, ${contacts.toLocaleString('en')} contacts`);
    }
  }
  return contacts;
}

/**
 * The 查重 keys of the loaded rows (server/db/duplicate-keys.ts computes them in TypeScript), written
 * with the per-row triggers off, as the load itself is: a key changes no total, fact or owner copy.
 */
export function fillKeysBulk(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    return fillDuplicateKeys(tx);
  });
}
