// The server's entry: open and migrate the database, create the first admin (or the demo
// organisation), start the job scheduler and serve UI + API. `npm start` runs its compiled copy
// (dist/server/main.js, scripts/start.mjs); the web bundle is built beforehand (scripts/build.mjs).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './plugins/config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { DataDirError } from './db/data-dir.ts';
import { buildApp } from './app.ts';
import { setupService } from './modules/setup/service.ts';
import { startScheduler } from './modules/jobs/scheduler.ts';
import { authService } from './modules/auth/service.ts';
import { loadDemo } from './modules/demo/load.ts';
import { ensureDefaultStages } from './modules/stages/service.ts';
import { ensureActivityTypes } from './modules/activity-types/service.ts';
import { opportunitiesService } from './modules/opportunities/service.ts';
import { remindersService } from './modules/reminders/service.ts';
import { pipelineService } from './modules/pipeline/service.ts';
import { recycleBinService } from './modules/recycle-bin/service.ts';
import { scoreAllUnscored } from './modules/scoring/service.ts';
import { backfillAccountCodes } from './modules/accounts/backfill.ts';
import { nightlyBackupJob } from './modules/backups/service.ts';
import { robotDigest } from './modules/robots/digest.ts';
import { AppError } from './lib/errors.ts';
import { messagePair } from '../core/messages.ts';
import { mapStackTraces } from './lib/stack-trace.ts';

/**
 * The migrated data directory the build made (dist/pglite-template, beside dist/server/main.js's
 * folder), which a new PGlite data directory starts as a copy of; run from the sources there is
 * none and PGlite initialises one.
 */
const TEMPLATE = fileURLToPath(new URL('../pglite-template', import.meta.url));

// Compiled (dist/server/*.js), stack traces are mapped to the TypeScript when printed; run from the
// sources, they name the TypeScript already.
if (import.meta.url.endsWith('.js')) mapStackTraces(dirname(fileURLToPath(import.meta.url)));

/** Runs a start-up step; one still running after 2 s is announced, and its duration told when it ends. */
async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const announce = setTimeout(() => console.log(`${label}…`), 2000);
  try {
    return await work();
  } finally {
    clearTimeout(announce);
    const seconds = (performance.now() - started) / 1000;
    if (seconds >= 2) console.log(`${label}: ${seconds.toFixed(1)} s`);
  }
}

async function firstRun(db: Db, config: Config) {
  const setup = setupService(db);
  if (!(await setup.needsSetup())) {
    if (config.demo) console.log('Database is not empty: demo data not loaded.');
    return;
  }
  if (config.demo) {
    const logins = await loadDemo(db);
    console.log('\nDemo organisation loaded. Sign in with:');
    console.table(logins);
  } else if (config.adminEmail && config.adminPassword) {
    await setup
      .createFirstOrg({
        orgName: process.env.OPENKAM_ORG_NAME ?? 'OpenKAM',
        name: 'Admin',
        email: config.adminEmail,
        password: config.adminPassword,
      })
      .catch((err: unknown) => {
        // A password too easy to guess stops the start with the reason in words, not an error code.
        if (!(err instanceof AppError) || !err.fields.length) throw err;
        const why = err.fields.map(
          (f) => `${f.path} ${messagePair(f.code, f.params).en}（${messagePair(f.code, f.params).zh}）`,
        );
        throw new Error(`OPENKAM_ADMIN_PASSWORD refused: ${why.join('; ')}`);
      });
    console.log(`Created the first admin: ${config.adminEmail}`);
  } else {
    console.log('Empty database: open the app in a browser to set up your organisation.');
  }
}

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  const where = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
  const database = await step(`Opening and migrating the database (${where})`, () =>
    openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, template: TEMPLATE }),
  );
  await step('Preparing the organisation', async () => {
    await firstRun(database.db, config);
    await ensureDefaultStages(database.db);
    await ensureActivityTypes(database.db);
    // Scores a migration cleared (a new default model, migration 0029) are computed before lists show
    // them blank; a probe per organisation when there are none. Instances starting together may both
    // score the same rows: the same values, written twice.
    await scoreAllUnscored(database.db);
  });
  const app = await buildApp({ config, database, ownsDatabase: true, logger: true, serveWeb: true, lazySchemas: true });
  const auth = authService(database.db, config);
  const deals = opportunitiesService(database.db);
  const scheduler = await startScheduler(database.db, [
    { name: 'purge-expired-sessions', everyMs: 3600_000, run: () => auth.purgeExpired() },
    { name: 'rejudge-deals', everyMs: 3600_000, run: async () => void (await deals.rejudgeDue()) },
    {
      name: 'purge-reminder-reads',
      everyMs: 24 * 3600_000,
      run: async () => void (await remindersService(database.db).purgeOldReads()),
    },
    // Hourly, so a week's snapshot is taken early on each organisation's Monday even after downtime; the service skips weeks already taken.
    {
      name: 'snapshot-pipeline',
      everyMs: 3600_000,
      run: async () => void (await pipelineService(database.db).snapshotDue()),
    },
    // Region and industry text typed before the pickers gets its codes: first tick after start, on one
    // instance, without holding up the start (a list shows the text meanwhile); daily after that.
    {
      name: 'code-account-text',
      everyMs: 24 * 3600_000,
      run: async () => void (await backfillAccountCodes(database.db)),
    },
    // Imports whose instance stopped (a restart, a crash) are taken over once their claim lapses.
    { name: 'resume-imports', everyMs: 60_000, run: () => app.imports.sweep() },
    // Hourly, so an entry goes within the hour its retention ends.
    {
      name: 'purge-recycle-bin',
      everyMs: 3600_000,
      run: async () => void (await recycleBinService(database.db).purgeExpired()),
    },
    // The group robots' morning digest of overdue follow-ups: offered every ten minutes, queued once a day
    // per robot from 08:00 in each organisation's time zone (robots/digest.ts).
    {
      name: 'robot-digest',
      everyMs: 10 * 60_000,
      run: async () => void (await robotDigest(database.db, { publicUrl: config.publicUrl }).due()),
    },
    // Off unless OPENKAM_BACKUP_DIR is set: hourly, writing one backup a night and keeping the newest N.
    ...(config.backupDir
      ? [nightlyBackupJob(database, { dir: config.backupDir, keep: config.backupKeep, hour: config.backupHour })]
      : []),
  ]);

  // Webhook and robot deliveries: every instance sends; the queue's claims make each delivery go once.
  app.webhooks.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await scheduler.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(
    `OpenKAM is running on http://localhost:${config.port} (${database.kind}${database.kind === 'pglite' ? `: ${config.dataDir}` : ''})`,
  );
}

main().catch((err) => {
  // A refused data directory is the operator's to fix: the message says what, without a stack trace.
  console.error(err instanceof DataDirError ? `\n${err.message}\n` : err);
  process.exit(1);
});
