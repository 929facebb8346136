import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { forecastSpec } from './export.ts';
import { sendExport } from '../../kernel/export.ts';
import { forecastService } from './service.ts';
import {
  Calibration,
  CalibrationQuery,
  Forecast,
  ForecastQuery,
  PipelineByProvince,
  PipelineSummary,
  PipelineSummaryQuery,
} from '../../../core/schemas/forecast.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['forecast'];
const errors = { 400: ErrorResponse, 404: ErrorResponse };

export async function forecastRoutes(app: App) {
  const forecast = forecastService(app.db);

  app.get(
    '/forecast',
    { schema: { tags, querystring: ForecastQuery, response: { 200: Forecast, ...errors } } },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const result = await forecast.forecast(actorOf(req), query);
      if (!format) return result;
      const rows = [...result.rows, result.totals];
      return sendExport({ db: app.db, actor: actorOf(req), reply, format, spec: forecastSpec(result), rows, query });
    },
  );
  app.get(
    '/forecast/calibration',
    { schema: { tags, querystring: CalibrationQuery, response: { 200: Calibration, ...errors } } },
    (req) => forecast.calibration(actorOf(req), req.query),
  );
  app.get(
    '/pipeline/summary',
    {
      schema: { tags: ['pipeline'], querystring: PipelineSummaryQuery, response: { 200: PipelineSummary, ...errors } },
    },
    (req) => forecast.summary(actorOf(req), req.query),
  );
  app.get(
    '/pipeline/by-province',
    {
      schema: {
        tags: ['pipeline'],
        querystring: PipelineSummaryQuery,
        response: { 200: PipelineByProvince, ...errors },
      },
    },
    (req) => forecast.byProvince(actorOf(req), req.query),
  );
}
