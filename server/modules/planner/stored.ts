// Saved plans as the API returns them. A plan saved before stage durations were in weeks (issue 18)
// carries monthsPerStage and no stageWeeks, lead-in or end month; read, it gets the weeks its months
// come to, the lead-in its schedule shows and the last of its months. Its schedule stays as saved:
// it is the plan the person agreed to, and plan vs actual holds their calls against it.
import { weeksOfMonths } from '../../../core/planner.ts';
import type { Plan } from '../../../core/schemas/forecast.ts';

type Late = 'stageWeeks' | 'leadInMonths' | 'endMonth' | 'averageDealSizeSource';
type Saved = Omit<Plan, Late> & Partial<Pick<Plan, Late>> & { monthsPerStage?: number };

export function storedPlan(json: unknown): Plan {
  const { monthsPerStage, stageWeeks, leadInMonths, endMonth, averageDealSizeSource, ...plan } = json as Saved;
  const signing = plan.stageTotals[plan.stageTotals.length - 1]?.stageId;
  const firstSigning = plan.months.findIndex((m) => (m.counts[signing] ?? 0) > 0);
  return {
    ...plan,
    stageWeeks: stageWeeks ?? plan.ratios.map(() => weeksOfMonths(monthsPerStage ?? 1)),
    leadInMonths: leadInMonths ?? Math.max(0, firstSigning),
    endMonth: endMonth ?? plan.months[plan.months.length - 1]?.month ?? plan.startMonth,
    // Plans saved before issue 19 did not say where their average came from.
    averageDealSizeSource: averageDealSizeSource ?? null,
  };
}
