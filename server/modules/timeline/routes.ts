import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { timelineService } from './service.ts';
import { TimelinePage, TimelineQuery } from '../../../core/schemas/activities.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

export async function timelineRoutes(app: App) {
  const timeline = timelineService(app.db);
  app.get(
    '/timeline',
    {
      schema: {
        tags: ['timeline'],
        querystring: TimelineQuery,
        response: { 200: TimelinePage, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    (req) => timeline.page(actorOf(req), req.query),
  );
}
