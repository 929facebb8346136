// The activities' settings: the after-sales cadence, the days after signing on which a won deal's
// follow-up calls are scheduled (the scheduling is the deals' module's: opportunities/after-sales.ts).
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import type { ActivitySettings } from '../../../core/schemas/activities.ts';

export function activitySettingsService(db: Db) {
  const get = async (actor: Actor): Promise<ActivitySettings> => ({
    afterSalesCadenceDays: (await orgSettings(db, actor.orgId)).afterSalesCadenceDays,
  });
  return {
    get,
    async put(actor: Actor, input: ActivitySettings): Promise<ActivitySettings> {
      assertCan(actor, 'update', 'settings');
      await mergeOrgSettings(db, actor.orgId, {
        afterSalesCadenceDays: [...input.afterSalesCadenceDays].sort((a, b) => a - b),
      });
      return get(actor);
    },
  };
}
