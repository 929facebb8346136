import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { tasksService } from './service.ts';
import { TASKS_EXPORT } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import {
  Task,
  TaskAssignees,
  TaskAssigneesQuery,
  TaskCreate,
  TaskListQuery,
  TaskPage,
  TaskUpdate,
} from '../../../core/schemas/tasks.ts';
import { ErrorResponse, IdParams, ListSummary } from '../../../core/schemas/common.ts';

const tags = ['tasks'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function tasksRoutes(app: App) {
  const tasks = tasksService(app.db);
  const listed = listOrExport(app, TASKS_EXPORT, tasks.list);

  app.get(
    '/tasks',
    { schema: { tags, querystring: TaskListQuery, response: { 200: TaskPage, 400: ErrorResponse } } },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
  app.get(
    '/tasks/summary',
    { schema: { tags, querystring: TaskListQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => tasks.summary(actorOf(req), req.query),
  );
  app.get(
    '/tasks/assignees',
    { schema: { tags, querystring: TaskAssigneesQuery, response: { 200: TaskAssignees, 400: ErrorResponse } } },
    (req) => tasks.assignees(actorOf(req), req.query),
  );
  app.post('/tasks', { schema: { tags, body: TaskCreate, response: { 201: Task, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await tasks.create(actorOf(req), req.body)),
  );
  app.get('/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task, 404: ErrorResponse } } }, (req) =>
    tasks.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/tasks/:id',
    { schema: { tags, params: IdParams, body: TaskUpdate, response: { 200: Task, ...errors } } },
    (req) => tasks.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/tasks/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await tasks.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
