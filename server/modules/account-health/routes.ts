import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { accountHealthService } from './service.ts';
import { groupService } from './group.service.ts';
import { whitespaceService } from './whitespace.service.ts';
import { AccountGroup, AccountHealth, Whitespace, WhitespaceQuery } from '../../../core/schemas/health.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

export async function accountHealthRoutes(app: App) {
  const health = accountHealthService(app.db);
  const groups = groupService(app.db);
  const whitespace = whitespaceService(app.db);
  app.get(
    '/accounts/:id/health',
    { schema: { tags: ['accounts'], params: IdParams, response: { 200: AccountHealth, ...errors } } },
    (req) => health.breakdown(actorOf(req), req.params.id),
  );
  app.get(
    '/accounts/:id/group',
    { schema: { tags: ['accounts'], params: IdParams, response: { 200: AccountGroup, ...errors } } },
    (req) => groups.group(actorOf(req), req.params.id),
  );
  app.get(
    '/analysis/whitespace',
    { schema: { tags: ['analysis'], querystring: WhitespaceQuery, response: { 200: Whitespace, ...errors } } },
    (req) => whitespace.grid(actorOf(req), req.query),
  );
}
