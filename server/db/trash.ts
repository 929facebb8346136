// The recycle bin's mechanism: what a deleted record takes with it, and how it comes back.
//
// A deleted account, contact, deal or call is removed from its tables for real, so every list, total,
// forecast, analysis and trigger-kept figure forgets it without knowing the bin exists. Before the
// delete, the record's rows and the rows its delete would cascade to are copied (`to_jsonb`) into one
// `recycle_bin` entry, with the rows elsewhere whose foreign key would be set to null. Restoring
// inserts the rows again, parents first (the triggers rebuild totals, facts and copied names as for
// any insert), and points those links back. A dependent row whose other side has gone since (an
// influence on a deal deleted meanwhile) cannot come back and is counted as skipped; the record itself
// failing a constraint is the caller's conflict to report.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';
import { fillDuplicateKeys } from './duplicate-keys.ts';
import { AppError, sqlState } from '../lib/errors.ts';
import type { BinEntity } from '../../core/schemas/recycle-bin.ts';

export type { BinEntity };

/** Rows of `table` that go with the record: `where` is a condition on the table's alias `t`. */
interface Part {
  table: string;
  where: (org: string, id: string) => SQL;
}
/** Rows of `table` whose `column` points into the record's rows (at `target`) and is set to null by the delete. */
interface Link {
  table: string;
  column: string;
  target: string;
  where: (org: string, id: string) => SQL;
}
interface Spec {
  parts: Part[];
  links: Link[];
}

const own =
  (column: string): Part['where'] =>
  (_org, id) =>
    sql`t.${sql.raw(column)} = ${id}`;
const contactsOf = (org: string, id: string) =>
  sql`(select c.id from contacts c where c.org_id = ${org} and c.account_id = ${id})`;
const activitiesOf = (org: string, id: string) =>
  sql`(select a.id from activities a where a.org_id = ${org} and a.account_id = ${id})`;
const swotOf =
  (entity: string): Part['where'] =>
  (_org, id) =>
    sql`t.entity_type = ${entity} and t.entity_id = ${id}`;

/**
 * Parents before children: restore inserts in this order. The parts are exactly what the root's delete
 * cascades to (plus SWOT items, which have no foreign key); `trash.test.ts` checks that deleting and
 * restoring leaves every table as it was, so a new table that cascades from these must be listed here.
 */
const SPECS: Record<BinEntity, Spec> = {
  opportunity: {
    parts: [
      { table: 'opportunities', where: own('id') },
      { table: 'opportunity_items', where: own('opportunity_id') },
      { table: 'stage_history', where: own('opportunity_id') },
      { table: 'influences', where: own('opportunity_id') },
      { table: 'deal_notes', where: own('opportunity_id') },
      { table: 'opportunity_competitors', where: own('opportunity_id') },
      { table: 'swot_items', where: swotOf('opportunity') },
    ],
    links: [
      { table: 'activities', column: 'opportunity_id', target: 'opportunities', where: own('opportunity_id') },
      { table: 'tasks', column: 'opportunity_id', target: 'opportunities', where: own('opportunity_id') },
    ],
  },
  contact: {
    parts: [
      { table: 'contacts', where: own('id') },
      { table: 'contact_links', where: (_o, id) => sql`(t.from_contact_id = ${id} or t.to_contact_id = ${id})` },
      { table: 'activity_contacts', where: own('contact_id') },
      { table: 'influences', where: own('contact_id') },
    ],
    links: [
      { table: 'contacts', column: 'reports_to_id', target: 'contacts', where: own('reports_to_id') },
      { table: 'tasks', column: 'contact_id', target: 'contacts', where: own('contact_id') },
    ],
  },
  activity: {
    parts: [
      { table: 'activities', where: own('id') },
      { table: 'activity_contacts', where: own('activity_id') },
      { table: 'activity_users', where: own('activity_id') },
    ],
    links: [{ table: 'tasks', column: 'activity_id', target: 'activities', where: own('activity_id') }],
  },
  account: {
    parts: [
      { table: 'accounts', where: own('id') },
      { table: 'account_members', where: own('account_id') },
      { table: 'contacts', where: own('account_id') },
      {
        table: 'contact_links',
        where: (o, id) => sql`(t.from_contact_id in ${contactsOf(o, id)} or t.to_contact_id in ${contactsOf(o, id)})`,
      },
      { table: 'activities', where: own('account_id') },
      {
        table: 'activity_contacts',
        where: (o, id) => sql`(t.activity_id in ${activitiesOf(o, id)} or t.contact_id in ${contactsOf(o, id)})`,
      },
      { table: 'activity_users', where: (o, id) => sql`t.activity_id in ${activitiesOf(o, id)}` },
      { table: 'influences', where: (o, id) => sql`t.contact_id in ${contactsOf(o, id)}` },
      { table: 'swot_items', where: swotOf('account') },
    ],
    links: [
      { table: 'tasks', column: 'account_id', target: 'accounts', where: own('account_id') },
      {
        table: 'tasks',
        column: 'contact_id',
        target: 'contacts',
        where: (o, id) => sql`t.contact_id in ${contactsOf(o, id)}`,
      },
      {
        table: 'tasks',
        column: 'activity_id',
        target: 'activities',
        where: (o, id) => sql`t.activity_id in ${activitiesOf(o, id)}`,
      },
    ],
  },
};

type Row = Record<string, unknown>;
export interface Captured {
  rows: { table: string; rows: Row[] }[];
  links: { table: string; column: string; target: string; pairs: [string, string][] }[];
}

/**
 * Copies the record's rows and links, then deletes them (children first, so the root's cascade finds
 * nothing left and SWOT items, which no foreign key reaches, go too). Call inside the transaction
 * that locked the record.
 */
export async function captureAndDelete(tx: Db, entity: BinEntity, org: string, id: string): Promise<Captured> {
  const spec = SPECS[entity];
  const rows: Captured['rows'] = [];
  for (const p of spec.parts) {
    const [r] = await rowsOf<{ rows: Row[] }>(
      tx,
      sql`select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from ${sql.raw(p.table)} t where t.org_id = ${org} and ${p.where(org, id)}`,
    );
    rows.push({ table: p.table, rows: r.rows });
  }
  const links: Captured['links'] = [];
  for (const l of spec.links) {
    const found = await rowsOf<{ id: string; value: string }>(
      tx,
      sql`select t.id, t.${sql.raw(l.column)} as value from ${sql.raw(l.table)} t where t.org_id = ${org} and ${l.where(org, id)}`,
    );
    // A link inside the record's own rows (a contact reporting to another of the same deleted account) comes back with them.
    const inside = new Set(rows.filter((r) => r.table === l.table).flatMap((r) => r.rows.map((x) => x.id as string)));
    const pairs = found.filter((f) => !inside.has(f.id)).map((f): [string, string] => [f.id, f.value]);
    if (pairs.length) links.push({ table: l.table, column: l.column, target: l.target, pairs });
  }
  for (const p of [...spec.parts].reverse()) {
    await tx.execute(sql`delete from ${sql.raw(p.table)} t where t.org_id = ${org} and ${p.where(org, id)}`);
  }
  return { rows, links };
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const KEYED_TABLES = new Set(['accounts', 'contacts', 'opportunities']);

/** The table's current columns that the stored rows carry: a column added since keeps its default. */
async function columnsOf(tx: Db, table: string, rows: Row[]): Promise<string[]> {
  const current = await rowsOf<{ name: string }>(
    tx,
    sql`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`,
  );
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  return current.map((c) => c.name).filter((c) => keys.has(c) && IDENT.test(c));
}

function insertRows(tx: Db, table: string, columns: string[], rows: Row[]) {
  const cols = sql.raw(columns.join(', '));
  return tx.execute(
    sql`insert into ${sql.raw(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::jsonb)`,
  );
}

const FK_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';

/**
 * Inserts the captured rows again and points the links back; returns how many dependent rows could not
 * come back because what they point at has gone. The record's own row failing a foreign key answers
 * 409 `restore_parent_missing` (its account or stage is gone), a unique constraint 409 `restore_conflict`.
 */
export async function restoreCaptured(tx: Db, org: string, captured: Captured): Promise<{ skipped: number }> {
  let skipped = 0;
  for (const [i, part] of captured.rows.entries()) {
    if (!part.rows.length) continue;
    const columns = await columnsOf(tx, part.table, part.rows);
    try {
      // In a savepoint, so a failed bulk insert leaves the transaction usable for the row-by-row pass.
      await tx.transaction((sp) => insertRows(sp, part.table, columns, part.rows));
    } catch (e) {
      const state = sqlState(e);
      if (i === 0) {
        if (state === FK_VIOLATION) throw new AppError(409, 'restore_parent_missing');
        if (state === UNIQUE_VIOLATION) throw new AppError(409, 'restore_conflict');
        throw e;
      }
      if (state !== FK_VIOLATION && state !== UNIQUE_VIOLATION) throw e;
      skipped += await insertOneByOne(tx, part.table, columns, part.rows);
    }
  }
  for (const l of captured.links) {
    const pairs = JSON.stringify(l.pairs.map(([rowId, value]) => ({ id: rowId, value })));
    const col = sql.raw(l.column);
    // Only rows still unlinked: one linked elsewhere since keeps its new link.
    await tx.execute(sql`update ${sql.raw(l.table)} t set ${col} = v.value
      from jsonb_to_recordset(${pairs}::jsonb) as v(id uuid, value uuid)
      where t.org_id = ${org} and t.id = v.id and t.${col} is null
        and exists (select 1 from ${sql.raw(l.target)} p where p.org_id = ${org} and p.id = v.value)`);
  }
  // Rows deleted before migration 0037 come back without their 查重 keys (the column's default).
  const keyed = captured.rows.filter((p) => KEYED_TABLES.has(p.table)).flatMap((p) => p.rows.map((r) => String(r.id)));
  await fillDuplicateKeys(tx, { orgId: org, ids: keyed });
  return { skipped };
}

/** Rows one at a time, repeated while any goes in (a row may point at another of the same table). */
async function insertOneByOne(tx: Db, table: string, columns: string[], rows: Row[]): Promise<number> {
  let pending = rows;
  for (;;) {
    const failed: Row[] = [];
    for (const row of pending) {
      try {
        await tx.transaction((sp) => insertRows(sp, table, columns, [row]));
      } catch (e) {
        const state = sqlState(e);
        if (state !== FK_VIOLATION && state !== UNIQUE_VIOLATION) throw e;
        failed.push(row);
      }
    }
    if (failed.length === 0 || failed.length === pending.length) return failed.length;
    pending = failed;
  }
}

/** What the bin shows of an entry without opening its rows. */
export interface BinLabel {
  name: string;
  accountId: string;
  amount?: string | null;
  /** The record's own owner; the account's owner is added, and whoever sees either sees the entry. */
  ownerId: string | null;
}

/**
 * Moves a record the caller has locked into the recycle bin: its rows and links are captured and
 * deleted, and one entry keyed by the record's id keeps them with the account's name and owner as
 * they were (read first: deleting an account takes its row with it).
 */
export async function moveToBin(
  tx: Db,
  orgId: string,
  userId: string,
  entity: BinEntity,
  id: string,
  label: BinLabel,
): Promise<void> {
  const [account] = await rowsOf<{ name: string; owner_id: string | null }>(
    tx,
    sql`select name, owner_id from accounts where org_id = ${orgId} and id = ${label.accountId}`,
  );
  const captured = await captureAndDelete(tx, entity, orgId, id);
  const ownerIds = [...new Set([label.ownerId, account?.owner_id].filter((x): x is string => !!x))];
  await tx.execute(sql`insert into recycle_bin (org_id, id, entity, name, account_id, account_name, amount, owner_ids, deleted_by, rows, links)
    values (${orgId}, ${id}, ${entity}, ${label.name}, ${label.accountId}, ${account?.name ?? null}, ${label.amount ?? null},
      ${`{${ownerIds.join(',')}}`}::uuid[], ${userId}, ${JSON.stringify(captured.rows)}::jsonb, ${JSON.stringify(captured.links)}::jsonb)`);
}
