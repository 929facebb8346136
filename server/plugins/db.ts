import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client.ts';
import { followOrgChanges } from '../db/org-changes.ts';
import type { Config } from './config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
  }
}

/**
 * Hands the opened database and config to every module and follows the database's change notices
 * (db/org-changes.ts); closing the app stops following and, when it owns it, closes the pool.
 */
export const dbPlugin = fp<{ database: Database; config: Config; ownsDatabase: boolean }>(async (app, opts) => {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('config', opts.config);
  const unfollow = await followOrgChanges(opts.database);
  app.addHook('onClose', async () => {
    await unfollow();
    if (opts.ownsDatabase) await opts.database.close();
  });
});
