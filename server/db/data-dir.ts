// The embedded database's data directory: one process at a time, and never initialised over
// something that is not an empty directory or a whole database.
//
// PGlite runs inside the app's process and has no postmaster to refuse a second one: two processes
// on one directory each keep their own copy in memory and overwrite each other's files, so
// acknowledged writes vanish. And PGlite initialises a new database wherever PG_VERSION is missing,
// so a damaged or wrong directory would come up empty, with the one-time set-up page open to anyone.
import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'openkam.lock';

/** A start-up refusal: main.ts prints the message and exits; nothing was written. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string'
      ? { pid: info.pid, host: info.host, since: String(info.since ?? '') }
      : null;
  } catch {
    return null; // half-written by a process killed while taking it: nobody holds it
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory for this process: a lock file created exclusively, holding our PID. A lock left
 * by a process that is gone (kill -9, a power cut) is stale and taken over; one held by a live process
 * on this host refuses the start, naming the directory and the PID. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return () => {
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = readLock(path);
    if (held && held.host !== mine.host) {
      throw new DataDirError(
        `数据目录 ${resolve(dir)} 正被主机 ${held.host} 上的进程 ${held.pid} 使用（自 ${held.since}）。若该进程已不存在，请删除 ${path} 后重试。\n` +
          `The data directory ${resolve(dir)} is in use by process ${held.pid} on host ${held.host} (since ${held.since}). If that process is gone, delete ${path} and start again.`,
      );
    }
    if (held && alive(held.pid)) {
      throw new DataDirError(
        `数据目录 ${resolve(dir)} 正被进程 ${held.pid} 使用（自 ${held.since}）：同一个内嵌数据库只能由一个 OpenKAM 进程打开。多个实例请改用 PostgreSQL（DATABASE_URL）。\n` +
          `The data directory ${resolve(dir)} is in use by process ${held.pid} (since ${held.since}): one embedded database serves one OpenKAM process. Run several instances on PostgreSQL (DATABASE_URL).`,
      );
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new DataDirError(`Could not take the lock ${path}`);
}

/** What a PostgreSQL data directory cannot do without; checked before PGlite may touch it. */
const REQUIRED = ['global/pg_control', 'pg_wal', 'pg_xact', 'base'];
const PG_CONTROL_SIZE = 8192;

/**
 * Refuses a directory that is neither empty (a new database) nor a whole database: never initialise
 * over someone's files, and say which directory is damaged and what to do instead of aborting in WASM.
 */
export function checkDataDir(dir: string): 'new' | 'existing' {
  const entries = existsSync(dir) ? readdirSync(dir).filter((e) => e !== LOCK_FILE) : [];
  if (entries.length === 0) return 'new';
  const where = resolve(dir);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    throw new DataDirError(
      `目录 ${where} 不是空目录，也不是 OpenKAM 数据库（缺少 PG_VERSION）。为避免覆盖其中的文件，已拒绝启动：请指定一个空目录或原来的数据目录（OPENKAM_DATA_DIR），或从备份恢复。\n` +
        `${where} is neither empty nor an OpenKAM database (PG_VERSION is missing). Refusing to start rather than initialise over its files: point OPENKAM_DATA_DIR at an empty directory or the right data directory, or restore it from a backup.`,
    );
  }
  const missing = REQUIRED.filter((p) => !existsSync(join(dir, p)));
  const control = join(dir, 'global/pg_control');
  if (!missing.length && statSync(control).size !== PG_CONTROL_SIZE) missing.push('global/pg_control (truncated)');
  if (missing.length) throw damaged(where, missing.join(', '));
  return 'existing';
}

/**
 * Fills a new (empty, locked) data directory with a copy of `template`, a data directory the build
 * initialised and migrated (scripts/build.mjs): a first start then opens it like any other instead
 * of running initdb and every migration in WASM, which took about 8 s of CPU. PG_VERSION is copied
 * last, so a copy cut short leaves a directory that the next start refuses as neither empty nor a
 * database rather than opens as a damaged one; a failed copy removes what it wrote.
 */
export function seedDataDir(template: string, dir: string): void {
  const entries = readdirSync(template).filter((e) => e !== LOCK_FILE && e !== 'PG_VERSION');
  try {
    for (const entry of [...entries, 'PG_VERSION'])
      cpSync(join(template, entry), join(dir, entry), { recursive: true, errorOnExist: true, force: false });
  } catch (e) {
    for (const entry of [...entries, 'PG_VERSION']) rmSync(join(dir, entry), { recursive: true, force: true });
    throw e;
  }
}

export function damaged(where: string, what: string): DataDirError {
  return new DataDirError(
    `数据目录 ${where} 已损坏（${what}），无法打开。请停止 OpenKAM，从备份恢复该目录后再启动；不要删除其中的文件。\n` +
      `The data directory ${where} is damaged (${what}) and cannot be opened. Stop OpenKAM, restore the directory from a backup and start again; do not delete files from it.`,
  );
}
