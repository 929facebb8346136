// npm run db:triggers [-- --name=what_changed]: writes the migration that takes the committed
// migrations' triggers and functions to server/db/triggers/*.sql. Migrations stay the only thing that
// changes a database (applied at start-up, in order, once), so this adds nothing to a start and runs
// the same on PGlite and PostgreSQL; triggers.test.ts fails until a changed source has its migration.
// The committed migrations are applied to an in-memory PGlite (not the data directory: it may hold
// other work), compared with the sources, and drizzle-kit makes an empty custom migration for the
// differences (so its journal and snapshot stay drizzle-kit's). Add any backfill the change needs to
// the written file by hand.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './client.ts';
import {
  definitionsIn,
  definitionsOfSources,
  differences,
  migrationFile,
  migrationStatements,
  noDifferences,
  readSources,
} from './trigger-sources.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const name = /^--name=([a-z0-9_]+)$/.exec(process.argv.find((a) => a.startsWith('--name=')) ?? '--name=triggers')?.[1];
if (!name) throw new Error('--name takes lower-case letters, digits and underscores');

const sources = readSources();
console.log('Applying the committed migrations to an in-memory database…');
const database = await openDatabase({});
let statements: string[];
try {
  const d = differences(await definitionsIn(database.db, 'public'), await definitionsOfSources(database.db, sources));
  statements = noDifferences(d) ? [] : migrationStatements(d, sources);
  for (const [what, keys] of Object.entries(d)) {
    for (const k of keys.functions) console.log(`  ${what}: function ${k}`);
    for (const k of keys.triggers) console.log(`  ${what}: trigger ${k}`);
  }
} finally {
  await database.close();
}

if (!statements.length) {
  console.log(
    'The migrations already define every trigger and function as server/db/triggers/*.sql does: nothing to write.',
  );
} else {
  const kit = spawnSync('npx', ['drizzle-kit', 'generate', '--custom', `--name=${name}`], { stdio: 'inherit' });
  if (kit.status !== 0) throw new Error(`drizzle-kit generate --custom failed (${kit.status ?? kit.signal})`);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const file = join(migrationsFolder, `${journal.entries.at(-1)!.tag}.sql`);
  writeFileSync(file, migrationFile(statements));
  console.log(
    `Wrote ${file}: ${statements.length} statements. Review it, add any backfill, and commit it with the sources.`,
  );
}
