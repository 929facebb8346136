// The forecast as a file (issue 22): the rows GET /forecast answers for the period and grouping, then
// its totals, headed as the forecast table heads them; attainment as a percentage, coverage as a figure.
import { labelAt, type ExportSpec } from '../../kernel/export.ts';
import type { Forecast, ForecastRow } from '../../../core/schemas/forecast.ts';
import { forecast as zh } from '../../../web/i18n/zh-CN/forecast.ts';
import { forecast as en } from '../../../web/i18n/en/forecast.ts';

const label = (path: string) => labelAt(zh, en, `forecast.${path}`);
const money = (key: keyof ForecastRow) => ({
  ...label(`col.${key}`),
  kind: 'money' as const,
  value: (r: ForecastRow) => r[key] as string,
});

export function forecastSpec(f: Forecast): ExportSpec<ForecastRow> {
  return {
    list: 'forecast',
    title: { zh: `销售预测 ${f.period}`, en: `Forecast ${f.period}` },
    columns: [
      { ...label(`group.${f.groupBy}`), kind: 'text', width: 20, value: (r) => r.label },
      { ...label('col.deals'), kind: 'integer', width: 8, value: (r) => r.deals },
      money('closedWon'),
      money('commit'),
      money('bestCase'),
      money('pipeline'),
      money('commitForecast'),
      money('bestCaseForecast'),
      money('weighted'),
      money('weightedForecast'),
      { ...label('col.quota'), kind: 'money', value: (r) => r.quota?.target },
      { ...label('col.attainment'), kind: 'percent', width: 10, value: (r) => r.attainment },
      { ...label('col.coverage'), kind: 'number', width: 10, value: (r) => r.coverage },
      { ...label('col.remaining'), kind: 'money', value: (r) => r.remaining },
    ],
  };
}
