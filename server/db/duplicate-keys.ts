// The stored matching keys of 查重 (migration 0037): accounts.name_key, contacts.mobile_key and
// email_key, opportunities.name_key. They are core/import/names.ts's keys, computed in TypeScript —
// NFKC, the legal-form suffixes and the phone prefixes have no faithful SQL equivalent — so every
// write path sets them (the repositories' insert and update, the demo seed, the benchmark's rows) and
// rows written before the migration, or brought back from the recycle bin as they were then, get them
// from fillDuplicateKeys, which openDatabase runs after the migrations.
import { sql, type SQL } from 'drizzle-orm';
import { companyNameKey, emailKey, personNameKey, phoneKey } from '../../core/import/names.ts';

/** What the backfill needs of a database or transaction (client.ts's Db, not imported: client.ts imports this). */
interface Executor {
  execute(query: SQL): PromiseLike<unknown>;
}

/** An account's name key ('' when nothing of the name is left to match). */
export const accountNameKey = (name: string): string => companyNameKey(name);

/** A deal's name key: its name without width, case, spaces or punctuation. */
export const dealNameKey = (name: string): string => personNameKey(name);

/**
 * A contact's mobile and e-mail keys: null without a value, '' for a value that cannot match (too few
 * digits, no @), so the backfill can tell a row it has done from one it has not.
 */
export const mobileKeyOf = (mobile: string | null | undefined): string | null =>
  mobile == null ? null : (phoneKey(mobile) ?? '');
export const emailKeyOf = (email: string | null | undefined): string | null =>
  email == null ? null : (emailKey(email) ?? '');

/** The key columns of an insert or patch: a key only for a value the write sets. */
export function accountKeys(row: { name?: string }): { nameKey?: string } {
  return row.name === undefined ? {} : { nameKey: accountNameKey(row.name) };
}
export function dealKeys(row: { name?: string }): { nameKey?: string } {
  return row.name === undefined ? {} : { nameKey: dealNameKey(row.name) };
}
export function contactKeys(row: { mobile?: string | null; email?: string | null }) {
  const out: { mobileKey?: string | null; emailKey?: string | null } = {};
  if (row.mobile !== undefined) out.mobileKey = mobileKeyOf(row.mobile);
  if (row.email !== undefined) out.emailKey = emailKeyOf(row.email);
  return out;
}

/**
 * Holds these matching keys until the transaction ends, so two writers of one key take turns: the
 * second's 查重 runs after the first has committed and sees its row. Without it, two reps registering
 * one customer at the same moment both passed the check (撞单, duplicates.test.ts). Keys are taken in
 * one order, so two writers of the same two keys cannot deadlock.
 */
export async function lockMatchingKeys(db: Executor, keys: string[]): Promise<void> {
  const wanted = [...new Set(keys)].sort();
  if (!wanted.length) return;
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${`{${wanted.map((k) => JSON.stringify(k)).join(',')}}`}::text[]) as k order by k`,
  );
}

const BATCH = 1000;

interface Target {
  table: 'accounts' | 'opportunities' | 'contacts';
  /** Rows still without their keys. */
  missing: SQL;
  /** The source columns read and the key columns written, with how one is computed from the other. */
  source: string[];
  keys: { column: string; of: (r: Record<string, string | null>) => string | null }[];
}

const TARGETS: Target[] = [
  {
    table: 'accounts',
    missing: sql`t.name_key is null`,
    source: ['name'],
    keys: [{ column: 'name_key', of: (r) => accountNameKey(r.name ?? '') }],
  },
  {
    table: 'opportunities',
    missing: sql`t.name_key is null`,
    source: ['name'],
    keys: [{ column: 'name_key', of: (r) => dealNameKey(r.name ?? '') }],
  },
  {
    table: 'contacts',
    missing: sql`((t.mobile is not null and t.mobile_key is null) or (t.email is not null and t.email_key is null))`,
    source: ['mobile', 'email'],
    keys: [
      { column: 'mobile_key', of: (r) => mobileKeyOf(r.mobile) },
      { column: 'email_key', of: (r) => emailKeyOf(r.email) },
    ],
  },
];

/**
 * Computes the keys of rows that lack them, a batch at a time (keyset on org and id, so a row is read
 * once per run); idempotent, and three empty reads once every row has its keys. Only the key columns
 * are written: version and times stay, as nothing a user sees changed. `only` limits it to one
 * organisation's given rows (the recycle bin's restore). Returns how many rows got keys.
 */
export async function fillDuplicateKeys(db: Executor, only?: { orgId: string; ids: string[] }): Promise<number> {
  if (only && !only.ids.length) return 0;
  let filled = 0;
  for (const target of TARGETS) {
    const table = sql.raw(target.table);
    const limit = only ? sql`t.org_id = ${only.orgId} and t.id = any(${`{${only.ids.join(',')}}`}::uuid[])` : sql`true`;
    let after: { orgId: string; id: string } | null = null;
    for (;;) {
      const page: SQL = after ? sql`(t.org_id, t.id) > (${after.orgId}::uuid, ${after.id}::uuid)` : sql`true`;
      // Raw rows: both drivers expose `rows`.
      const { rows } = (await db.execute(
        sql`select t.org_id, t.id, ${sql.raw(target.source.map((c) => `t.${c}`).join(', '))}
              from ${table} t
             where ${target.missing} and ${limit} and ${page}
             order by t.org_id, t.id
             limit ${BATCH}`,
      )) as unknown as { rows: (Record<string, string | null> & { org_id: string; id: string })[] };
      if (!rows.length) break;
      const values = rows.map((r) => [r.org_id, r.id, ...target.keys.map((k) => k.of(r))]);
      const sets = target.keys.map((k, i) => `${k.column} = (v->>${i + 2})`).join(', ');
      // One statement per batch: the batch's (org, id, keys…) as a JSON array of arrays.
      await db.execute(
        sql`update ${table} t set ${sql.raw(sets)}
              from jsonb_array_elements(${JSON.stringify(values)}::jsonb) v
             where t.org_id = (v->>0)::uuid and t.id = (v->>1)::uuid`,
      );
      filled += rows.length;
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1];
      after = { orgId: last.org_id, id: last.id };
    }
  }
  return filled;
}
