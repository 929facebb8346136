import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { adminUrl } from './pg.ts';

/**
 * A fresh, migrated database for one test file: a PGlite clone of the template dump, or, when
 * TEST_DATABASE_URL is set, a PostgreSQL database copied from the migrated template.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ loadDataDir: dump });
  }
  const { default: pg } = await import('pg');
  const name = `openkam_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: adminUrl(url, name), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      // pool.end() resolves before its sockets close; a forced drop would then kill those backends
      // and the pool's clients would raise unhandled 57P01 errors. Wait for them to go first.
      for (let i = 0; i < 200; i++) {
        const { rows } = await a.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
