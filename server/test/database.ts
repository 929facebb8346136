// Test databases, cloned from the run's migrated template (global-setup.ts). A worker keeps one
// database for all its files (vitest.config.ts: isolate false), each file working in an organisation
// of its own; a file that needs an empty database, or asserts on every row of a table, opens a fresh one.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { adminUrl, dropDatabase, runPrefix, withAdmin } from './pg.ts';

async function cloneTemplate(): Promise<Database & { name?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  const name = `${runPrefix(inject('runId'))}${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`create database ${name} template ${inject('pgTemplate')}`));
  return { ...(await openDatabase({ databaseUrl: adminUrl(url, name), poolSize: 5 })), name };
}

/** A fresh, migrated, empty database of the caller's own, dropped when closed. */
export async function openTestDatabase(): Promise<Database> {
  const database = await cloneTemplate();
  const url = process.env.TEST_DATABASE_URL;
  const { name } = database;
  if (!url || !name) return database;
  return {
    ...database,
    async close() {
      await database.close();
      await withAdmin(url, (admin) => dropDatabase(admin, name));
    },
  };
}

let shared: Promise<Database> | undefined;

/**
 * The database this worker's files share, opened on first use and never closed by a test: it lives as
 * long as the worker process (PGlite in memory; on PostgreSQL the run's global teardown drops it).
 */
export function workerDatabase(): Promise<Database> {
  shared ??= cloneTemplate().then((database) => ({
    ...database,
    close: () => Promise.reject(new Error('the worker database is shared: its files must not close it')),
  }));
  return shared;
}
