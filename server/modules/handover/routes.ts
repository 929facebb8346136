import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { handoverService } from './service.ts';
import { HandoverInput, HandoverSummary } from '../../../core/schemas/handover.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';
import { UserList } from '../../../core/schemas/org.ts';

const tags = ['handover'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function handoverRoutes(app: App) {
  const handover = handoverService(app.db);
  app.get('/handovers/people', { schema: { tags, response: { 200: UserList, 403: ErrorResponse } } }, (req) =>
    handover.people(actorOf(req)),
  );
  app.post(
    '/handovers/preview',
    { schema: { tags, body: HandoverInput, response: { 200: HandoverSummary, ...errors } } },
    (req) => handover.preview(actorOf(req), req.body),
  );
  app.post(
    '/handovers',
    { schema: { tags, body: HandoverInput, response: { 200: HandoverSummary, ...errors } } },
    (req) => handover.perform(actorOf(req), req.body),
  );
}
