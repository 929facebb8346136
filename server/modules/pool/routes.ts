import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { poolService } from './service.ts';
import { POOL_EXPORT } from './export.ts';
import { listOrExport } from '../../kernel/export.ts';
import {
  PoolClaim,
  PoolPage,
  PoolQuery,
  ProspectList,
  ProspectQuery,
  ProspectReview,
  ProspectReviewResult,
  ProspectSettings,
} from '../../../core/schemas/pool.ts';
import { ErrorResponse, IdParams, ListSummary } from '../../../core/schemas/common.ts';

const tags = ['pool'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function poolRoutes(app: App) {
  const pool = poolService(app.db);
  const listed = listOrExport(app, POOL_EXPORT, pool.list);
  app.get('/settings/prospects', { schema: { tags: ['settings'], response: { 200: ProspectSettings } } }, (req) =>
    pool.getSettings(actorOf(req)),
  );
  app.put(
    '/settings/prospects',
    { schema: { tags: ['settings'], body: ProspectSettings, response: { 200: ProspectSettings, ...errors } } },
    (req) => pool.putSettings(actorOf(req), req.body),
  );
  app.get(
    '/analysis/prospects',
    { schema: { tags, querystring: ProspectQuery, response: { 200: ProspectList, 400: ErrorResponse } } },
    (req) => pool.prospects(actorOf(req), req.query),
  );
  app.post(
    '/accounts/:id/review',
    { schema: { tags, params: IdParams, body: ProspectReview, response: { 200: ProspectReviewResult, ...errors } } },
    (req) => pool.review(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/pool',
    { schema: { tags, querystring: PoolQuery, response: { 200: PoolPage, ...errors } } },
    async (req, reply) => listed(actorOf(req), req.query, reply),
  );
  app.get(
    '/pool/summary',
    { schema: { tags, querystring: PoolQuery, response: { 200: ListSummary, ...errors } } },
    (req) => pool.summary(actorOf(req), req.query),
  );
  app.post('/pool/:id/claim', { schema: { tags, params: IdParams, response: { 200: PoolClaim, ...errors } } }, (req) =>
    pool.claim(actorOf(req), req.params.id),
  );
}
