import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { relationshipMapService } from './service.ts';
import { RelationshipMap, Stakeholders } from '../../../core/schemas/relationship-map.ts';
import { ErrorResponse, IdParams } from '../../../core/schemas/common.ts';

const tags = ['relationship-map'];
const errors = { 400: ErrorResponse, 404: ErrorResponse };

export async function relationshipMapRoutes(app: App) {
  const maps = relationshipMapService(app.db);
  app.get(
    '/accounts/:id/relationship-map',
    { schema: { tags, params: IdParams, response: { 200: RelationshipMap, ...errors } } },
    (req) => maps.accountMap(actorOf(req), req.params.id),
  );
  app.get(
    '/opportunities/:id/relationship-map',
    { schema: { tags, params: IdParams, response: { 200: RelationshipMap, ...errors } } },
    (req) => maps.dealMap(actorOf(req), req.params.id),
  );
  app.get(
    '/accounts/:id/stakeholders',
    { schema: { tags, params: IdParams, response: { 200: Stakeholders, ...errors } } },
    (req) => maps.stakeholders(actorOf(req), req.params.id),
  );
}
