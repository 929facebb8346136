// What a backup copies and in which order, read from the database's own catalog so that a table added by
// a later migration is copied without a list to update: every table of the public schema in foreign-key
// order (parents first), its primary key (the keyset order), its columns, and the self-references a
// restore fills in after the table (a parent account may sort after its child by id).
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './client.ts';
import journal from './migrations/meta/_journal.json' with { type: 'json' };

/**
 * Kept by triggers (docs/triggers.md): not written to a backup, rebuilt by the triggers as the rows they
 * are kept from go back in, so a restored database's figures follow its rows whatever the file held.
 */
export const DERIVED_TABLES = [
  'account_facts',
  'activity_month_counts',
  'data_versions',
  'forecast_totals',
  'pipeline_snapshot_totals',
  'pipeline_totals',
];

/**
 * Neither data nor derived from it: a cache of analyses, the scheduler's leases of this deployment, and
 * events not yet turned into deliveries (news about the data the backup replaces).
 */
export const TRANSIENT_TABLES = ['analysis_cache', 'job_leases', 'event_outbox'];

export interface TableInfo {
  name: string;
  /** Primary-key columns in key order: the keyset order rows are read in. */
  key: string[];
  /** Columns a restore may write (generated columns left out), in table order. */
  columns: string[];
  /** Columns of a foreign key to the same table (without org_id): written after the table's rows. */
  selfRefs: string[];
}

interface Fk {
  table: string;
  ref: string;
  columns: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const ident = (name: string) => sql.raw(q(name));
export const identList = (names: string[]) => sql.raw(names.map(q).join(', '));

/** Every table of the public schema in dependency order; `all` also lists derived and transient ones. */
export async function appTables(db: Db, opts: { all?: boolean } = {}): Promise<TableInfo[]> {
  const tables = await rowsOf<{ name: string; key: string[] | null; columns: string[] }>(
    db,
    sql`select c.relname as name,
          (select array_agg(a.attname::text order by k.n) from pg_index i
             cross join unnest(i.indkey) with ordinality as k(attnum, n)
             join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
           where i.indrelid = c.oid and i.indisprimary) as key,
          (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
           where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  const fks = await rowsOf<Fk>(
    db,
    sql`select c.conrelid::regclass::text as table, c.confrelid::regclass::text as ref,
          (select array_agg(a.attname::text order by k.n) from unnest(c.conkey) with ordinality as k(attnum, n)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
        from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const skip = new Set(opts.all ? [] : [...DERIVED_TABLES, ...TRANSIENT_TABLES]);
  const infos = tables
    .filter((t) => !skip.has(t.name))
    .map((t) => ({
      name: t.name,
      key: t.key ?? t.columns,
      columns: t.columns,
      selfRefs: [
        ...new Set(
          fks
            .filter((f) => f.table === t.name && f.ref === t.name)
            .flatMap((f) => f.columns.filter((c) => c !== 'org_id')),
        ),
      ],
    }));
  return dependencyOrder(infos, fks);
}

/** Parents before children (Kahn's algorithm, ties by name); self-references do not order. */
function dependencyOrder(infos: TableInfo[], fks: Fk[]): TableInfo[] {
  const byName = new Map(infos.map((t) => [t.name, t]));
  const parents = new Map(infos.map((t) => [t.name, new Set<string>()]));
  for (const f of fks)
    if (f.table !== f.ref && byName.has(f.table) && byName.has(f.ref)) parents.get(f.table)?.add(f.ref);
  const out: TableInfo[] = [];
  const done = new Set<string>();
  while (out.length < infos.length) {
    const ready = infos.filter((t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p)));
    // A cycle across tables would need deferred columns there too; the schema has none, so say so loudly.
    if (!ready.length)
      throw new Error(`backup: a foreign-key cycle among ${infos.filter((t) => !done.has(t.name)).map((t) => t.name)}`);
    for (const t of ready) {
      out.push(t);
      done.add(t.name);
    }
  }
  return out;
}

export interface SchemaVersion {
  /** The last applied migration's tag (its file name), when this build's journal knows it. */
  tag: string | null;
  hash: string;
  /** The migration's journal time: migrations apply in this order, so a larger one is newer. */
  createdAt: number;
}

const tagOf = (createdAt: number) => journal.entries.find((e) => e.when === createdAt)?.tag ?? null;

/** The newest migration this build of OpenKAM knows. */
export const codeSchemaVersion = (): { tag: string; createdAt: number } => {
  const last = journal.entries[journal.entries.length - 1];
  return { tag: last.tag, createdAt: last.when };
};

/** The last migration applied to the database (drizzle's own record of them). */
export async function databaseSchemaVersion(db: Db): Promise<SchemaVersion> {
  const [row] = await rowsOf<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!row) throw new Error('backup: the database has no migrations applied');
  const createdAt = Number(row.created_at);
  return { tag: tagOf(createdAt), hash: row.hash, createdAt };
}

/** Sequences owned by a column of an app table, set past that column's largest value after a restore. */
export async function resetSequences(db: Db): Promise<number> {
  const seqs = await rowsOf<{ seq: string; tbl: string; col: string }>(
    db,
    sql`select s.oid::regclass::text as seq, t.relname as tbl, a.attname as col
        from pg_class s join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = t.relnamespace
        where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const s of seqs)
    await db.execute(
      sql`select setval(${s.seq}::regclass, coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 0) + 1, false)`,
    );
  return seqs.length;
}
