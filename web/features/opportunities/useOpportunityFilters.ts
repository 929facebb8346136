import { DEAL_STATUSES, FORECAST_CATEGORIES } from '../../../core/enums.ts';
import { OPPORTUNITY_SORTS, type OpportunityListQuery } from '../../../core/schemas/deals.ts';
import type { OpportunityFilters } from './api.ts';
import { useUrlParams } from '../../lib/url-params.ts';

export const OPPORTUNITY_FILTER_KEYS = [
  'q',
  'sort',
  'status',
  'stageId',
  'ownerId',
  'teamId',
  'forecastCategory',
  'closeFrom',
  'closeTo',
  'healthBelow',
  'redFlag',
] as const;
type Sort = NonNullable<OpportunityListQuery['sort']>;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** URL parameters → the list query; unknown enum values are dropped rather than sent. */
export function useOpportunityFilters() {
  const p = useUrlParams(OPPORTUNITY_FILTER_KEYS);
  const v = p.values;
  const sort: Sort = oneOf(OPPORTUNITY_SORTS, v.sort) ?? '-updatedAt';
  const health = v.healthBelow ? Number(v.healthBelow) : undefined;
  const filters: OpportunityFilters = {
    q: v.q,
    sort,
    status: oneOf(DEAL_STATUSES, v.status),
    stageId: v.stageId,
    ownerId: v.ownerId,
    teamId: v.teamId,
    forecastCategory: oneOf(FORECAST_CATEGORIES, v.forecastCategory),
    closeFrom: v.closeFrom,
    closeTo: v.closeTo,
    healthBelow: health !== undefined && Number.isFinite(health) ? health : undefined,
    redFlag: v.redFlag,
  };
  for (const k of Object.keys(filters) as (keyof OpportunityFilters)[]) if (filters[k] === undefined) delete filters[k];
  return { ...p, filters, sort };
}
