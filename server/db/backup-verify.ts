// Row counts and a checksum per table, to compare two databases after a copy (migrate-to-postgres, the
// backup round trip). The checksum adds up a 64-bit piece of each row's md5 over the row's text, so it
// takes no memory and no sort; the text is made the same on PGlite and PostgreSQL by fixing every
// setting that shapes it (time zone, date, interval, bytea and float output) for the transaction.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './client.ts';
import { appTables, DERIVED_TABLES, ident } from './backup-catalog.ts';

export interface TableChecksum {
  name: string;
  rows: number;
  checksum: string;
}

/**
 * Every table a backup copies, or with `all` also the totals triggers keep. Those are compared on their
 * rows with a figure: a total whose last deal moved away stays as a row of zeros where it was kept, and is
 * never made where it is rebuilt. data_versions counts writes and the transient tables belong to one
 * deployment, so those differ between copies by design and are left out.
 */
export async function tableChecksums(db: Db, opts: { all?: boolean } = {}): Promise<TableChecksum[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      await tx.execute(sql`set local datestyle = 'ISO, MDY'`);
      await tx.execute(sql`set local intervalstyle = 'postgres'`);
      await tx.execute(sql`set local bytea_output = 'hex'`);
      await tx.execute(sql`set local extra_float_digits = 1`);
      const tables = (await appTables(tx, { all: opts.all })).filter(
        (t) => !opts.all || !['data_versions', 'analysis_cache', 'job_leases'].includes(t.name),
      );
      const out: TableChecksum[] = [];
      for (const t of tables) {
        const figures = DERIVED_TABLES.includes(t.name)
          ? sql`where exists (select 1 from jsonb_each(to_jsonb(t)) e where jsonb_typeof(e.value) = 'number' and e.value <> '0'::jsonb)`
          : sql``;
        const [row] = await rowsOf<{ rows: number; checksum: string }>(
          tx,
          sql`select count(*)::int as rows,
                coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint::numeric), 0)::text as checksum
              from ${ident(t.name)} t ${figures}`,
        );
        out.push({ name: t.name, rows: Number(row.rows), checksum: row.checksum });
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The tables whose count or checksum differ between two lists (a table missing from one differs). */
export function checksumDifferences(a: TableChecksum[], b: TableChecksum[]): string[] {
  const other = new Map(b.map((t) => [t.name, t]));
  const names = new Set([...a.map((t) => t.name), ...b.map((t) => t.name)]);
  const mine = new Map(a.map((t) => [t.name, t]));
  return [...names].filter((n) => {
    const x = mine.get(n);
    const y = other.get(n);
    return !x || !y || x.rows !== y.rows || x.checksum !== y.checksum;
  });
}
