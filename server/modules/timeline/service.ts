import type { Db } from '../../db/client.ts';
import { timelineRepository, type TimelineRow, type TimelineTarget } from './repository.ts';
import { visibleAccount } from '../accounts/service.ts';
import { visibleDeal } from '../opportunities/service.ts';
import { visibleContact } from '../contacts/service.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../access/index.ts';
import { keysetPage } from '../../lib/cursor.ts';
import type { TimelineItem, TimelineQuery } from '../../../core/schemas/activities.ts';
import type { PageOf } from '../../../core/schemas/common.ts';

const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();

function presentItem(r: TimelineRow): TimelineItem {
  return {
    kind: r.kind,
    id: r.id,
    at: iso(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    title: r.title,
    data: r.data,
  };
}

function targetOf(q: TimelineQuery): TimelineTarget {
  const given = (['accountId', 'opportunityId', 'contactId'] as const).filter((k) => q[k] !== undefined);
  if (given.length !== 1) throw fieldError(`query.${given[1] ?? 'accountId'}`, 'one_timeline_target');
  const key = given[0];
  return {
    kind: key === 'accountId' ? 'account' : key === 'opportunityId' ? 'opportunity' : 'contact',
    id: q[key] as string,
  };
}

export function timelineService(db: Db) {
  const repo = timelineRepository(db);

  /** The record must be visible to the caller; its feed then is (tasks and calls inherit the account's scope). */
  async function visible(actor: Actor, t: TimelineTarget) {
    const found =
      t.kind === 'account'
        ? await visibleAccount(db, actor, t.id)
        : t.kind === 'opportunity'
          ? await visibleDeal(db, actor, t.id)
          : await visibleContact(db, actor, t.id);
    if (!found) throw notFound();
  }

  return {
    async page(actor: Actor, query: TimelineQuery): Promise<PageOf<TimelineItem>> {
      const target = targetOf(query);
      await visible(actor, target);
      const { rows, nextCursor } = await keysetPage(
        { cursor: query.cursor, limit: query.limit },
        ({ after, limit }) => {
          if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0]))))
            throw fieldError('query.cursor', 'invalid');
          return repo.page({
            orgId: actor.orgId,
            target,
            after: after as [string, string] | null,
            limit,
            lang: actor.lang,
          });
        },
        (last) => [iso(last.at), last.id],
      );
      return { items: rows.map(presentItem), nextCursor };
    },
  };
}
