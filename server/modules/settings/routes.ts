import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { orgSettingsService } from './service.ts';
import { OrgTimeZone } from '../../../core/schemas/org.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['settings'];

export async function settingsRoutes(app: App) {
  const settings = orgSettingsService(app.db);

  app.get('/settings/time-zone', { schema: { tags, response: { 200: OrgTimeZone } } }, (req) =>
    settings.timeZone(actorOf(req)),
  );
  app.put(
    '/settings/time-zone',
    {
      schema: {
        tags,
        description: 'Sets the IANA zone the organisation names its days in (admin).',
        body: OrgTimeZone,
        response: { 200: OrgTimeZone, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (req) => settings.putTimeZone(actorOf(req), req.body),
  );
}
