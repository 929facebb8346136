// After-sales follow-up (售后跟踪): when a deal is won, planned after-sales calls are put in the
// deal owner's calendar on the organisation's cadence (default 7, 30 and 90 days after signing).
import type { Db } from '../../db/client.ts';
import { activitiesRepository, type NewActivity } from './repository.ts';
import { addDays, shanghaiDate, shanghaiStart } from './days.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { messagePair, type Lang } from '../../../core/messages.ts';
import type { ActivitySettings } from '../../../core/schemas/activities.ts';

export const DEFAULT_CADENCE_DAYS = [7, 30, 90];

function cadenceOf(settings: Record<string, unknown>): number[] {
  const days = settings.afterSalesCadenceDays;
  return Array.isArray(days) && days.every((d) => Number.isInteger(d)) ? (days as number[]) : DEFAULT_CADENCE_DAYS;
}

/**
 * Schedules the follow-ups of a deal that has just been won, in the caller's transaction. A deal
 * won again (reopened, then won) keeps the follow-ups it already has. An empty cadence turns this off.
 */
export async function scheduleAfterSales(tx: Db, orgId: string, opportunityId: string): Promise<number> {
  const r = activitiesRepository(tx);
  const deal = await r.dealForAfterSales(orgId, opportunityId);
  const ownerId = deal?.ownerId ?? deal?.createdBy;
  if (!deal || !ownerId || (await r.hasAutoScheduled(orgId, opportunityId))) return 0;
  const settings = await r.orgSettings(orgId);
  const days = cadenceOf(settings);
  if (!days.length) return 0;
  const lang: Lang = settings.language === 'en' ? 'en' : 'zh';
  const signed = shanghaiDate(deal.closedAt ?? new Date());
  const now = new Date();
  const rows: NewActivity[] = days.map((n) => {
    const day = addDays(signed, n);
    return {
      orgId,
      id: newId(),
      type: 'after_sales',
      subject: messagePair('after_sales_subject', { deal: deal.name, days: n })[lang],
      accountId: deal.accountId,
      opportunityId: deal.id,
      ownerId,
      plannedStart: shanghaiStart(day, 9),
      plannedEnd: shanghaiStart(day, 10),
      autoScheduled: true,
      createdAt: now,
      updatedAt: now,
    };
  });
  await r.insert(rows);
  return rows.length;
}

export function activitySettingsService(db: Db) {
  const repo = activitiesRepository(db);
  const get = async (actor: Actor): Promise<ActivitySettings> => ({ afterSalesCadenceDays: cadenceOf(await repo.orgSettings(actor.orgId)) });
  return {
    get,
    async put(actor: Actor, input: ActivitySettings): Promise<ActivitySettings> {
      assertCan(actor, 'update', 'settings');
      await repo.mergeOrgSettings(actor.orgId, { afterSalesCadenceDays: [...input.afterSalesCadenceDays].sort((a, b) => a - b) });
      return get(actor);
    },
  };
}
