import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { activitiesService } from './service.ts';
import { activitiesExport } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import { calendarService, ICS_LIMIT } from './calendar.service.ts';
import { activitySettingsService } from './settings.service.ts';
import {
  Activity,
  ActivityComplete,
  ActivityCompleted,
  ActivityCreate,
  ActivityListQuery,
  ActivityPage,
  AutoLater,
  AutoLaterQuery,
  ActivitySettings,
  ActivitySettingsPut,
  ActivityUpdate,
  Calendar,
  CalendarQuery,
} from '../../../core/schemas/activities.ts';
import { ErrorResponse, IdParams, ListSummary } from '../../../core/schemas/common.ts';

const tags = ['activities'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function activitiesRoutes(app: App) {
  const service = activitiesService(app.db, { countCap: app.config.listCountCap });
  const calendar = calendarService(app.db);
  const settings = activitySettingsService(app.db);
  const listed = listOrExport(app, (actor) => activitiesExport(app.db, actor), service.list);

  app.get(
    '/activities',
    { schema: { tags, querystring: ActivityListQuery, response: { 200: ActivityPage, 400: ErrorResponse } } },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
  app.post(
    '/activities',
    { schema: { tags, body: ActivityCreate, response: { 201: Activity, ...errors } } },
    async (req, reply) => reply.code(201).send(await service.create(actorOf(req), req.body)),
  );
  // The scheduled follow-ups the list leaves out (autoWithinDays), per deal. Before /activities/:id.
  app.get(
    '/activities/summary',
    { schema: { tags, querystring: ActivityListQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => service.summary(actorOf(req), req.query),
  );
  app.get(
    '/activities/auto-later',
    { schema: { tags, querystring: AutoLaterQuery, response: { 200: AutoLater, 400: ErrorResponse } } },
    (req) => service.autoLater(actorOf(req), req.query),
  );
  // Registered before /activities/:id so the static path wins.
  app.get(
    '/activities.ics',
    {
      schema: {
        tags,
        description: `The caller's activities (owned or attended), 30 days back to a year ahead, the earliest ${ICS_LIMIT} at most, as iCalendar.`,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="openkam-activities.ics"')
        .send(await calendar.ics(actorOf(req))),
  );
  app.get(
    '/activities/:id',
    { schema: { tags, params: IdParams, response: { 200: Activity, 404: ErrorResponse } } },
    (req) => service.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/activities/:id',
    { schema: { tags, params: IdParams, body: ActivityUpdate, response: { 200: Activity, ...errors } } },
    (req) => service.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/activities/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await service.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/activities/:id/complete',
    { schema: { tags, params: IdParams, body: ActivityComplete, response: { 200: ActivityCompleted, ...errors } } },
    (req) => service.complete(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        querystring: CalendarQuery,
        response: { 200: Calendar, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    (req) => calendar.calendar(actorOf(req), req.query),
  );

  app.get('/settings/activities', { schema: { tags: ['settings'], response: { 200: ActivitySettings } } }, (req) =>
    settings.get(actorOf(req)),
  );
  app.put(
    '/settings/activities',
    { schema: { tags: ['settings'], body: ActivitySettingsPut, response: { 200: ActivitySettings, ...errors } } },
    (req) => settings.put(actorOf(req), req.body),
  );
}
