// The organisation's own settings that belong to no one feature: its time zone. (The others are
// kept by their features: /settings/scoring, /settings/pareto, /settings/deal-lists …)
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { mergeOrgSettings, orgTimeZone } from '../../kernel/settings.ts';
import { fieldError } from '../../lib/errors.ts';
import { isTimeZone } from '../../../core/time.ts';
import type { OrgTimeZone } from '../../../core/schemas/org.ts';

export function orgSettingsService(db: Db) {
  return {
    timeZone: async (actor: Actor): Promise<OrgTimeZone> => ({ timeZone: await orgTimeZone(db, actor.orgId) }),

    /** Sets the zone days are named in from now on; what is stored with a date (snapshots, quotas) keeps it. */
    async putTimeZone(actor: Actor, input: OrgTimeZone): Promise<OrgTimeZone> {
      assertCan(actor, 'update', 'settings');
      const timeZone = input.timeZone.trim();
      if (!isTimeZone(timeZone)) throw fieldError('timeZone', 'time_zone');
      await mergeOrgSettings(db, actor.orgId, { timeZone });
      return { timeZone };
    },
  };
}
