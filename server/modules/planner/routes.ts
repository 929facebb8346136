import { Type } from 'typebox';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { plannerSpec, scheduleRows } from './export.ts';
import { sendExport } from '../../kernel/export.ts';
import { plannerService } from './service.ts';
import {
  Plan,
  PlanActual,
  PlanActualQuery,
  PlanDraft,
  PlanDraftQuery,
  PlannerInput,
  PlanParams,
  PlanQuery,
} from '../../../core/schemas/forecast.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['planner'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const SaveInput = Type.Omit(PlannerInput, ['year'], { additionalProperties: false });

export async function plannerRoutes(app: App) {
  const planner = plannerService(app.db);

  // Computes a plan without keeping it: a what-if for any quota, deal size or ratios.
  app.post('/planner', { schema: { tags, body: PlannerInput, response: { 200: Plan, ...errors } } }, (req) =>
    planner.compute(actorOf(req), req.body),
  );
  app.put(
    '/planner/plans/:year',
    { schema: { tags, params: PlanParams, body: SaveInput, response: { 200: Plan, ...errors } } },
    (req) => planner.save(actorOf(req), req.params.year, req.body),
  );
  app.get(
    '/planner/plans/:year',
    { schema: { tags, params: PlanParams, querystring: PlanQuery, response: { 200: Plan, ...errors } } },
    (req) => planner.saved(actorOf(req), req.params.year, req.query.userId),
  );
  // Where the planner page opens, in one answer that is never an error for a normal visit.
  app.get(
    '/planner/draft',
    { schema: { tags, querystring: PlanDraftQuery, response: { 200: PlanDraft, ...errors } } },
    async (req, reply) => {
      const { format, year, userId } = req.query;
      const draft = await planner.draft(actorOf(req), year, userId);
      if (!format) return draft;
      const spec = plannerSpec(draft.plan, year);
      const rows = scheduleRows(draft.plan);
      return sendExport({ db: app.db, actor: actorOf(req), reply, format, spec, rows, query: { year, userId } });
    },
  );
  app.get(
    '/planner/actual',
    { schema: { tags, querystring: PlanActualQuery, response: { 200: PlanActual, ...errors } } },
    (req) => planner.actual(actorOf(req), req.query),
  );
}
