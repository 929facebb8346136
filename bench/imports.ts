// `npm run bench:imports`: issue 22's import targets. Imports 100k accounts from one .xlsx into a fresh
// database (PostgreSQL < 20 s, PGlite < 60 s) with the server's memory growth sampled throughout
// (< 200 MB); then the same file again, which now matches every row and updates none of the values.
// Each backend gets a new, empty database: a team's first load meets that case. The export's targets
// are bench/export.ts's.
import { loadConfig } from '../server/plugins/config.ts';
import { buildApp } from '../server/app.ts';
import { importOnce, memoryGrowth, open, signIn, workbook } from './fresh.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',');
const PG_DB = 'openkam_bench_import';

const content = await workbook(ROWS);
console.log(`workbook: ${ROWS} rows, ${(content.length / 2 ** 20).toFixed(1)} MB`);
const lines: string[] = [];
for (const backend of BACKENDS) {
  const { database, done } = await open(backend, PG_DB);
  const app = await buildApp({ config: loadConfig({ ...process.env, OPENKAM_LOG_LEVEL: 'warn' }), database });
  try {
    const cookie = await signIn(app);
    const imp = await memoryGrowth(() => importOnce(app, cookie, content));
    const job = imp.result;
    if (job.status !== 'done' || job.created !== ROWS) throw new Error(`import ended ${JSON.stringify(job)}`);
    const again = await memoryGrowth(() => importOnce(app, cookie, content));
    if (again.result.status !== 'done' || again.result.updated !== ROWS) {
      throw new Error(`second import ended ${JSON.stringify(again.result)}`);
    }
    lines.push(
      `| ${backend} | import ${ROWS.toLocaleString('en')} accounts (.xlsx) | ${(imp.ms / 1000).toFixed(1)} s | ${Math.round(ROWS / (imp.ms / 1000)).toLocaleString('en')} rows/s | ${imp.growthMb.toFixed(0)} MB |`,
      `| ${backend} | the same file again: every row matched, nothing changed | ${(again.ms / 1000).toFixed(1)} s | ${Math.round(ROWS / (again.ms / 1000)).toLocaleString('en')} rows/s | ${again.growthMb.toFixed(0)} MB |`,
    );
    console.log(lines.slice(-2).join('\n'));
  } finally {
    await app.close();
    await done();
  }
}
console.log(
  ['| Backend | Scenario | Time | Rate | Memory growth |', '| --- | --- | ---: | ---: | ---: |', ...lines].join('\n'),
);
