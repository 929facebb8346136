import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { recycleBinService } from './service.ts';
import { ErrorResponse, IdParams, ListSummary } from '../../../core/schemas/common.ts';
import {
  RecycleBinPage,
  RecycleBinQuery,
  RecycleBinRestored,
  RecycleBinSettings,
} from '../../../core/schemas/recycle-bin.ts';

const tags = ['recycle-bin'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function recycleBinRoutes(app: App) {
  const bin = recycleBinService(app.db);

  app.get(
    '/recycle-bin',
    { schema: { tags, querystring: RecycleBinQuery, response: { 200: RecycleBinPage, 400: ErrorResponse } } },
    (req) => bin.list(actorOf(req), req.query),
  );
  app.get(
    '/recycle-bin/summary',
    { schema: { tags, querystring: RecycleBinQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => bin.summary(actorOf(req), req.query),
  );
  app.post(
    '/recycle-bin/:id/restore',
    { schema: { tags, params: IdParams, response: { 200: RecycleBinRestored, ...errors } } },
    (req) => bin.restore(actorOf(req), req.params.id),
  );
  app.delete(
    '/recycle-bin/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await bin.purge(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get('/settings/recycle-bin', { schema: { tags: ['settings'], response: { 200: RecycleBinSettings } } }, (req) =>
    bin.settings(actorOf(req)),
  );
  app.put(
    '/settings/recycle-bin',
    { schema: { tags: ['settings'], body: RecycleBinSettings, response: { 200: RecycleBinSettings, ...errors } } },
    (req) => bin.putSettings(actorOf(req), req.body),
  );
}
