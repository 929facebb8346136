import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client.ts';
import type { Config } from './config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
  }
}

/** Hands the opened database and config to every module; closing the app closes the pool. */
export const dbPlugin = fp<{ database: Database; config: Config; ownsDatabase: boolean }>(async (app, opts) => {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('config', opts.config);
  if (opts.ownsDatabase) app.addHook('onClose', () => opts.database.close());
});
