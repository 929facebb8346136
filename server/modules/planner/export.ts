// The planner's schedule as a file (issue 22): the plan GET /planner/draft answers, one row per month
// (activities per funnel stage, then the month's total), the backlog to do now first.
import { labelAt, type ExportColumn, type ExportSpec } from '../../kernel/export.ts';
import type { Plan } from '../../../core/schemas/forecast.ts';
import { planner as zh } from '../../../web/i18n/zh-CN/planner.ts';
import { planner as en } from '../../../web/i18n/en/planner.ts';

const label = (path: string) => labelAt(zh, en, `planner.${path}`);

export interface ScheduleRow {
  /** YYYY-MM, or null for the backlog. */
  month: string | null;
  counts: Record<string, number>;
  total: number;
}

/** The backlog (when there is one), then the twelve months. */
export function scheduleRows(plan: Plan | null): ScheduleRow[] {
  if (!plan) return [];
  const backlog = plan.backlog.total > 0 ? [{ month: null, ...plan.backlog }] : [];
  return [...backlog, ...plan.months];
}

export function plannerSpec(plan: Plan | null, year: number): ExportSpec<ScheduleRow> {
  const stages: ExportColumn<ScheduleRow>[] = (plan?.stageTotals ?? []).map((s) => ({
    zh: s.name,
    en: s.nameEn ?? s.name,
    kind: 'integer',
    width: 12,
    value: (r) => r.counts[s.stageId] ?? 0,
  }));
  return {
    list: 'planner',
    title: { zh: `销售计划 ${year}`, en: `Sales plan ${year}` },
    columns: [
      { ...label('month'), kind: 'text', width: 16, value: (r, c) => r.month ?? label('backlog')[c.lang] },
      ...stages,
      { ...label('total'), kind: 'integer', width: 8, value: (r) => r.total },
    ],
  };
}
