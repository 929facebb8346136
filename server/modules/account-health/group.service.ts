// A group (集团) as a tree from its topmost account down to every branch, with roll-ups: each node
// sums itself and every descendant the caller may see. Accounts outside the caller's scope are left
// out and not summed; a visible branch under a hidden one hangs from its nearest visible ancestor.
import { fromCents, toCents } from '../../../core/funnel.ts';
import { ratio } from '../../../core/forecast.ts';
import type { AccountGroup, GroupNode } from '../../../core/schemas/health.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { notFound } from '../../lib/errors.ts';
import { accountHealthRepository } from './repository.ts';
import { groupRepository } from './group.repository.ts';
import { accountHealthService, yearBefore } from './service.ts';
import { groupBy } from '../../../core/group.ts';

export interface VisibleTree {
  /** Visible accounts, each with its nearest visible ancestor inside the tree (null for the top). */
  parents: Map<string, string | null>;
}

/**
 * The visible part of the tree under `topId`: every descendant, whoever owns it, walked once; then the
 * caller's scope in one read. `keep` are shown even when archived (the account asked for, the top).
 */
export async function visibleTree(db: Db, actor: Actor, topId: string, keep: string[]): Promise<VisibleTree> {
  const repo = accountHealthRepository(db);
  const all = await repo.descendants(actor.orgId, topId);
  const parentOf = new Map(all.map((r) => [r.id, r.parentId]));
  const seen = await repo.visible(actor, [...parentOf.keys()], keep);
  const parents = new Map<string, string | null>();
  for (const { id } of all) {
    if (!seen.has(id)) continue;
    let p = id === topId ? null : (parentOf.get(id) ?? null);
    while (p && !seen.has(p)) p = parentOf.get(p) ?? null;
    parents.set(id, p);
  }
  return { parents };
}

/** The topmost ancestor of a visible account that the caller can see too; null when the account is not visible. */
export async function visibleTop(db: Db, actor: Actor, id: string): Promise<string | null> {
  const repo = accountHealthRepository(db);
  const chain = await repo.ancestors(actor.orgId, id);
  const seen = await repo.visible(
    actor,
    chain.map((c) => c.id),
    chain.map((c) => c.id),
  );
  if (!seen.has(id)) return null;
  return chain.filter((c) => seen.has(c.id)).at(-1)!.id;
}

export function groupService(db: Db) {
  const figures = groupRepository(db);
  const health = accountHealthService(db);

  return {
    async group(actor: Actor, id: string, now = new Date()): Promise<AccountGroup> {
      const top = await visibleTop(db, actor, id);
      if (!top) throw notFound();
      const { parents } = await visibleTree(db, actor, top, [id, top]);
      const ids = [...parents.keys()];
      const [rows, deals, healths] = await Promise.all([
        figures.accounts(actor.orgId, ids),
        figures.deals(actor.orgId, ids, yearBefore(now)),
        health.compute(actor.orgId, ids, now),
      ]);
      const dealsOf = new Map(deals.map((d) => [d.accountId, d]));
      // Rows come sorted by name, so siblings are too.
      const children = groupBy(
        rows,
        (r) => parents.get(r.id),
        (r) => r.id,
      );
      const rowOf = new Map(rows.map((r) => [r.id, r]));

      const build = (nodeId: string): GroupNode => {
        const r = rowOf.get(nodeId)!;
        const d = dealsOf.get(nodeId);
        const h = healths.get(nodeId)!;
        const kids = (children.get(nodeId) ?? []).map(build);
        const sum = (own: string | null | undefined, pick: (n: GroupNode) => string) =>
          fromCents(kids.reduce((s, k) => s + toCents(pick(k)), toCents(own ?? '0')));
        const contacts = kids.reduce((s, k) => s + k.contacts, h.facts.allContacts.total);
        const covered = kids.reduce((s, k) => s + k.coveredContacts, h.facts.allContacts.covered);
        return {
          accountId: r.id,
          name: r.name,
          scope: r.scope as GroupNode['scope'],
          ownerName: r.ownerName,
          health: h.score,
          ourRevenue: r.ourRevenue,
          rolledUpRevenue: sum(r.ourRevenue, (k) => k.rolledUpRevenue),
          openPipeline: {
            count: kids.reduce((s, k) => s + k.openPipeline.count, d?.openCount ?? 0),
            amount: sum(d?.openAmount, (k) => k.openPipeline.amount),
            weightedAmount: sum(d?.openWeighted, (k) => k.openPipeline.weightedAmount),
          },
          wonLast12Months: sum(d?.won, (k) => k.wonLast12Months),
          contacts,
          coveredContacts: covered,
          coverage: ratio(covered, contacts),
          children: kids,
        };
      };
      return { accountId: id, root: build(top) };
    },
  };
}
