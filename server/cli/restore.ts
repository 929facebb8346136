// npm run restore -- --in FILE [--force]: a backup into this deployment's database (migrated first).
// A database with data is refused unless --force, which replaces all of it. Stop the app first.
import { backupFileLines, restoreDatabase } from '../db/backup-restore.ts';
import { args, describeDatabase, openAppDatabase, run } from './common.ts';

await run(async () => {
  const opts = args(['in'], ['force']);
  const values = { in: opts.string('in'), force: opts.flag('force') };
  if (!values.in) throw new Error('Usage: npm run restore -- --in FILE [--force]');
  const database = await openAppDatabase({ create: true });
  try {
    const started = performance.now();
    const summary = await restoreDatabase(database.db, backupFileLines(values.in), { force: values.force === true });
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `恢复完成 / Restored: ${values.in} → ${describeDatabase()}\n  backup of ${summary.header.createdAt} (OpenKAM ${summary.header.appVersion}, schema ${summary.header.schema.tag})\n  ${summary.tables.length} tables, ${rows} rows, ${Math.round(performance.now() - started)} ms${summary.skipped.length ? `\n  skipped (not in this schema): ${summary.skipped.join(', ')}` : ''}`,
    );
  } finally {
    await database.close();
  }
});
