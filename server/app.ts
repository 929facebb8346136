// Builds the Fastify app without listening: main.ts serves it, tests inject into it.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from './db/client.ts';
import { proxyTrust, type Config } from './plugins/config.ts';
import { dbPlugin } from './plugins/db.ts';
import { errorsPlugin, frameworkErrors, sendError } from './plugins/errors.ts';
import { authPlugin } from './plugins/auth.ts';
import { webPlugin } from './plugins/web.ts';
import { securityPlugin } from './plugins/security.ts';
import type { App } from './lib/app-type.ts';
import { validatorCompiler } from './lib/validation.ts';
import { serializerCompiler } from './lib/serialization.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { setupRoutes } from './modules/setup/routes.ts';
import { teamsRoutes } from './modules/teams/routes.ts';
import { usersRoutes } from './modules/users/routes.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { contactsRoutes } from './modules/contacts/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { stagesRoutes } from './modules/stages/routes.ts';
import { opportunitiesRoutes } from './modules/opportunities/routes.ts';
import { productsRoutes } from './modules/products/routes.ts';
import { competitorsRoutes } from './modules/competitors/routes.ts';
import { swotRoutes } from './modules/swot/routes.ts';
import { viewsRoutes } from './modules/views/routes.ts';
import { activityTypesRoutes } from './modules/activity-types/routes.ts';
import { activitiesRoutes } from './modules/activities/routes.ts';
import { analysisRoutes } from './modules/analysis/routes.ts';
import { tasksRoutes } from './modules/tasks/routes.ts';
import { handoverRoutes } from './modules/handover/routes.ts';
import { mergesRoutes } from './modules/merges/routes.ts';
import { remindersRoutes } from './modules/reminders/routes.ts';
import { timelineRoutes } from './modules/timeline/routes.ts';
import { quotasRoutes } from './modules/quotas/routes.ts';
import { forecastRoutes } from './modules/forecast/routes.ts';
import { plannerRoutes } from './modules/planner/routes.ts';
import { pipelineRoutes } from './modules/pipeline/routes.ts';
import { scoringRoutes } from './modules/scoring/routes.ts';
import { accountHealthRoutes } from './modules/account-health/routes.ts';
import { relationshipMapRoutes } from './modules/relationship-map/routes.ts';
import { poolRoutes } from './modules/pool/routes.ts';
import { paretoRoutes } from './modules/key-accounts/pareto.routes.ts';
import { recycleBinRoutes } from './modules/recycle-bin/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { importsRoutes } from './modules/imports/routes.ts';
import { tokenRoutes } from './modules/auth/token-routes.ts';
import { historyRoutes } from './modules/history/routes.ts';
import { ssoRoutes } from './modules/sso/routes.ts';
import { importRunner } from './modules/imports/runner.ts';
import { webhooksRoutes } from './modules/webhooks/routes.ts';
import { webhookDispatcher } from './modules/webhooks/dispatcher.ts';
import { webhookChannel } from './modules/webhooks/channel.ts';
import { recordReader } from './modules/webhooks/records.ts';
import { robotsRoutes } from './modules/robots/routes.ts';
import { robotChannels } from './modules/robots/channels.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Close the database with the app (main.ts); tests manage it themselves. */
  ownsDatabase?: boolean;
  logger?: boolean;
  serveWeb?: boolean;
  /**
   * Compile each route's request and response schemas on first use instead of at start-up (main.ts:
   * about a second off the start). Tests leave it off, so a schema that does not compile fails them all.
   */
  lazySchemas?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: opts.config.logLevel } : false,
    bodyLimit: opts.config.bodyLimit,
    trustProxy: proxyTrust(opts.config.trustProxy),
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    // Over the router's default 100 characters a path parameter never reached its route: PATCH and
    // DELETE answered Fastify's own 414. Now every id reaches its schema (400 naming params.id); a
    // request line cannot be longer than Node's 16 KB header limit anyway.
    routerOptions: { maxParamLength: 16_384 },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler({ lazy: opts.lazySchemas }));
  app.setSerializerCompiler(serializerCompiler({ lazy: opts.lazySchemas }));

  // Only JSON bodies: browsers cannot send them cross-site without a CORS preflight (CSRF).
  app.removeContentTypeParser(['text/plain']);

  await app.register(securityPlugin, { secure: opts.config.cookieSecure });
  await app.register(dbPlugin, { database: opts.database, config: opts.config, ownsDatabase: !!opts.ownsDatabase });
  await app.register(errorsPlugin);
  // Imports run as jobs in the database; this instance's runner, stopped (its claims left to lapse) on close.
  app.decorate('imports', importRunner(opts.database.db, opts.database.kind, app.log));
  app.addHook('onClose', () => app.imports.stop());
  // Webhook and group-robot deliveries leave from a queue in the database; main.ts starts this instance's sender.
  app.decorate(
    'webhooks',
    webhookDispatcher(opts.database.db, {
      channels: { webhook: webhookChannel, ...robotChannels({ publicUrl: opts.config.publicUrl }) },
      records: recordReader(app.imports, { maxMb: opts.config.importMaxMb, maxRows: opts.config.importMaxRows }),
      log: app.log,
    }),
  );
  app.addHook('onClose', () => app.webhooks.stop());
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'OpenKAM API',
        version: '0.1.0',
        description: '大客户战略营销系统 — key-account management and strategic selling',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'okam_session' },
          // Personal access tokens (POST /api/tokens): `Authorization: Bearer okam_…`.
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (POST /api/tokens)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);

  await app.register(
    async (api) => {
      const a = api as unknown as App;
      a.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of [
        systemRoutes,
        authRoutes,
        ssoRoutes,
        setupRoutes,
        teamsRoutes,
        usersRoutes,
        accountsRoutes,
        contactsRoutes,
        searchRoutes,
        stagesRoutes,
        opportunitiesRoutes,
        productsRoutes,
        competitorsRoutes,
        swotRoutes,
        viewsRoutes,
        activityTypesRoutes,
        activitiesRoutes,
        analysisRoutes,
        tasksRoutes,
        remindersRoutes,
        timelineRoutes,
        quotasRoutes,
        forecastRoutes,
        plannerRoutes,
        pipelineRoutes,
        scoringRoutes,
        poolRoutes,
        relationshipMapRoutes,
        paretoRoutes,
        accountHealthRoutes,
        recycleBinRoutes,
        settingsRoutes,
        importsRoutes,
        tokenRoutes,
        historyRoutes,
        webhooksRoutes,
        robotsRoutes,
        handoverRoutes,
        mergesRoutes,
      ]) {
        await a.register(routes);
      }
    },
    { prefix: '/api' },
  );

  if (opts.serveWeb) await app.register(webPlugin, { root: opts.config.webDist });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, 'route_not_found'));

  return app as unknown as App;
}
