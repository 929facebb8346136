// Account handover 交接 (issue 22): when a rep leaves or a territory changes hands, every account,
// open deal, planned call and open task of one user goes to another (or those of chosen accounts),
// with the from-user's places on those accounts' teams; a claim from the pool stays on its account
// and so follows it. Admins hand over anyone, managers the people in their scope. The move is one
// transaction of bulk UPDATEs with one history row per moved record, by the acting user.
import type { Db } from '../../db/client.ts';
import { handoverRepository, type Move } from './repository.ts';
import { historyWriter } from '../../kernel/history.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, can, type Actor } from '../../access/index.ts';
import { usersService } from '../users/service.ts';
import type { FieldChange } from '../../../core/diff.ts';
import type { HandoverInput, HandoverSummary } from '../../../core/schemas/handover.ts';
import type { User } from '../../../core/schemas/org.ts';

/**
 * The request's rules, in the order a caller should hear them: a role that may not hand over (403),
 * the same user twice (400), a user out of the caller's sight (404, naming nothing), an inactive
 * receiver (400), an account that is not the from-user's (400 naming it).
 */
async function resolveMove(db: Db, actor: Actor, input: HandoverInput): Promise<Move> {
  assertCan(actor, 'handover', 'user');
  const { fromUserId: from, toUserId: to } = input;
  if (from === to) throw fieldError('toUserId', 'handover_same_user');
  const r = handoverRepository(db);
  const found = new Map((await r.users(actor.orgId, [from, to])).map((u) => [u.id, u]));
  for (const id of [from, to]) {
    if (!found.has(id)) throw notFound();
    assertCan(actor, 'handover', { entity: 'user', userId: id });
  }
  if (!found.get(to)!.active) throw fieldError('toUserId', 'inactive_user');
  if (!input.accountIds) return { from, to, accountIds: null };
  const accountIds = [...new Set(input.accountIds)];
  const owned = await r.ownedAccountIds(actor.orgId, from, accountIds);
  const bad = input.accountIds.findIndex((id) => !owned.has(id));
  if (bad >= 0) throw fieldError(`accountIds.${bad}`, 'handover_not_owner');
  return { from, to, accountIds };
}

/** History rows per INSERT: seven parameters each, well under PostgreSQL's 65,535 a statement. */
const HISTORY_BATCH = 5000;

async function recordEach(
  tx: Db,
  actor: Actor,
  entityType: string,
  entries: { entityId: string; changes: FieldChange[] }[],
) {
  const history = historyWriter(tx);
  for (let i = 0; i < entries.length; i += HISTORY_BATCH)
    await history.recordMany(actor.orgId, entityType, 'update', actor.userId, entries.slice(i, i + HISTORY_BATCH));
}

const summaryOf = (m: Move, counts: Omit<HandoverSummary, 'fromUserId' | 'toUserId'>): HandoverSummary => ({
  fromUserId: m.from,
  toUserId: m.to,
  ...counts,
});

export function handoverService(db: Db) {
  return {
    /**
     * The people the caller may hand over, from and to: the handover rule asked of each user of the
     * directory (an admin's whole organisation, a manager's scope), so the web offers exactly the
     * people a request will be accepted for. Inactive ones stay: a leaver deactivated first still
     * has accounts to hand over (only a receiver must be active).
     */
    async people(actor: Actor): Promise<{ items: User[] }> {
      assertCan(actor, 'handover', 'user');
      const { items } = await usersService(db).list(actor);
      return { items: items.filter((u) => can(actor, 'handover', { entity: 'user', userId: u.id })) };
    },

    /** What a handover would move, counted by the same conditions the move uses. */
    async preview(actor: Actor, input: HandoverInput): Promise<HandoverSummary> {
      const m = await resolveMove(db, actor, input);
      return summaryOf(m, await handoverRepository(db).counts(actor, m));
    },

    /** The handover itself: all of it in one transaction, or nothing. */
    async perform(actor: Actor, input: HandoverInput): Promise<HandoverSummary> {
      return db.transaction(async (tx) => {
        const r = handoverRepository(tx);
        const m = await resolveMove(tx, actor, input);
        // Two handovers touching the same people, or a claim by the to-user, wait for this one.
        await r.lockUsers(actor.orgId, [m.from, m.to]);
        const { poolClaims } = await r.counts(actor, m);
        const at = new Date();
        const owner = (field: string): FieldChange[] => [{ field, old: m.from, new: m.to }];

        // Deals, calls, tasks and teams first: their conditions read the accounts' owner as it was.
        const deals = await r.moveDeals(actor, m, at);
        const calls = await r.moveActivities(actor, m, at);
        const todo = await r.moveTasks(actor.orgId, m, at);
        const teamAccounts = await r.memberAccountIds(actor.orgId, m);
        const before = await r.teamsOf(actor.orgId, teamAccounts);
        await r.moveMembers(actor.orgId, m);
        const after = await r.teamsOf(actor.orgId, teamAccounts);
        const moved = await r.moveAccounts(actor.orgId, m, at);

        const accountChanges = (id: string): FieldChange[] =>
          before.has(id)
            ? [...owner('ownerId'), { field: 'members', old: before.get(id) ?? [], new: after.get(id) ?? [] }]
            : owner('ownerId');
        await recordEach(
          tx,
          actor,
          'account',
          moved.map((id) => ({ entityId: id, changes: accountChanges(id) })),
        );
        const each = (ids: string[], field: string) => ids.map((id) => ({ entityId: id, changes: owner(field) }));
        await recordEach(tx, actor, 'opportunity', each(deals, 'ownerId'));
        await recordEach(tx, actor, 'activity', each(calls, 'ownerId'));
        await recordEach(tx, actor, 'task', each(todo, 'assigneeId'));

        return summaryOf(m, {
          accounts: moved.length,
          openDeals: deals.length,
          plannedActivities: calls.length,
          openTasks: todo.length,
          accountTeams: teamAccounts.length,
          poolClaims,
        });
      });
    },
  };
}
