// Prospect qualification and the shared pool 公海. Prospects are ranked and flagged by the rule of
// core/prospects.ts; a review keeps, pools or archives an account. The pool is every unowned,
// active account of the organisation: it is org-wide by definition, so any active user who can
// write (rep, manager, admin) sees all of it, whatever their data scope. accountVisible is not
// widened for it: these endpoints are the only place a rep sees unowned accounts, and a claimed
// account becomes theirs through the ordinary owner rule.
import { industryName } from '../../../core/industries.ts';
import type { Db } from '../../db/client.ts';
import { poolRepository, type PoolCursor } from './repository.ts';
import { clearAccountTeam, lockAccount, updateAccount, writeArchived } from '../accounts/service.ts';
import { historyWriter } from '../../kernel/history.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { searchCondition } from '../../db/search.ts';
import { accounts } from '../../db/schema.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { diffFields } from '../../../core/diff.ts';
import { searchQuery } from '../../../core/search.ts';
import type { ListSummary } from '../../../core/schemas/common.ts';
import { dropCount, exactCut, shareMillionths } from '../../../core/prospects.ts';
import type {
  MyClaims,
  PoolClaim,
  PoolItem,
  PoolPage,
  PoolQuery,
  ProspectItem,
  ProspectList,
  ProspectQuery,
  ProspectReview,
  ProspectReviewResult,
  ProspectSettings,
} from '../../../core/schemas/pool.ts';

/** The pool's cursor value is the pooled-at instant (or null); anything else was not made by us. */
function poolCursor(after: [string | number | null, string] | null): PoolCursor | null {
  if (!after) return null;
  const [at, id] = after;
  if (at === null || (typeof at === 'string' && !Number.isNaN(Date.parse(at)))) return [at, id];
  throw fieldError('query.cursor', 'invalid');
}

export function poolService(db: Db) {
  const repo = poolRepository(db);
  const settings = async (orgId: string) => (await orgSettings(db, orgId)).prospects;

  return {
    getSettings: (actor: Actor) => settings(actor.orgId),

    async putSettings(actor: Actor, input: ProspectSettings): Promise<ProspectSettings> {
      assertCan(actor, 'update', 'settings');
      // Its own key, merged: the other settings in the jsonb stay as they are.
      await mergeOrgSettings(db, actor.orgId, {
        prospects: { dropShare: input.dropShare, claimLimit: input.claimLimit },
      });
      return settings(actor.orgId);
    },

    async prospects(actor: Actor, q: ProspectQuery): Promise<ProspectList> {
      const { dropShare } = await settings(actor.orgId);
      const rows = await repo.prospects(actor, q.owner, shareMillionths(dropShare), q.limit ?? 50, q.offset ?? 0);
      const counts = rows[0] ?? (await repo.prospectCounts(actor, q.owner));
      const items: ProspectItem[] = rows.map((r) => ({
        accountId: r.id,
        name: r.name,
        ownerId: r.ownerId,
        ownerName: r.ownerName,
        rank: r.rank,
        score: r.score,
        tier: r.tier as ProspectItem['tier'],
        dropCandidate: r.dropCandidate,
        review: r.review as ProspectItem['review'],
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
        version: r.version,
      }));
      return {
        items,
        total: counts.total,
        dropCandidates: dropCount(counts.total, dropShare),
        dropCut: exactCut(counts.total, dropShare),
        unscored: counts.unscored,
        dropShare,
      };
    },

    /**
     * keep records the decision; pool drops the account to the shared pool (no owner, and no account
     * team either: whoever claims it starts afresh, and the old team would otherwise still see it);
     * archive goes through the archive action's own write. Only the owner or someone whose scope
     * holds the owner decides: being on the account team lets you work an account, not give it away.
     */
    async review(actor: Actor, id: string, input: ProspectReview): Promise<ProspectReviewResult> {
      assertCan(actor, 'review', 'account');
      return db.transaction(async (tx) => {
        const current = await lockAccount(tx, actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        assertCan(actor, 'review', { entity: 'account', ownerId: current.ownerId });
        if (current.archivedAt) throw new AppError(409, 'account_archived');
        const now = new Date();
        const decided = { prospectReview: input.decision, reviewedAt: now };
        let ownerId = current.ownerId;
        if (input.decision === 'archive') {
          await writeArchived(tx, actor, current, true, decided);
        } else if (input.decision === 'keep') {
          if (!(await updateAccount(tx, actor.orgId, id, current.version, decided))) throw staleVersion();
          await historyWriter(tx).record(
            actor.orgId,
            'account',
            id,
            'update',
            actor.userId,
            diffFields(current, { prospectReview: input.decision }),
          );
        } else {
          // Deals in flight would drop out of their owners' view with the account; settle them first.
          if ((await poolRepository(tx).openDealCount(actor.orgId, id)) > 0)
            throw new AppError(409, 'account_has_open_deals');
          const patch = { ...decided, ownerId: null, pooledAt: now, claimedAt: null };
          if (!(await updateAccount(tx, actor.orgId, id, current.version, patch))) throw staleVersion();
          const members = await clearAccountTeam(tx, actor.orgId, id);
          const changes = [
            ...diffFields(current, { ownerId: null, prospectReview: input.decision, pooledAt: now, claimedAt: null }),
            ...diffFields({ members }, { members: [] }),
          ];
          await historyWriter(tx).record(actor.orgId, 'account', id, 'update', actor.userId, changes);
          ownerId = null;
        }
        return {
          accountId: id,
          decision: input.decision,
          ownerId,
          archived: input.decision === 'archive',
          version: current.version + 1,
        };
      });
    },

    /** The pool list's count for the same search. */
    async summary(actor: Actor, q: PoolQuery): Promise<ListSummary> {
      assertCan(actor, 'read', 'pool');
      const search = q.q ? searchQuery(q.q) : null;
      return repo.count(
        actor.orgId,
        search ? await searchCondition(db, accounts, actor.orgId, search, true) : undefined,
      );
    },

    async list(actor: Actor, q: PoolQuery): Promise<PoolPage> {
      assertCan(actor, 'read', 'pool');
      const { claimLimit } = await settings(actor.orgId);
      const { rows, nextCursor } = await keysetPage(
        q,
        async ({ search, after, limit }) =>
          repo.list(
            actor.orgId,
            search ? await searchCondition(db, accounts, actor.orgId, search, true) : undefined,
            poolCursor(after),
            limit,
          ),
        (last) => [last.pooledAt?.toISOString() ?? null, last.id],
      );
      const items: PoolItem[] = rows.map((a) => ({
        id: a.id,
        name: a.name,
        shortName: a.shortName,
        ownershipType: a.ownershipType as PoolItem['ownershipType'],
        // The standard's name in the reader's language; text typed before the codes stays as typed.
        industry: industryName(a.industryCode, actor.lang) ?? a.industry,
        province: a.province,
        city: a.city,
        score: a.score,
        pooledAt: a.pooledAt?.toISOString() ?? null,
      }));
      const myClaims: MyClaims = { count: await repo.claimCount(actor.orgId, actor.userId), limit: claimLimit };
      return { items, nextCursor, myClaims };
    },

    async claim(actor: Actor, id: string): Promise<PoolClaim> {
      assertCan(actor, 'claim', 'pool');
      return db.transaction(async (tx) => {
        const r = poolRepository(tx);
        await r.lockUser(actor.orgId, actor.userId);
        const { claimLimit } = (await orgSettings(tx, actor.orgId)).prospects;
        const count = await r.claimCount(actor.orgId, actor.userId);
        if (count >= claimLimit) throw new AppError(409, 'claim_limit', { limit: claimLimit });
        const pooledAt = await r.pooledAt(actor.orgId, id);
        const now = new Date();
        if (!(await r.claim(actor.orgId, id, actor.userId, now))) {
          // A claimed account was public in the pool, so saying so leaks nothing; any other (owned,
          // archived, missing) answers as out of scope.
          if (await r.claimedFromPool(actor.orgId, id)) throw new AppError(409, 'already_claimed');
          throw notFound();
        }
        const changes = diffFields(
          { ownerId: null, claimedAt: null, pooledAt },
          { ownerId: actor.userId, claimedAt: now, pooledAt: null },
        );
        await historyWriter(tx).record(actor.orgId, 'account', id, 'update', actor.userId, changes);
        return {
          accountId: id,
          ownerId: actor.userId,
          claimedAt: now.toISOString(),
          myClaims: { count: count + 1, limit: claimLimit },
        };
      });
    },
  };
}
