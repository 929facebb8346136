import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { usersService } from './service.ts';
import { User, UserCreate, UserList, UserUpdate } from '../../../core/schemas/org.ts';
import { IdParams } from '../../../core/schemas/common.ts';

const tags = ['users'];

export async function usersRoutes(app: App) {
  const users = usersService(app.db);
  app.get('/users', { schema: { tags, response: { 200: UserList } } }, (req) => users.list(actorOf(req)));
  app.get('/users/:id', { schema: { tags, params: IdParams, response: { 200: User } } }, (req) =>
    users.get(actorOf(req), req.params.id),
  );
  app.post('/users', { schema: { tags, body: UserCreate, response: { 201: User } } }, async (req, reply) =>
    reply.code(201).send(await users.create(actorOf(req), req.body)),
  );
  app.patch('/users/:id', { schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User } } }, (req) =>
    users.update(actorOf(req), req.params.id, req.body),
  );
}
