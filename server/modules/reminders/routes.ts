import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { remindersService } from './service.ts';
import { Reminders, RemindersRead } from '../../../core/schemas/activities.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['reminders'];

export async function remindersRoutes(app: App) {
  const reminders = remindersService(app.db);
  app.get('/reminders', { schema: { tags, response: { 200: Reminders } } }, (req) => reminders.list(actorOf(req)));
  app.post(
    '/reminders/read',
    { schema: { tags, body: RemindersRead, response: { 204: Type.Null(), 400: ErrorResponse } } },
    async (req, reply) => {
      await reminders.markRead(actorOf(req), req.body);
      return reply.code(204).send(null);
    },
  );
}
