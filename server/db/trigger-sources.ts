// The triggers and the functions they run, read two ways: as written in server/db/triggers/*.sql
// (their current definitions, one file per thing they keep) and as a database holds them. The
// migrations stay the record of history and are what installs them; triggers.test.ts checks that the
// sources equal the migrated database, and `npm run db:triggers` writes the migration that makes a
// changed source so (docs/triggers.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

export const triggersFolder = fileURLToPath(new URL('./triggers', import.meta.url));

/** One statement of a source file: a function or a trigger, keyed as the catalog read keys it. */
export interface SourceStatement {
  file: string;
  kind: 'function' | 'trigger';
  /** A function's name, or `table.trigger`. */
  name: string;
  /** The statement without the comments before it. */
  text: string;
}

/**
 * Splits SQL text into statements at top-level semicolons, skipping quoted text, quoted identifiers,
 * dollar-quoted bodies and comments (where a semicolon is no end). Returns each statement with the
 * comments and blank lines before it removed; comment-only remainders are dropped.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const s = stripLeadingComments(text.slice(start, end));
    if (s) out.push(s);
    start = end + 1;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped one: scanning on from it finds the same end.
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? text.length : end + tag.length;
      } else i++;
    } else if (c === ';') {
      push(i);
      i++;
    } else i++;
  }
  push(text.length);
  return out;
}

function stripLeadingComments(s: string): string {
  let rest = s.trim();
  while (rest.startsWith('--') || rest.startsWith('/*')) {
    const end = rest.startsWith('--') ? rest.indexOf('\n') : rest.indexOf('*/') + 1;
    rest = end <= 0 ? '' : rest.slice(end + 1).trim();
  }
  return rest;
}

const FUNCTION = /^CREATE OR REPLACE FUNCTION ([a-z_][a-z0-9_]*)\s*\(/i;
const TRIGGER = /^CREATE TRIGGER ([a-z_][a-z0-9_]*)\s[\s\S]*?\sON ([a-z_][a-z0-9_]*)\s/i;

/**
 * Parses source files into statements. Anything but `CREATE OR REPLACE FUNCTION` and `CREATE TRIGGER`
 * on an unqualified name is refused: the check applies the sources in a scratch schema (a qualified
 * name would escape it), and the generated migration replaces functions in place.
 */
export function parseSources(files: { file: string; text: string }[]): SourceStatement[] {
  const out: SourceStatement[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    for (const stmt of splitStatements(text)) {
      const fn = FUNCTION.exec(stmt);
      const tr = fn ? null : TRIGGER.exec(stmt);
      if (!fn && !tr)
        throw new Error(
          `${file}: only CREATE OR REPLACE FUNCTION and CREATE TRIGGER belong here, found: ${stmt.slice(0, 80)}`,
        );
      const entry: SourceStatement = fn
        ? { file, kind: 'function', name: fn[1].toLowerCase(), text: stmt }
        : { file, kind: 'trigger', name: `${tr![2]}.${tr![1]}`.toLowerCase(), text: stmt };
      const key = `${entry.kind} ${entry.name}`;
      if (seen.has(key)) throw new Error(`${file}: ${key} is defined twice in the sources`);
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}

/** The statements of every `*.sql` file in the folder, files in name order. */
export function readSources(folder = triggersFolder): SourceStatement[] {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return parseSources(files.map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') })));
}

/** Normalised definitions, keyed like SourceStatement.name (a function's key adds its arguments). */
export interface Definitions {
  functions: Map<string, string>;
  triggers: Map<string, string>;
}

/**
 * The functions (not those of extensions) and user triggers of one schema, as PostgreSQL prints them
 * back (pg_get_functiondef: the body verbatim; pg_get_triggerdef: events, columns, WHEN clause
 * deparsed), with the schema's name taken out so two schemas compare, and whether a trigger is enabled.
 */
export async function definitionsIn(db: Db, schema: string): Promise<Definitions> {
  const fns = await rowsOf<{ name: string; args: string; def: string }>(
    db,
    sql`select p.proname as name, pg_get_function_identity_arguments(p.oid) as args, pg_get_functiondef(p.oid) as def
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = ${schema} and p.prokind in ('f', 'p')
           and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`,
  );
  const trs = await rowsOf<{ tbl: string; name: string; def: string; enabled: string }>(
    db,
    sql`select c.relname as tbl, t.tgname as name, pg_get_triggerdef(t.oid) as def, t.tgenabled::text as enabled
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = ${schema} and not t.tgisinternal`,
  );
  const qualifier = `${schema}.`;
  const functions = new Map<string, string>();
  for (const f of fns) {
    // Only the header names the schema; the body is compared as written.
    const nl = f.def.indexOf('\n');
    functions.set(`${f.name}(${f.args})`, f.def.slice(0, nl).replaceAll(qualifier, '') + f.def.slice(nl));
  }
  const triggers = new Map<string, string>();
  for (const t of trs) {
    // 'O' is enabled in the ordinary way; anything else (disabled, replica or always) is part of the definition.
    triggers.set(
      `${t.tbl}.${t.name}`,
      t.def.replaceAll(qualifier, '') + (t.enabled === 'O' ? '' : ` -- enabled: ${t.enabled}`),
    );
  }
  return { functions, triggers };
}

const SCRATCH = 'okam_trigger_sources';

/**
 * The definitions the sources give: applied in a scratch schema holding an empty copy of every table
 * of `schema` (columns only), inside a transaction that is rolled back, so nothing is left behind and
 * the live tables are never locked beyond a read of their structure.
 */
export async function definitionsOfSources(
  db: Db,
  statements: SourceStatement[],
  schema = 'public',
): Promise<Definitions> {
  let result: Definitions | undefined;
  try {
    await db.transaction(async (tx) => {
      const tables = await rowsOf<{ name: string }>(
        tx,
        sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ${schema} and c.relkind in ('r', 'p') order by 1`,
      );
      await tx.execute(sql.raw(`CREATE SCHEMA ${SCRATCH}`));
      for (const { name } of tables) {
        await tx.execute(
          sql.raw(`CREATE TABLE ${SCRATCH}.${quoteIdent(name)} (LIKE ${quoteIdent(schema)}.${quoteIdent(name)})`),
        );
      }
      await tx.execute(sql.raw(`SET LOCAL search_path TO ${SCRATCH}`));
      for (const s of statements) await tx.execute(sql.raw(s.text));
      result = await definitionsIn(tx, SCRATCH);
      tx.rollback();
    });
  } catch (e) {
    if (!(e instanceof TransactionRollbackError)) throw e;
  }
  return result!;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface Differences {
  /** Keys (function `name(args)`, trigger `table.name`) the sources define and the database lacks. */
  added: { functions: string[]; triggers: string[] };
  /** Keys in both whose definitions differ. */
  changed: { functions: string[]; triggers: string[] };
  /** Keys the database has and no source defines. */
  removed: { functions: string[]; triggers: string[] };
}

export function differences(database: Definitions, sources: Definitions): Differences {
  const side = (db: Map<string, string>, src: Map<string, string>) => ({
    added: [...src.keys()].filter((k) => !db.has(k)).sort(),
    changed: [...src.keys()].filter((k) => db.has(k) && db.get(k) !== src.get(k)).sort(),
    removed: [...db.keys()].filter((k) => !src.has(k)).sort(),
  });
  const f = side(database.functions, sources.functions);
  const t = side(database.triggers, sources.triggers);
  return {
    added: { functions: f.added, triggers: t.added },
    changed: { functions: f.changed, triggers: t.changed },
    removed: { functions: f.removed, triggers: t.removed },
  };
}

export const noDifferences = (d: Differences) =>
  [d.added, d.changed, d.removed].every((x) => x.functions.length === 0 && x.triggers.length === 0);

/**
 * The migration that takes the database to the sources, as statements: triggers that go or change
 * are dropped first, functions are created or replaced, triggers created, and functions no source
 * defines dropped last (nothing runs them any more). The migrator runs a migration in one
 * transaction, so no write sees a table between a trigger's drop and its re-creation.
 */
export function migrationStatements(d: Differences, statements: SourceStatement[]): string[] {
  const fnName = (key: string) => key.slice(0, key.indexOf('('));
  const trigger = (key: string) => {
    const dot = key.indexOf('.');
    return `${key.slice(dot + 1)} ON ${key.slice(0, dot)}`;
  };
  const fnChanged = new Set([...d.added.functions, ...d.changed.functions].map(fnName));
  const trChanged = new Set([...d.added.triggers, ...d.changed.triggers]);
  return [
    ...d.removed.triggers.map((k) => `DROP TRIGGER ${trigger(k)}`),
    ...d.changed.triggers.map((k) => `DROP TRIGGER IF EXISTS ${trigger(k)}`),
    ...statements.filter((s) => s.kind === 'function' && fnChanged.has(s.name)).map((s) => s.text),
    ...statements.filter((s) => s.kind === 'trigger' && trChanged.has(s.name)).map((s) => s.text),
    ...d.removed.functions.map((k) => `DROP FUNCTION ${k}`),
  ];
}

/** drizzle-kit's separator: the migrator runs each chunk of a migration file as one statement. */
export const BREAKPOINT = '--> statement-breakpoint';

/** A migration file's text for the statements, headed by where they come from. */
export function migrationFile(statements: string[]): string {
  const header =
    '-- Written by `npm run db:triggers`: the triggers and functions whose source in server/db/triggers/*.sql\n' +
    '-- changed since the last migration, as defined there (where the comments explain them).\n';
  return header + statements.map((s) => `${s};`).join(`\n${BREAKPOINT}\n`) + '\n';
}
