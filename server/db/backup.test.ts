// Backup → restore on the demo organisation: every table's rows and checksum come back, the kept
// totals are rebuilt equal, a file from a newer schema and a target with data are refused, and (with
// TEST_DATABASE_URL) an embedded database moves into a fresh PostgreSQL database, verified table by table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rowsOf } from './client.ts';
import { openTestDatabase } from '../test/database.ts';
import { adminUrl, dropDatabase, withAdmin } from '../test/pg.ts';
import { loadDemo } from '../modules/demo/load.ts';
import { exportDatabase, writeBackupFile } from './backup-write.ts';
import { backupFileLines, RestoreRefused, restoreDatabase } from './backup-restore.ts';
import { tableChecksums } from './backup-verify.ts';
import { moveToPostgres } from './move-to-postgres.ts';

let dir: string;
let source: Database;
const opened: Database[] = [];
const fresh = async () => {
  const d = await openTestDatabase();
  opened.push(d);
  return d;
};

/** A child account that sorts before its parent: restore must set self-references after the table. */
async function parentAfterChild(db: Database['db']) {
  await db.execute(sql`update accounts set parent_id = (select id from accounts where parent_id is null order by id desc limit 1)
                       where id = (select id from accounts where parent_id is null order by id limit 1)`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openkam-backup-'));
  source = await fresh();
  await loadDemo(source.db);
  await parentAfterChild(source.db);
  await writeBackupFile(source.db, source.kind, join(dir, 'demo.jsonl.gz'));
}, 180_000);

afterAll(async () => {
  for (const d of opened) await d.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RestoreRefused);
  return e as RestoreRefused;
};

describe('backup and restore', () => {
  it('brings back every table with the same rows, and rebuilds the kept totals equal', async () => {
    const target = await fresh();
    const summary = await restoreDatabase(target.db, backupFileLines(join(dir, 'demo.jsonl.gz')));
    expect(summary.skipped).toEqual([]);
    const [before, after] = [
      await tableChecksums(source.db, { all: true }),
      await tableChecksums(target.db, { all: true }),
    ];
    expect(after).toEqual(before);
    const rows = new Map(before.map((t) => [t.name, t.rows]));
    for (const t of [
      'accounts',
      'contacts',
      'opportunities',
      'activities',
      'tasks',
      'users',
      'teams',
      'pipeline_totals',
    ])
      expect(rows.get(t), t).toBeGreaterThan(0);
    // The backup's header says which schema and app wrote it.
    const header = JSON.parse(
      gunzipSync(readFileSync(join(dir, 'demo.jsonl.gz')))
        .toString()
        .split('\n')[0]
        .slice(1),
    );
    expect(header).toMatchObject({ format: 'openkam-backup', appVersion: expect.any(String) });
    expect(header.schema.tag).toMatch(/^\d{4}_/);
    // The restored data works: the self-reference set after the table is there.
    const [child] = await rowsOf<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from accounts where parent_id > id`,
    );
    expect(child.n).toBeGreaterThan(0);

    // A database with data is refused, and left as it was; --force replaces it.
    const refused = await refusal(restoreDatabase(target.db, backupFileLines(join(dir, 'demo.jsonl.gz'))));
    expect(refused.code).toBe('target_not_empty');
    expect(refused.zh).toContain('--force');
    await restoreDatabase(target.db, backupFileLines(join(dir, 'demo.jsonl.gz')), { force: true });
    expect(await tableChecksums(target.db, { all: true })).toEqual(before);
  }, 120_000);

  it('refuses a file from a newer schema, in Chinese and English, and writes nothing', async () => {
    const lines = gunzipSync(readFileSync(join(dir, 'demo.jsonl.gz')))
      .toString()
      .split('\n');
    const header = JSON.parse(lines[0].slice(1));
    header.schema = { tag: '9999_from_the_future', hash: 'f'.repeat(64), createdAt: header.schema.createdAt + 1 };
    header.appVersion = '9.0.0';
    lines[0] = `#${JSON.stringify(header)}`;
    writeFileSync(join(dir, 'newer.jsonl.gz'), gzipSync(lines.join('\n')));
    const target = await fresh();
    const refused = await refusal(restoreDatabase(target.db, backupFileLines(join(dir, 'newer.jsonl.gz'))));
    expect(refused.code).toBe('newer_schema');
    expect(refused.zh).toContain('请先升级 OpenKAM');
    expect(refused.en).toContain('9999_from_the_future');
    expect(refused.en).toContain('Upgrade OpenKAM first');
    expect((await tableChecksums(target.db)).every((t) => t.rows === 0)).toBe(true);
  });

  it('refuses a file that is not a backup, or cut short', async () => {
    writeFileSync(join(dir, 'junk.gz'), gzipSync('{"a":1}\n'));
    const target = await fresh();
    expect((await refusal(restoreDatabase(target.db, backupFileLines(join(dir, 'junk.gz'))))).code).toBe(
      'not_a_backup',
    );
    const lines = gunzipSync(readFileSync(join(dir, 'demo.jsonl.gz')))
      .toString()
      .split('\n');
    writeFileSync(join(dir, 'cut.gz'), gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    expect((await refusal(restoreDatabase(target.db, backupFileLines(join(dir, 'cut.gz'))))).code).toBe('incomplete');
    expect((await tableChecksums(target.db)).every((t) => t.rows === 0)).toBe(true);
  });
});

describe('the snapshot', () => {
  it('pages every table by its key and holds one snapshot while the app writes', async () => {
    const chunks: string[] = [];
    let write: Promise<unknown> | null = null;
    const name = `快照之后 ${randomBytes(3).toString('hex')}`;
    // Small pages walk each table's (org_id, id) keyset many times over.
    await exportDatabase(
      source.db,
      source.kind,
      async (chunk) => {
        chunks.push(chunk);
        if (write) return;
        // A write committed while the backup runs (on PGlite it waits for the backup's transaction).
        // Promise.resolve starts it now, once (a query builder runs again on every await).
        write = Promise.resolve(
          source.db.execute(
            sql`insert into competitors (org_id, id, name) select id, gen_random_uuid(), ${name} from orgs limit 1`,
          ),
        );
        if (source.kind === 'postgres') await write;
      },
      { batch: 16 },
    );
    await write;
    const target = await fresh();
    const lines = chunks.join('').split('\n');
    await restoreDatabase(
      target.db,
      (async function* () {
        yield* lines;
      })(),
    );
    const find = sql`select count(*)::int as n from competitors where name = ${name}`;
    expect((await rowsOf<{ n: number }>(source.db, find))[0].n).toBe(1);
    expect((await rowsOf<{ n: number }>(target.db, find))[0].n).toBe(0);
    await source.db.execute(sql`delete from competitors where name = ${name}`);
    expect(await tableChecksums(target.db, { all: true })).toEqual(await tableChecksums(source.db, { all: true }));
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrate-to-postgres', () => {
  const url = process.env.TEST_DATABASE_URL ?? '';
  const name = `openkam_move_${randomBytes(4).toString('hex')}`;
  afterAll(() => withAdmin(url, (admin) => dropDatabase(admin, name)));

  it('copies an embedded database into an empty PostgreSQL database, verified per table; refuses a non-empty one', async () => {
    const embedded = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      await loadDemo(embedded.db);
      await parentAfterChild(embedded.db);
      await withAdmin(url, (admin) => admin.query(`create database ${name}`));
      const result = await moveToPostgres(embedded, adminUrl(url, name));
      expect(result.differences).toEqual([]);
      expect(result.target).toEqual(result.source);
      expect(result.source.find((t) => t.name === 'opportunities')?.rows).toBeGreaterThan(0);
      const again = await refusal(moveToPostgres(embedded, adminUrl(url, name)));
      expect(again.code).toBe('target_not_empty');
    } finally {
      await embedded.close();
    }
  }, 180_000);
});
