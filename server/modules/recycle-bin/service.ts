// The recycle bin (回收站): deleted accounts, contacts, deals and calls, restorable for the
// organisation's retention period (30 days unless an admin sets another), then purged by a daily job.
// Moving a record in is its own module's delete (server/db/trash.ts's moveToBin); this module lists,
// restores and purges.
import type { Db } from '../../db/client.ts';
import { restoreCaptured, type Captured } from '../../db/trash.ts';
import { recycleBinRepository } from './repository.ts';
import { historyWriter } from '../../kernel/history.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { touchDeals } from '../activities/service.ts';
import { assertCreditCodeFree } from '../accounts/service.ts';
import { notFound } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { DAY_MS } from '../../../core/time.ts';
import { searchQuery } from '../../../core/search.ts';
import type { ListSummary, PageOf } from '../../../core/schemas/common.ts';
import type {
  BinEntity,
  RecycleBinItem,
  RecycleBinQuery,
  RecycleBinRestored,
  RecycleBinSettings,
} from '../../../core/schemas/recycle-bin.ts';

/** Deals whose judgement or last call the restored rows feed: the deal itself, influences, done calls. */
function dealsTouched(captured: Captured): string[] {
  const ids = new Set<string>();
  for (const part of captured.rows) {
    for (const r of part.rows) {
      if (part.table === 'opportunities') ids.add(r.id as string);
      else if (part.table === 'influences') ids.add(r.opportunity_id as string);
      else if (part.table === 'activities' && r.status === 'done' && r.opportunity_id)
        ids.add(r.opportunity_id as string);
    }
  }
  for (const l of captured.links) if (l.column === 'opportunity_id') for (const [, deal] of l.pairs) ids.add(deal);
  return [...ids];
}

export function recycleBinService(db: Db) {
  const repo = recycleBinRepository(db);

  return {
    async list(actor: Actor, query: RecycleBinQuery): Promise<PageOf<RecycleBinItem>> {
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { ...args, entity: query.entity }),
        (r) => [r.deletedAt.toISOString(), r.id],
      );
      return {
        items: rows.map(({ retentionDays, ...r }) => ({
          ...r,
          entity: r.entity as BinEntity,
          deletedAt: r.deletedAt.toISOString(),
          purgeAt: new Date(r.deletedAt.getTime() + retentionDays * DAY_MS).toISOString(),
        })),
        nextCursor,
      };
    },

    /** The list's count for the same kind and search: every entry in scope, not the page. */
    summary: (actor: Actor, query: RecycleBinQuery): Promise<ListSummary> =>
      repo.count(actor, query.entity, query.q ? searchQuery(query.q) : null),

    async restore(actor: Actor, id: string): Promise<RecycleBinRestored> {
      assertCan(actor, 'restore', 'binEntry');
      return db.transaction(async (tx) => {
        const r = recycleBinRepository(tx);
        const entry = await r.lockForRestore(actor, id);
        if (!entry) throw notFound();
        const captured = { rows: entry.rows, links: entry.links } as Captured;
        if (entry.entity === 'account')
          await assertCreditCodeFree(tx, actor.orgId, captured.rows[0].rows[0]?.credit_code as string | null);
        const { skipped } = await restoreCaptured(tx, actor.orgId, captured);
        await r.remove(actor.orgId, id);
        await touchDeals(tx, actor.orgId, dealsTouched(captured));
        await historyWriter(tx).record(actor.orgId, entry.entity, id, 'undelete', actor.userId);
        return { id, entity: entry.entity as BinEntity, skipped };
      });
    },

    /** Admins only: gone for good now, not after the retention period. History stays. */
    async purge(actor: Actor, id: string): Promise<void> {
      assertCan(actor, 'purge', 'binEntry');
      await db.transaction(async (tx) => {
        const r = recycleBinRepository(tx);
        const entry = await r.lockForRestore(actor, id);
        if (!entry) throw notFound();
        await r.remove(actor.orgId, id);
        await historyWriter(tx).record(actor.orgId, entry.entity, id, 'purge', actor.userId, [
          { field: 'name', old: entry.name, new: null },
        ]);
      });
    },

    /** The daily job: every organisation's entries past its retention period. */
    async purgeExpired(now = new Date()): Promise<number> {
      return db.transaction(async (tx) => {
        const gone = await recycleBinRepository(tx).purgeExpired(now);
        for (const g of gone) {
          await historyWriter(tx).record(g.orgId, g.entity, g.id, 'purge', null, [
            { field: 'name', old: g.name, new: null },
          ]);
        }
        return gone.length;
      });
    },

    settings: async (actor: Actor): Promise<RecycleBinSettings> => (await orgSettings(db, actor.orgId)).recycleBin,

    async putSettings(actor: Actor, input: RecycleBinSettings): Promise<RecycleBinSettings> {
      assertCan(actor, 'update', 'settings');
      await mergeOrgSettings(db, actor.orgId, { recycleBin: { retentionDays: input.retentionDays } });
      return { retentionDays: input.retentionDays };
    },
  };
}
