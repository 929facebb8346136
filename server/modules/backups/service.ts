// Nightly backups (OPENKAM_BACKUP_DIR): an hourly job writes one backup a night, from OPENKAM_BACKUP_HOUR
// in the server's time zone, and keeps the newest OPENKAM_BACKUP_KEEP. Hourly and "is last night's
// taken?" rather than once a day, so a night the server was down is caught up at the next start. The
// scheduler's lease runs it on one instance; with several, the directory should be one they share.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../db/client.ts';
import { writeBackupFile } from '../../db/backup-write.ts';
import type { Job } from '../jobs/scheduler.ts';

export interface NightlyOptions {
  dir: string;
  keep: number;
  /** The hour (0–23, server time) from which a night's backup is due. */
  hour: number;
}

export interface NightlyResult {
  /** The file written, or null when this night's backup was already there. */
  written: string | null;
  removed: string[];
}

const NAME = /^openkam-(\d{8}T\d{6}Z)\.jsonl\.gz$/;
const PARTIAL = /^openkam-\d{8}T\d{6}Z\.jsonl\.gz\.partial$/;

/** openkam-20261207T020000Z.jsonl.gz: UTC, so names sort by time and mean the same anywhere. */
export const backupFileName = (at: Date) =>
  `openkam-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.jsonl.gz`;

const timeOf = (name: string): number => {
  const m = NAME.exec(name)?.[1];
  if (!m) return Number.NaN;
  return Date.parse(
    `${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6, 8)}T${m.slice(9, 11)}:${m.slice(11, 13)}:${m.slice(13, 15)}Z`,
  );
};

/** The latest moment at `hour`:00 server time that is not after `now`: a backup taken since is this night's. */
export function nightStart(now: Date, hour: number): Date {
  const start = new Date(now);
  start.setHours(hour, 0, 0, 0);
  if (start > now) start.setDate(start.getDate() - 1);
  return start;
}

export function backupsService(database: Pick<Database, 'db' | 'kind'>) {
  return {
    /** Takes this night's backup unless it is there, then keeps the newest `keep` files. */
    async nightly(opts: NightlyOptions, now = new Date()): Promise<NightlyResult> {
      await mkdir(opts.dir, { recursive: true });
      const names = await readdir(opts.dir);
      // A backup cut short (a crash, a restart) left its partial file: never a backup, so it goes.
      for (const n of names.filter((n) => PARTIAL.test(n))) await rm(join(opts.dir, n), { force: true });
      const taken = names.filter((n) => NAME.test(n)).sort();
      let written: string | null = null;
      const newest = taken.length ? timeOf(taken[taken.length - 1]) : Number.NEGATIVE_INFINITY;
      if (newest < nightStart(now, opts.hour).getTime()) {
        written = backupFileName(now);
        await writeBackupFile(database.db, database.kind, join(opts.dir, written));
        taken.push(written);
      }
      const removed = taken.sort().slice(0, Math.max(0, taken.length - opts.keep));
      for (const n of removed) await rm(join(opts.dir, n), { force: true });
      return { written, removed };
    },
  };
}

/** The scheduler's job: hourly, so the night's backup is taken on the first tick from the hour. */
export function nightlyBackupJob(database: Pick<Database, 'db' | 'kind'>, opts: NightlyOptions): Job {
  const backups = backupsService(database);
  return {
    name: 'nightly-backup',
    everyMs: 3600_000,
    run: async () => {
      const { written, removed } = await backups.nightly(opts);
      if (written)
        console.log(
          `Backup written: ${join(opts.dir, written)}${removed.length ? ` (removed ${removed.join(', ')})` : ''}`,
        );
    },
  };
}
