// What the command-line tools share: the database the app would open (DATABASE_URL, else the embedded
// one in OPENKAM_DATA_DIR or ./data), and errors said plainly with an exit code instead of a stack.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../plugins/config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { DataDirError } from '../db/data-dir.ts';
import { RestoreRefused } from '../db/backup-restore.ts';

/** The command's options: `--name value` strings and `--flag` switches; anything else is refused. */
export function args(strings: string[], flags: string[] = []) {
  const options = Object.fromEntries([
    ...strings.map((n) => [n, { type: 'string' as const }]),
    ...flags.map((n) => [n, { type: 'boolean' as const }]),
  ]);
  const values: Record<string, unknown> = parseArgs({ args: process.argv.slice(2), options, strict: true }).values;
  const read = (name: string) => values[name];
  return {
    string: (name: string): string | undefined => {
      const v = read(name);
      return typeof v === 'string' ? v : undefined;
    },
    flag: (name: string): boolean => read(name) === true,
  };
}

/** The app's database; an embedded one must exist already (a tool never creates an empty one by mistake). */
export async function openAppDatabase(opts: { create?: boolean } = {}): Promise<Database> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl && !opts.create && !existsSync(join(config.dataDir, 'PG_VERSION')))
    throw new Error(`No embedded database in ${config.dataDir} (set OPENKAM_DATA_DIR or DATABASE_URL).`);
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
}

export const describeDatabase = () => {
  const config = loadConfig(process.env);
  return config.databaseUrl
    ? `PostgreSQL ${new URL(config.databaseUrl).pathname.slice(1)}`
    : `PGlite ${config.dataDir}`;
};

/** Runs a tool: a refusal prints its reason in Chinese and English and exits 2; any other error exits 1. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
    process.exit(0);
  } catch (e) {
    if (e instanceof RestoreRefused) {
      console.error(`${e.zh}\n${e.en}`);
      process.exit(2);
    }
    if (e instanceof DataDirError) {
      // A directory held by the running app says "in use": for a tool, say what to do instead.
      const held = e.message.includes('in use by process');
      console.error(
        held
          ? `${e.message}\n请先停止 OpenKAM 再运行（或设置 OPENKAM_BACKUP_DIR，由运行中的应用每晚备份）。\nStop OpenKAM first (or set OPENKAM_BACKUP_DIR and let the running app back up nightly).`
          : e.message,
      );
      process.exit(1);
    }
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
