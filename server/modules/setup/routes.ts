import type { App } from '../../lib/app-type.ts';
import { setupService } from './service.ts';
import { setSessionCookie } from '../auth/routes.ts';
import { Me, SetupBody, SetupStatus } from '../../../core/schemas/org.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['setup'];

export async function setupRoutes(app: App) {
  const setup = setupService(app.db);
  app.get('/setup', { config: { public: true }, schema: { tags, response: { 200: SetupStatus } } }, async () => ({
    needsSetup: await setup.needsSetup(),
  }));
  app.post(
    '/setup',
    { config: { public: true }, schema: { tags, body: SetupBody, response: { 201: Me, 409: ErrorResponse } } },
    async (req, reply) => {
      const who = await setup.createFirstOrg(req.body);
      setSessionCookie(app, reply, await app.auth.startSession(who.orgId, who.userId));
      return reply.code(201).send(await app.auth.me(who));
    },
  );
}
