// Migrates one database once per run; each test file then clones it (PGlite: loadDataDir of a
// dump; PostgreSQL: CREATE DATABASE … TEMPLATE), which is far faster than migrating per file.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { adminUrl, templateName } from './pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  const db = await openDatabase({});
  const dump = await db.dump!();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);

  let pgTemplate = '';
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    pgTemplate = templateName();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${pgTemplate}`);
    await admin.query(`create database ${pgTemplate}`);
    const tpl = await openDatabase({ databaseUrl: adminUrl(url, pgTemplate), poolSize: 1 });
    await tpl.close();
    await admin.end();
  }
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    rmSync(file, { force: true });
    if (url && pgTemplate) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${pgTemplate}`);
      await admin.end();
    }
  };
}
