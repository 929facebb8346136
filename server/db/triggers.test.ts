// The trigger sources (server/db/triggers/*.sql) against the migrated database: a migration that
// changes a trigger or function without its source, a source changed without its migration, or a
// trigger or function with no source fails here. And the migration `npm run db:triggers` writes from
// the differences takes the database to the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from './client.ts';
import { openTestDatabase } from '../test/database.ts';
import {
  BREAKPOINT,
  definitionsIn,
  definitionsOfSources,
  differences,
  migrationFile,
  migrationStatements,
  noDifferences,
  parseSources,
  readSources,
  splitStatements,
  type Definitions,
  type SourceStatement,
} from './trigger-sources.ts';

describe('splitStatements', () => {
  it('splits at top-level semicolons only, dropping the comments before each statement', () => {
    const text = `-- a comment; with a semicolon
CREATE OR REPLACE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a;b' $$;
/* block; comment */
CREATE OR REPLACE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
  RETURN 'it''s; $$ not the end'; -- trailing; comment
END $body$;
CREATE TRIGGER "t;x" AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();
-- only a comment at the end;
`;
    expect(splitStatements(text)).toEqual([
      "CREATE OR REPLACE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a;b' $$",
      "CREATE OR REPLACE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 'it''s; $$ not the end'; -- trailing; comment\nEND $body$",
      'CREATE TRIGGER "t;x" AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()',
    ]);
  });

  it('refuses anything but functions and triggers on unqualified names, and a name defined twice', () => {
    expect(() => parseSources([{ file: 'x.sql', text: 'CREATE INDEX i ON a (b);' }])).toThrow(/only CREATE OR REPLACE FUNCTION/);
    expect(() => parseSources([{ file: 'x.sql', text: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' }])).toThrow(/only/);
    expect(() => parseSources([{ file: 'x.sql', text: 'CREATE OR REPLACE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' }])).toThrow(/only/);
    const fn = 'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;';
    expect(() => parseSources([{ file: 'a.sql', text: fn }, { file: 'b.sql', text: fn }])).toThrow(/defined twice/);
  });
});

describe('trigger sources', () => {
  let database: Database;
  let sources: SourceStatement[];
  let migrated: Definitions;
  beforeAll(async () => {
    database = await openTestDatabase();
    sources = readSources();
    migrated = await definitionsIn(database.db, 'public');
  });
  afterAll(() => database.close());

  it('define every trigger and function of the migrated database, exactly as migrated', async () => {
    const fromSources = await definitionsOfSources(database.db, sources);
    // Every source defines something, and the database holds functions and triggers at all.
    expect(fromSources.functions.size + fromSources.triggers.size).toBe(sources.length);
    expect(migrated.triggers.size).toBeGreaterThan(0);
    const d = differences(migrated, fromSources);
    const message =
      'server/db/triggers/*.sql and the migrations disagree: a migration changed a trigger or function (write the ' +
      `change into its source) or a source changed (run npm run db:triggers): ${JSON.stringify(d, null, 2)}`;
    expect(noDifferences(d), message).toBe(true);
    expect(fromSources).toEqual(migrated);
  });

  it('notice a trigger with no source, a changed source and a new one, and the generated migration makes them equal', async () => {
    const edited = sources
      .filter((s) => s.name !== 'accounts.accounts_facts_row' && s.name !== 'okam_account_facts_row')
      .map((s) => (s.name === 'okam_count_add' ? { ...s, text: s.text.replace('= 0 THEN', '<= 0 THEN') } : s))
      .map((s) => (s.name === 'stages.okam_stages_changed' ? { ...s, text: s.text.replace('INSERT OR UPDATE OR DELETE', 'INSERT OR DELETE') } : s));
    const added = parseSources([
      {
        file: 'new.sql',
        text: `CREATE OR REPLACE FUNCTION okam_test_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
               CREATE TRIGGER okam_test_noop AFTER INSERT ON orgs FOR EACH ROW EXECUTE FUNCTION okam_test_noop();`,
      },
    ]);
    const wanted = [...edited, ...added];
    const target = await definitionsOfSources(database.db, wanted);
    const d = differences(migrated, target);
    expect(d).toEqual({
      added: { functions: ['okam_test_noop()'], triggers: ['orgs.okam_test_noop'] },
      changed: { functions: ['okam_count_add(m jsonb, k text, d integer)'], triggers: ['stages.okam_stages_changed'] },
      removed: { functions: ['okam_account_facts_row()'], triggers: ['accounts.accounts_facts_row'] },
    });

    // The file applied as the migrator applies one (its chunks in one transaction), then rolled back.
    const chunks = migrationFile(migrationStatements(d, wanted)).split(BREAKPOINT);
    let after: Definitions | undefined;
    await database.db
      .transaction(async (tx) => {
        for (const chunk of chunks) await tx.execute(sql.raw(chunk));
        after = await definitionsIn(tx, 'public');
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(after).toEqual(target);
    expect(await definitionsIn(database.db, 'public')).toEqual(migrated);
  });
});
