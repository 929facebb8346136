import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { paretoService } from './pareto.service.ts';
import { effortService } from './effort.service.ts';
import { sendParetoExport } from './pareto.export.ts';
import { Effort, EffortQuery, ParetoQuery, ParetoResult, ParetoSettings } from '../../../core/schemas/key-accounts.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['analysis'];
const errors = { 400: ErrorResponse, 403: ErrorResponse };

export async function paretoRoutes(app: App) {
  const pareto = paretoService(app.db);
  const effort = effortService(app.db);
  app.get(
    '/analysis/pareto',
    { schema: { tags, querystring: ParetoQuery, response: { 200: ParetoResult, ...errors } } },
    async (req, reply) => {
      const { format, ...query } = req.query;
      if (!format) return pareto.pareto(actorOf(req), query);
      return sendParetoExport(app, pareto, actorOf(req), { ...query, format }, reply);
    },
  );
  app.get(
    '/analysis/effort',
    { schema: { tags, querystring: EffortQuery, response: { 200: Effort, ...errors } } },
    (req) => effort.effort(actorOf(req), req.query),
  );
  app.get('/settings/pareto', { schema: { tags: ['settings'], response: { 200: ParetoSettings } } }, (req) =>
    pareto.settings(actorOf(req)),
  );
  app.put(
    '/settings/pareto',
    { schema: { tags: ['settings'], body: ParetoSettings, response: { 200: ParetoSettings, ...errors } } },
    (req) => pareto.putSettings(actorOf(req), req.body),
  );
}
