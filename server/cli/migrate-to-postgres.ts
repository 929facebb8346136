// npm run migrate-to-postgres -- --to postgres://…: the embedded database (OPENKAM_DATA_DIR or ./data)
// copied into an empty PostgreSQL database, then verified table by table. Stop the app first.
import { loadConfig } from '../plugins/config.ts';
import { openDatabase } from '../db/client.ts';
import { formatMoveResult, moveToPostgres } from '../db/move-to-postgres.ts';
import { args, openAppDatabase, run } from './common.ts';

await run(async () => {
  const to = args(['to']).string('to');
  if (!to || !/^postgres(ql)?:\/\//.test(to))
    throw new Error('Usage: npm run migrate-to-postgres -- --to postgres://user:password@host:5432/database');
  const { dataDir } = loadConfig(process.env);
  // The embedded database, whatever DATABASE_URL says: it is what is being moved.
  const source = await (process.env.DATABASE_URL ? openDatabase({ dataDir }) : openAppDatabase());
  try {
    console.log(`Copying ${dataDir} → ${new URL(to).host}${new URL(to).pathname} …`);
    const result = await moveToPostgres(source, to);
    console.log(formatMoveResult(result));
    if (result.differences.length) {
      console.error(`校验不一致 / Verification failed: ${result.differences.join(', ')}`);
      process.exitCode = 3;
      throw new Error('The copy differs from the source; the target database was left as copied for inspection.');
    }
    console.log(
      "完成：所有表的行数和校验和一致。设置 DATABASE_URL 后启动即可。\nDone: every table's row count and checksum match. Start OpenKAM with DATABASE_URL set to the target.",
    );
  } finally {
    await source.close();
  }
});
