// Migrates one database once per run; each test worker then clones it once (PGlite: loadDataDir of a
// dump; PostgreSQL: CREATE DATABASE … TEMPLATE) and its files share that clone, each with an
// organisation of its own (server/test/database.ts), which is far faster than migrating per file.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { adminUrl, dropRunDatabases, templateName, withAdmin } from './pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    /** Names this run's PostgreSQL databases (server/test/pg.ts runPrefix), dropped at the end. */
    runId: string;
  }
}

/** The build's migrated PGlite data directory (scripts/build.mjs, run by `npm ci`). */
const BUILT_TEMPLATE = resolve('dist/pglite-template');

/**
 * Writes a migrated PGlite database's dump to `file`. A copy of the build's migrated directory skips
 * initdb, most of a new database's cost; migrate() still applies any migration the build did not have.
 */
async function dumpPgliteTemplate(file: string): Promise<void> {
  const dir = existsSync(join(BUILT_TEMPLATE, 'PG_VERSION'))
    ? mkdtempSync(join(tmpdir(), 'openkam-test-template-'))
    : undefined;
  try {
    const db = await openDatabase(dir ? { dataDir: dir, template: BUILT_TEMPLATE } : {});
    const dump = await db.dump!();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  const url = process.env.TEST_DATABASE_URL;
  const runId = randomBytes(4).toString('hex');
  project.provide('runId', runId);

  // PostgreSQL runs never open PGlite: its template is only made when it is used.
  if (!url) await dumpPgliteTemplate(file);
  project.provide('pgliteTemplate', file);

  let pgTemplate = '';
  if (url) {
    pgTemplate = templateName();
    await withAdmin(url, async (admin) => {
      await admin.query(`drop database if exists ${pgTemplate}`);
      await admin.query(`create database ${pgTemplate}`);
    });
    const tpl = await openDatabase({ databaseUrl: adminUrl(url, pgTemplate), poolSize: 1 });
    await tpl.close();
  }
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    rmSync(file, { force: true });
    if (url) {
      await dropRunDatabases(url, runId);
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${pgTemplate}`));
    }
  };
}
