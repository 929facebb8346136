// Where the time went (时间分配): done activities' planned durations per account, rep or tier, so a
// manager can check that time follows account value.
import type { Db } from '../../db/client.ts';
import { timeRepository } from './time.repository.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { messagePair } from '../../../core/messages.ts';
import { TIME_LIMIT, type TimeQuery, type TimeSpent } from '../../../core/schemas/activities.ts';
import { daysSpan } from '../../../core/time.ts';

export function timeService(db: Db) {
  const repo = timeRepository(db);
  return {
    /** from and to are the organisation's days, both included. */
    async spent(actor: Actor, q: TimeQuery): Promise<TimeSpent> {
      if (q.to < q.from) throw fieldError('query.to', 'end_before_start');
      const limit = q.limit ?? TIME_LIMIT;
      const { from, to } = daysSpan(q.from, q.to, await orgTimeZone(db, actor.orgId));
      const rows = await repo.spent(actor, q.groupBy, from, to, limit);
      const untiered = messagePair('untiered')[actor.lang];
      const items = rows.map((r) => ({
        key: r.key,
        label: q.groupBy === 'tier' && r.key === 'none' ? untiered : r.label,
        minutes: Number(r.minutes),
      }));
      return {
        items,
        totalMinutes: Number(rows[0]?.totalMinutes ?? 0),
        truncated: Number(rows[0]?.groups ?? 0) > limit,
      };
    },
  };
}
