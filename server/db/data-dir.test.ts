// The embedded database's directory: a second process is refused (two would lose each other's
// writes), a directory that is neither empty nor a database is never initialised over, a damaged one
// says which and what to do, and /api/health fails when a table's file is damaged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './client.ts';
import { DataDirError, LOCK_FILE } from './data-dir.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../plugins/config.ts';

let root: string;
let good: string;
let accountsFile: string;
const fresh = (name: string) => {
  const dir = join(root, name);
  cpSync(good, dir, { recursive: true });
  return dir;
};
const refusal = async (dir: string) => {
  const err = await openDatabase({ dataDir: dir }).then(
    async (d) => {
      await d.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataDirError);
  return (err as DataDirError).message;
};

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the embedded data directory', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'openkam-datadir-'));
    good = join(root, 'good');
    const d = await openDatabase({ dataDir: good });
    [{ path: accountsFile }] = await rowsOf<{ path: string }>(
      d.db,
      sql`select pg_relation_filepath('accounts') as path`,
    );
    await d.close();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second process while the first holds it, naming the directory and the PID', async () => {
    const dir = fresh('held');
    const held = await openDatabase({ dataDir: dir });
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, OPENKAM_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(dir);
      expect(child.stderr).toContain(`process ${process.pid}`);
      expect(child.stderr).toContain('正被进程');
    } finally {
      await held.close();
    }
    // Released on close: the next open succeeds.
    await (await openDatabase({ dataDir: dir })).close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = fresh('stale');
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: '2026-01-01' }),
    );
    const d = await openDatabase({ dataDir: dir });
    expect(await rowsOf(d.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    await d.close();
  });

  it('never initialises over a directory that is not empty and not a database', async () => {
    const dir = join(root, 'foreign');
    mkdirSync(dir);
    writeFileSync(join(dir, '客户名单.xlsx'), 'not a database');
    expect(await refusal(dir)).toContain('PG_VERSION');
    expect(readdirSync(dir)).toEqual(['客户名单.xlsx']);

    const lost = fresh('no-version');
    rmSync(join(lost, 'PG_VERSION'));
    expect(await refusal(lost)).toContain(lost);
  });

  it('says which directory is damaged and to restore it, for a missing pg_wal or pg_xact and a truncated control file or WAL', async () => {
    const cases: [string, (dir: string) => void][] = [
      ['pg_wal', (dir) => rmSync(join(dir, 'pg_wal'), { recursive: true })],
      ['pg_xact', (dir) => rmSync(join(dir, 'pg_xact'), { recursive: true })],
      ['pg_control', (dir) => truncateSync(join(dir, 'global/pg_control'), 100)],
      [
        'wal',
        (dir) =>
          readdirSync(join(dir, 'pg_wal'))
            .filter((f) => /^[0-9A-F]{24}$/.test(f))
            .forEach((f) => {
              truncateSync(join(dir, 'pg_wal', f), 1000);
            }),
      ],
    ];
    for (const [name, damage] of cases) {
      const dir = fresh(`damaged-${name}`);
      damage(dir);
      const message = await refusal(dir);
      expect(message, name).toContain(dir);
      expect(message, name).toContain('从备份恢复');
      expect(message, name).toContain('restore the directory from a backup');
    }
  });

  it('starts a new directory as a copy of the template, and leaves an existing one as it is', async () => {
    const template = fresh('template');
    const marker = async (dir: string, write?: string) => {
      const d = await openDatabase({ dataDir: dir, template });
      try {
        if (write) await d.db.execute(sql.raw(`create table marker as select '${write}'::text as v`));
        return (
          await rowsOf<{ v: string }>(d.db, sql`select coalesce((select v from marker), 'none') as v`).catch(() => [
            { v: 'none' },
          ])
        )[0].v;
      } finally {
        await d.close();
      }
    };
    await marker(template, 'from the template');
    const dir = join(root, 'seeded');
    mkdirSync(dir);
    expect(await marker(dir)).toBe('from the template');
    expect(readdirSync(dir).sort()).toEqual(readdirSync(template).sort());
    // Its own database from then on: the template is not read again, nor changed.
    await (async () => {
      const d = await openDatabase({ dataDir: dir, template });
      await d.db.execute(sql`update marker set v = 'its own'`);
      await d.close();
    })();
    expect(await marker(dir)).toBe('its own');
    expect(await marker(template)).toBe('from the template');
  });

  it('removes what a failed copy of the template wrote, so the next start finds the directory empty', async () => {
    const template = fresh('unreadable-template');
    spawnSync('mkfifo', [join(template, 'pg_fifo')]);
    const dir = join(root, 'half-seeded');
    mkdirSync(dir);
    await expect(openDatabase({ dataDir: dir, template })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers 503 on /api/health when a table file is damaged', async () => {
    const dir = fresh('bad-table');
    writeFileSync(join(dir, accountsFile), Buffer.alloc(8192, 0x5a));
    const database = await openDatabase({ dataDir: dir });
    const app = await buildApp({ config: loadConfig({}), database });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'down', database: 'pglite' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
