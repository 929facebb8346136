import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { scoringService } from './service.ts';
import {
  AccountScore,
  ScorePage,
  ScoreQuery,
  ScoringModel,
  TierBulk,
  TierBulkResult,
} from '../../../core/schemas/key-accounts.ts';
import { ErrorResponse, IdParams, ListSummary } from '../../../core/schemas/common.ts';

const tags = ['scoring'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export async function scoringRoutes(app: App) {
  const scoring = scoringService(app.db);

  app.get('/settings/scoring', { schema: { tags: ['settings'], response: { 200: ScoringModel } } }, (req) =>
    scoring.getModel(actorOf(req)),
  );
  app.put(
    '/settings/scoring',
    { schema: { tags: ['settings'], body: ScoringModel, response: { 200: ScoringModel, ...errors } } },
    (req) => scoring.putModel(actorOf(req), req.body),
  );
  app.get(
    '/analysis/scores',
    { schema: { tags, querystring: ScoreQuery, response: { 200: ScorePage, 400: ErrorResponse } } },
    (req) => scoring.scores(actorOf(req), req.query),
  );
  app.get(
    '/analysis/scores/summary',
    { schema: { tags, querystring: ScoreQuery, response: { 200: ListSummary, 400: ErrorResponse } } },
    (req) => scoring.summary(actorOf(req), req.query),
  );
  app.get(
    '/accounts/:id/score',
    { schema: { tags, params: IdParams, response: { 200: AccountScore, 404: ErrorResponse } } },
    (req) => scoring.accountScore(actorOf(req), req.params.id),
  );
  app.post(
    '/accounts/tiers',
    { schema: { tags, body: TierBulk, response: { 200: TierBulkResult, ...errors } } },
    (req) => scoring.setTiers(actorOf(req), req.body),
  );
}
