import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pipelineService } from './service.ts';
import {
  AccuracyQuery,
  ForecastAccuracy,
  PipelineChanges,
  PipelineChangesQuery,
  Snapshot,
  SnapshotList,
  WinLoss,
  WinLossQuery,
} from '../../../core/schemas/forecast.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['pipeline'];
const errors = { 400: ErrorResponse, 404: ErrorResponse };

export async function pipelineRoutes(app: App) {
  const service = pipelineService(app.db);

  app.get('/pipeline/snapshots', { schema: { tags, response: { 200: SnapshotList } } }, (req) =>
    service.list(actorOf(req)),
  );
  app.post(
    '/pipeline/snapshots',
    {
      schema: {
        tags,
        description: "Takes today's snapshot of every open deal (admin); a day already taken is kept as it was.",
        response: { 201: Snapshot, 403: ErrorResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await service.snapshot(actorOf(req))),
  );
  app.get(
    '/pipeline/changes',
    { schema: { tags, querystring: PipelineChangesQuery, response: { 200: PipelineChanges, ...errors } } },
    (req) => service.changes(actorOf(req), req.query),
  );
  app.get(
    '/forecast/accuracy',
    { schema: { tags: ['forecast'], querystring: AccuracyQuery, response: { 200: ForecastAccuracy, ...errors } } },
    (req) => service.accuracy(actorOf(req), req.query),
  );
  app.get(
    '/analysis/win-loss',
    { schema: { tags: ['analysis'], querystring: WinLossQuery, response: { 200: WinLoss, ...errors } } },
    (req) => service.winLoss(actorOf(req), req.query),
  );
}
