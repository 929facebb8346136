// Lost reasons and deal sources: the organisation's lists (orgs.settings.dealLists, core/deal-lists.ts),
// read by everyone who fills a deal form, edited by administrators, and the check a deal write passes.
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { canonicalListValue, cleanList, type DealLists } from '../../../core/deal-lists.ts';

export function dealListsService(db: Db) {
  return {
    get: async (actor: Actor): Promise<DealLists> => (await orgSettings(db, actor.orgId)).dealLists,

    async put(actor: Actor, input: DealLists): Promise<DealLists> {
      assertCan(actor, 'update', 'settings');
      const dealLists = { lostReasons: cleanList(input.lostReasons), dealSources: cleanList(input.dealSources) };
      await mergeOrgSettings(db, actor.orgId, { dealLists });
      return dealLists;
    },
  };
}

/**
 * A deal's source and lost reason as stored: a list item as it is, anything else as "其他：<text>"
 * (what the form's "other" writes), so free text never escapes the analysis's groups. Only the
 * fields given are returned.
 */
export async function dealListValues(
  tx: Db,
  orgId: string,
  input: { source?: string | null; lostReason?: string | null },
): Promise<{ source?: string | null; lostReason?: string | null }> {
  const out: { source?: string | null; lostReason?: string | null } = {};
  if (!input.source && !input.lostReason) return out;
  const { dealLists } = await orgSettings(tx, orgId);
  if (input.source) out.source = canonicalListValue(dealLists.dealSources, input.source);
  if (input.lostReason) out.lostReason = canonicalListValue(dealLists.lostReasons, input.lostReason);
  return out;
}
