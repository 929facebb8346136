// Shared by the benches that need a new, empty database of their own (bench/imports.ts, bench/webhooks.ts):
// the database on either backend, the first admin signed in, a customer workbook, and an import run to its end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.ts';
import type { App } from '../server/lib/app-type.ts';
import type { ImportJob } from '../core/schemas/imports.ts';
import { loadExcelJS } from '../server/lib/sheets/exceljs.ts';

const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PASSWORD = 'Bench-import-2026!';
const PROVINCES = [
  ['广东省', '深圳市'],
  ['浙江省', '杭州市'],
  ['江苏省', '苏州市'],
  ['云南省', '昆明市'],
];
const TYPES = ['政府', '国企', '民企', '事业单位'];

/** A team's customer list as Excel writes it: Chinese headers, amounts in 万, regions as text. */
export async function workbook(rows: number): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['客户名称', '客户性质', '省份', '城市', '我方收入（万元）', '员工人数', '标签']).commit();
  for (let i = 0; i < rows; i++) {
    const [province, city] = PROVINCES[i % PROVINCES.length];
    sheet
      .addRow([
        `基准客户${i}有限公司`,
        TYPES[i % TYPES.length],
        province,
        city,
        (i % 5000) / 10,
        50 + (i % 900),
        'bench',
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** Samples the process's resident memory while `work` runs; answers the growth over the start in MB. */
export async function memoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; growthMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, growthMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function signIn(app: App): Promise<string> {
  const setup = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { orgName: '导入基准', name: '管理员', email: 'admin@import.bench', password: PASSWORD },
  });
  if (setup.statusCode >= 300) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@import.bench', password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'okam_session');
  if (!cookie) throw new Error('no session');
  return `okam_session=${cookie.value}`;
}

export async function importOnce(app: App, cookie: string, content: Buffer): Promise<ImportJob> {
  const form = new FormData();
  form.append('entity', 'accounts');
  form.append('mode', 'skip');
  form.append('file', new Blob([new Uint8Array(content)]), 'customers.xlsx');
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { cookie, 'content-type': req.headers.get('content-type') ?? '' },
  });
  if (res.statusCode !== 202) throw new Error(`import: ${res.statusCode} ${res.body}`);
  await app.imports.idle();
  const job = await app.inject({ method: 'GET', url: `/api/imports/${res.json<ImportJob>().id}`, headers: { cookie } });
  return job.json<ImportJob>();
}

export async function open(backend: string, pgDb: string): Promise<{ database: Database; done: () => Promise<void> }> {
  if (backend === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`drop database if exists ${pgDb} with (force)`);
    await admin.query(`create database ${pgDb}`);
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = `/${pgDb}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    return { database, done: () => database.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'openkam-import-bench-'));
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    done: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
