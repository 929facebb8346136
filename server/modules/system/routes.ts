import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { systemRepository } from './repository.ts';

const Health = Type.Object({ status: Type.Enum(['ok', 'down']), database: Type.String() });

export async function systemRoutes(app: App) {
  const repo = systemRepository(app.db);

  // For load balancers and monitoring: 503 while the database cannot answer a real read.
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: Health, 503: Health } } },
    async (req, reply) => {
      try {
        await repo.probe();
        return { status: 'ok' as const, database: app.database.kind };
      } catch (err) {
        req.log.warn({ err }, 'health check: the database did not answer');
        return reply
          .code(503)
          .header('retry-after', '1')
          .send({ status: 'down' as const, database: app.database.kind });
      }
    },
  );
}
