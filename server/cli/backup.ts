// npm run backup -- --out FILE: a consistent, gzip-compressed logical backup of the app's database.
import { writeBackupFile } from '../db/backup-write.ts';
import { args, describeDatabase, openAppDatabase, run } from './common.ts';

await run(async () => {
  const out = args(['out']).string('out');
  if (!out) throw new Error('Usage: npm run backup -- --out FILE (e.g. openkam.jsonl.gz)');
  const database = await openAppDatabase();
  try {
    const started = performance.now();
    const summary = await writeBackupFile(database.db, database.kind, out);
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `备份完成 / Backup written: ${out}\n  ${describeDatabase()}, OpenKAM ${summary.header.appVersion}, schema ${summary.header.schema.tag}\n  ${summary.tables.length} tables, ${rows} rows, ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await database.close();
  }
});
