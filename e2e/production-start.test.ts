// The production start: the compiled server (dist/server/main.js, built by `npm ci` or `npm run build`)
// run as `npm start` runs it, on a new data directory and again on the same one. Everything else
// tests the TypeScript through app.ts; this is what checks the bundle, the database template, the
// precompressed web bundle and the shutdown on SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { adminUrl } from '../server/test/pg.ts';
import { xlsx } from '../server/test/uploads.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist/server/main.js');
const WEB = join(ROOT, 'web/dist');
const ADMIN = { email: 'admin@start.test', password: 'Harbour-lantern-47-quietly' };

interface Server {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the compiled server on a free port and waits for /api/health, as `npm start` would run it. */
async function start(dataDir: string, databaseUrl = ''): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', '--max-old-space-size=1024', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENKAM_DATA_DIR: dataDir,
      OPENKAM_ADMIN_EMAIL: ADMIN.email,
      OPENKAM_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d));
  child.stderr?.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.body?.cancel().then(() => r.ok),
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`no answer from /api/health in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  await res.body?.cancel();
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('npm start: the compiled server', { timeout: 120_000 }, () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'okam-start-')), 'data');
  let server: Server;

  beforeAll(async () => {
    // Without the build every request here fails one by one; say why once.
    for (const file of [MAIN, join(WEB, 'index.html')]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before this test`);
    }
    server = await start(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('starts on a new data directory, creates the first admin and answers the API', async () => {
    expect(server.output()).toContain(`Created the first admin: ${ADMIN.email}`);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

    const cookie = await signIn(server.url);
    const created = await fetch(`${server.url}/api/accounts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '启动测试医院', ownershipType: 'institution' }),
    });
    expect(created.status).toBe(201);
    await created.body?.cancel();
    const invalid = await fetch(`${server.url}/api/accounts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(invalid.status).toBe(400);
    await invalid.body?.cancel();
    const list = await fetch(`${server.url}/api/accounts`, { headers: { cookie } });
    expect((await list.json()).items.map((a: { name: string }) => a.name)).toEqual(['启动测试医院']);
    const calendar = await fetch(`${server.url}/api/activities.ics`, { headers: { cookie } });
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    const docs = await fetch(`${server.url}/api/docs/static/swagger-ui-bundle.js`, { headers: { cookie } });
    expect(docs.status).toBe(200);
    // Every body is read or cancelled: a response left unread keeps its connection busy, and the
    // server's shutdown would wait for it.
    await docs.body?.cancel();
  });

  it('imports an .xlsx and exports the list as one (ExcelJS and unzipper load from the bundle)', async () => {
    const cookie = await signIn(server.url);
    const form = new FormData();
    form.append('entity', 'accounts');
    const content = await xlsx([
      ['客户名称', '客户性质', '省份'],
      ['启动导入市人民医院', '事业单位', '广东省'],
    ]);
    form.append('file', new Blob([new Uint8Array(content)]), '客户.xlsx');
    const started = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { cookie }, body: form });
    expect(started.status, server.output()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: { status: string; created: number } = { status: 'queued', created: 0 };
    for (const deadline = Date.now() + 30_000; job.status === 'queued' || job.status === 'running'; ) {
      if (Date.now() > deadline) throw new Error(`import still ${job.status}:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
      job = await (await fetch(`${server.url}/api/imports/${id}`, { headers: { cookie } })).json();
    }
    expect(job, server.output()).toMatchObject({ status: 'done', created: 1 });
    const file = await fetch(`${server.url}/api/accounts?format=xlsx`, { headers: { cookie } });
    expect(file.status).toBe(200);
    // An .xlsx is a zip: it starts with "PK".
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('sends index.html revalidated and hashed assets precompressed, cached for a year', async () => {
    const page = await fetch(`${server.url}/accounts/123`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(await page.text()).toContain('<div id="root">');

    const script = readdirSync(join(WEB, 'assets')).find(
      (f) => f.endsWith('.js') && existsSync(join(WEB, 'assets', `${f}.br`)),
    );
    expect(script).toBeDefined();
    const plain = readFileSync(join(WEB, 'assets', script!));
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await fetch(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('content-encoding') ?? 'identity').toBe(encoding);
      // fetch() decodes a compressed body; the length sent is in content-length.
      if (encoding !== 'identity') expect(Number(res.headers.get('content-length'))).toBeLessThan(plain.length);
      expect(Buffer.from(await res.arrayBuffer()).equals(plain)).toBe(true);
    }

    const missing = await fetch(`${server.url}/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });

  it('shuts down on SIGTERM, releasing the data directory, and starts again on it with its data', async () => {
    const code = await server.stop();
    expect(code, server.output()).toBe(0);
    expect(existsSync(join(dataDir, 'openkam.lock'))).toBe(false);
    server = await start(dataDir);
    expect(server.output()).not.toContain('Created the first admin');
    const cookie = await signIn(server.url);
    const list = await fetch(`${server.url}/api/accounts`, { headers: { cookie } });
    expect((await list.json()).items.map((a: { name: string }) => a.name).sort()).toEqual(
      ['启动导入市人民医院', '启动测试医院'].sort(),
    );
  });
});

// The PostgreSQL driver is bundled too: the same start on a new, empty database.
describe.runIf(process.env.TEST_DATABASE_URL)(
  'npm start: the compiled server on PostgreSQL',
  { timeout: 120_000 },
  () => {
    const url = process.env.TEST_DATABASE_URL ?? '';
    const name = `openkam_start_${process.pid}`;
    const admin = async (sql: string) => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(sql);
      await client.end();
    };

    afterAll(() => admin(`drop database if exists ${name} with (force)`));

    it('migrates the database, creates the first admin and answers', async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await admin(`create database ${name}`);
      const server = await start('', adminUrl(url, name));
      try {
        expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok', database: 'postgres' });
        await signIn(server.url);
      } finally {
        const code = await server.stop();
        expect(code, server.output()).toBe(0);
      }
    });
  },
);
