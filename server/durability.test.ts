// No acknowledged write is lost: kill -9 the server in the middle of a burst of writes, restart it
// on the same data, and every write that was answered 2xx must still be there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { adminUrl } from './test/pg.ts';

const EMAIL = 'crash@example.com';
const PASSWORD = 'crash-test-1';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let env: NodeJS.ProcessEnv;
let pgName: string | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openkam-crash-'));
  // A stand-in web bundle: the start serves one, and the real one need not have been built.
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>t</title>');
  env = {
    ...process.env,
    OPENKAM_DATA_DIR: join(dir, 'data'),
    OPENKAM_WEB_DIST: join(dir, 'web'),
    OPENKAM_ADMIN_EMAIL: EMAIL,
    OPENKAM_ADMIN_PASSWORD: PASSWORD,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    pgName = `openkam_crash_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create database ${pgName}`);
    await c.end();
    env.DATABASE_URL = adminUrl(url, pgName);
  }
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (url && pgName) {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${pgName} with (force)`);
    await c.end();
  }
});

async function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

describe('durability', () => {
  it('keeps every acknowledged write across kill -9', async () => {
    const port = await freePort();
    let child = await start(port);
    const cookie = await signIn(port);
    const acked: string[] = [];
    let n = 0;
    const writer = async () => {
      for (;;) {
        const i = n++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/accounts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ name: `崩溃测试客户 ${i}`, ownershipType: 'private' }),
          });
          if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    const deadline = Date.now() + 60_000;
    while (acked.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await Promise.all([exited, ...writers]);
    expect(acked.length).toBeGreaterThanOrEqual(40);

    child = await start(port);
    try {
      const cookie2 = await signIn(port);
      for (const id of acked) {
        const res = await fetch(`http://127.0.0.1:${port}/api/accounts/${id}`, { headers: { cookie: cookie2 } });
        expect(res.status, `account ${id}`).toBe(200);
      }
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 180_000);
});
