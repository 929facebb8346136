// Many rows in one statement that costs one parameter, for bulk loads (a spreadsheet import): the rows go
// to the database as one JSON array, which `jsonb_populate_recordset` turns back into the table's row type.
// Drizzle's multi-row insert binds every cell (500 rows × 35 columns = 17,500 parameters) and spends
// longer building that statement than the database spends running it; it also cannot go past 65,535.
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import { PgArray, type PgColumn, PgJson, PgJsonb, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { rowsOf } from './client.ts';

type Row = Record<string, unknown>;

/** A value as the row type's input reads it from JSON: JSON columns as they are, arrays as arrays. */
function jsonValue(column: PgColumn, value: unknown): unknown {
  if (value === null) return null;
  if (is(column, PgJsonb) || is(column, PgJson)) return value;
  if (is(column, PgArray)) return column.mapToDriverValue(value as unknown[], true);
  return column.mapToDriverValue(value);
}

/**
 * The rows grouped by the columns they set, with drizzle's defaults applied as its own insert would: a
 * column a row leaves out keeps the database's default, so rows that set different columns go in
 * separate statements rather than writing NULL where a default belongs.
 */
function byShape(table: PgTable, rows: Row[]): { columns: PgColumn[]; rows: Row[] }[] {
  const all = Object.entries(getTableColumns(table));
  const shapes = new Map<string, { columns: PgColumn[]; rows: Row[] }>();
  for (const row of rows) {
    const out: Row = {};
    const columns: PgColumn[] = [];
    for (const [key, column] of all) {
      let value = row[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      else if (value === undefined && column.onUpdateFn) value = column.onUpdateFn();
      if (value === undefined) continue;
      // An expression cannot travel in JSON: the callers that need one keep drizzle's insert.
      if (is(value, SQL)) throw new Error(`bulk rows take values, not SQL expressions (${key})`);
      columns.push(column);
      out[column.name] = jsonValue(column, value);
    }
    const signature = columns.map((c) => c.name).join(',');
    let shape = shapes.get(signature);
    if (!shape) shapes.set(signature, (shape = { columns, rows: [] }));
    shape.rows.push(out);
  }
  return [...shapes.values()];
}

const names = (columns: PgColumn[]) => sql.raw(columns.map((c) => `"${c.name}"`).join(', '));

const recordset = (table: PgTable, rows: Row[]): SQL =>
  sql`jsonb_populate_recordset(null::${table}, ${JSON.stringify(rows)}::jsonb)`;

/** Inserts the rows (the table's `$inferInsert` shape) in one statement per set of columns. */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (const shape of byShape(table, rows as Row[])) {
    await db.execute(
      sql`insert into ${table} (${names(shape.columns)}) select ${names(shape.columns)} from ${recordset(table, shape.rows)}`,
    );
  }
}

type Versioned = PgTable & { orgId: PgColumn; id: PgColumn; version: PgColumn };

/**
 * Versioned updates of many rows (server/db/versioned.ts's rule, in bulk): each row's patch applies only if
 * the row still has the version given with it, and bumps it. Answers the ids that were updated; an id
 * missing from the answer was changed by someone else meanwhile.
 */
export async function updateVersionedRows<T extends Versioned>(
  db: Db,
  table: T,
  orgId: string,
  updates: { id: string; version: number; patch: Partial<T['$inferInsert']> }[],
): Promise<Set<string>> {
  const updated = new Set<string>();
  const rows = updates.map((u) => ({ ...u.patch, orgId, id: u.id, version: u.version }));
  const keys = new Set([table.orgId.name, table.id.name, table.version.name]);
  for (const shape of byShape(table, rows)) {
    const set = shape.columns
      .filter((c) => !keys.has(c.name))
      .map((c) => `"${c.name}" = r."${c.name}"`)
      .concat(`"${table.version.name}" = t."${table.version.name}" + 1`)
      .join(', ');
    const done = await rowsOf<{ id: string }>(
      db,
      sql`update ${table} as t set ${sql.raw(set)} from ${recordset(table, shape.rows)} as r
          where t."${sql.raw(table.orgId.name)}" = r."${sql.raw(table.orgId.name)}"
            and t."${sql.raw(table.id.name)}" = r."${sql.raw(table.id.name)}"
            and t."${sql.raw(table.version.name)}" = r."${sql.raw(table.version.name)}"
          returning t."${sql.raw(table.id.name)}" as id`,
    );
    for (const d of done) updated.add(d.id);
  }
  return updated;
}
