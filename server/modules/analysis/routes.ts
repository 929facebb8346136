import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { timeService } from './time.service.ts';
import { TimeQuery, TimeSpent } from '../../../core/schemas/activities.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['analysis'];

export async function analysisRoutes(app: App) {
  const time = timeService(app.db);
  app.get(
    '/analysis/time',
    { schema: { tags, querystring: TimeQuery, response: { 200: TimeSpent, 400: ErrorResponse } } },
    (req) => time.spent(actorOf(req), req.query),
  );
}
