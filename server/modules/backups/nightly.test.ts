// The nightly backup job: one backup a night from the configured hour, a missed night caught up,
// the newest N kept, a partial file from a cut-short run removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/database.ts';
import { backupFileLines, restoreDatabase } from '../../db/backup-restore.ts';
import { backupFileName, backupsService, nightlyBackupJob, nightStart } from './service.ts';
import { startScheduler } from '../jobs/scheduler.ts';

let dir: string;
let database: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openkam-nightly-'));
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAY = 24 * 3600_000;
/** 03:30 server time on the given day of December 2026. */
const night = (day: number) => new Date(2026, 11, day, 3, 30);

describe('nightly backup', () => {
  it('a night starts at the configured hour, server time', () => {
    expect(nightStart(new Date(2026, 11, 7, 3, 0), 2)).toEqual(new Date(2026, 11, 7, 2, 0));
    expect(nightStart(new Date(2026, 11, 7, 1, 0), 2)).toEqual(new Date(2026, 11, 6, 2, 0));
  });

  it('writes one backup a night, keeps the newest N and removes a cut-short one', async () => {
    const backups = backupsService(database);
    const opts = { dir, keep: 3, hour: 2 };
    // Four older nights, a partial file a crash left, and someone else's file that is not ours.
    const old = [1, 2, 3, 4].map((d) => backupFileName(new Date(night(d).getTime())));
    for (const n of old) writeFileSync(join(dir, n), 'old');
    writeFileSync(join(dir, `${backupFileName(night(5))}.partial`), 'cut short');
    writeFileSync(join(dir, 'notes.txt'), 'keep me');

    const first = await backups.nightly(opts, night(6));
    expect(first.written).toBe(backupFileName(night(6)));
    expect(first.removed).toEqual(old.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual([...old.slice(2), first.written, 'notes.txt'].sort());

    // Later the same night, and the next morning before the hour: already taken.
    expect((await backups.nightly(opts, new Date(night(6).getTime() + 3600_000))).written).toBeNull();
    expect((await backups.nightly(opts, new Date(2026, 11, 7, 1, 59))).written).toBeNull();

    // The next night: a new one, the oldest goes.
    const next = await backups.nightly(opts, new Date(night(6).getTime() + DAY));
    expect(next.written).toBe(backupFileName(new Date(night(6).getTime() + DAY)));
    expect(next.removed).toEqual([old[2]]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl.gz'))).toHaveLength(3);

    // What it wrote is a backup that restores.
    const target = await openTestDatabase();
    try {
      const summary = await restoreDatabase(target.db, backupFileLines(join(dir, next.written ?? '')));
      expect(summary.tables.length).toBeGreaterThan(20);
    } finally {
      await target.close();
    }
  });

  it('runs on one instance when several tick together (the job lease)', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'openkam-nightly-'));
    try {
      const job = () => nightlyBackupJob(database, { dir: shared, keep: 7, hour: 0 });
      const a = await startScheduler(database.db, [job()], { autoStart: false });
      const b = await startScheduler(database.db, [job()], { autoStart: false });
      const now = new Date(Date.now() + 1000);
      const ran = (await Promise.all([a.tick(now), b.tick(now)])).flat();
      expect(ran).toEqual(['nightly-backup']);
      expect(readdirSync(shared).filter((n) => n.endsWith('.jsonl.gz'))).toHaveLength(1);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
