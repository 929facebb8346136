import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { teamsService } from './service.ts';
import { Team, TeamCreate, TeamUpdate } from '../../../core/schemas/org.ts';
import { IdParams } from '../../../core/schemas/common.ts';

const tags = ['teams'];

export async function teamsRoutes(app: App) {
  const teams = teamsService(app.db);
  app.get('/teams', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Team) }) } } }, (req) =>
    teams.list(actorOf(req)),
  );
  app.get('/teams/:id', { schema: { tags, params: IdParams, response: { 200: Team } } }, (req) =>
    teams.get(actorOf(req), req.params.id),
  );
  app.post('/teams', { schema: { tags, body: TeamCreate, response: { 201: Team } } }, async (req, reply) =>
    reply.code(201).send(await teams.create(actorOf(req), req.body)),
  );
  app.patch('/teams/:id', { schema: { tags, params: IdParams, body: TeamUpdate, response: { 200: Team } } }, (req) =>
    teams.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/teams/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await teams.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
