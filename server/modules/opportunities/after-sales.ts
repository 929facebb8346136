// After-sales follow-up (售后跟踪): when a deal is won, planned after-sales calls are put in the
// deal owner's calendar on the organisation's cadence (default 7, 30 and 90 days after signing; an
// admin sets it under the activities' settings). The deal's module schedules them: the activities
// module already depends on deals (a logged call refreshes its deal's judgement), so the calls are
// written here rather than through it.
import type { Db } from '../../db/client.ts';
import { afterSalesRepository, type NewCall } from './after-sales.repository.ts';
import { newId } from '../../lib/ids.ts';
import { orgSettings } from '../../kernel/settings.ts';
import { messagePair } from '../../../core/messages.ts';
import { addDays, dayStart, localDate } from '../../../core/time.ts';

/**
 * Schedules the follow-ups of a deal that has just been won, in the caller's transaction. A deal
 * won again (reopened, then won) keeps the follow-ups it already has. An empty cadence turns this off.
 */
export async function scheduleAfterSales(tx: Db, orgId: string, opportunityId: string): Promise<number> {
  const r = afterSalesRepository(tx);
  const deal = await r.dealForAfterSales(orgId, opportunityId);
  const ownerId = deal?.ownerId ?? deal?.createdBy;
  if (!deal || !ownerId || (await r.hasAutoScheduled(orgId, opportunityId))) return 0;
  const { afterSalesCadenceDays: days, language: lang, timeZone: zone } = await orgSettings(tx, orgId);
  if (!days.length) return 0;
  const signed = localDate(deal.closedAt ?? new Date(), zone);
  const now = new Date();
  const rows: NewCall[] = days.map((n) => {
    const day = addDays(signed, n);
    return {
      orgId,
      id: newId(),
      type: 'after_sales',
      // The org's language for search; the code and parameters render it in each reader's.
      subject: messagePair('after_sales_subject', { deal: deal.name, days: n })[lang],
      subjectKey: 'after_sales_subject',
      subjectParams: { deal: deal.name, days: n },
      accountId: deal.accountId,
      opportunityId: deal.id,
      ownerId,
      plannedStart: dayStart(day, zone, 9),
      plannedEnd: dayStart(day, zone, 10),
      autoScheduled: true,
      createdAt: now,
      updatedAt: now,
    };
  });
  await r.insertCalls(rows);
  return rows.length;
}
