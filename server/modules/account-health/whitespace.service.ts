// Whitespace (空白点): accounts × product categories — what was won there, what is open, where
// nothing has been sold yet. From deals' line items: a won deal's items count as won in their
// product's category, an open deal's as open; lost deals and deals without line items are left out.
import { fromCents, toCents } from '../../../core/funnel.ts';
import type { Whitespace, WhitespaceCell, WhitespaceQuery } from '../../../core/schemas/health.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { notFound } from '../../lib/errors.ts';
import { whitespaceRepository } from './whitespace.repository.ts';
import { visibleTree } from './group.service.ts';
import { accountHealthRepository } from './repository.ts';

const DEFAULT_LIMIT = 30;

type Row = { id: string; name: string; parentId: string | null; ourRevenue: string | null };

/** Depth first from the top, siblings by name: a group reads as an indented list. */
function treeOrder(rows: Row[], parents: Map<string, string | null>): Row[] {
  const byName = [...rows].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  const kids = new Map<string | null, Row[]>();
  for (const r of byName) {
    const p = parents.get(r.id) ?? null;
    kids.set(p, [...(kids.get(p) ?? []), r]);
  }
  const out: Row[] = [];
  const walk = (p: string | null) => {
    for (const r of kids.get(p) ?? []) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

export function whitespaceService(db: Db) {
  const repo = whitespaceRepository(db);

  async function accountsOf(actor: Actor, q: WhitespaceQuery): Promise<Row[]> {
    if (!q.accountId) return repo.topAccounts(actor, q.limit ?? DEFAULT_LIMIT);
    if (!(await accountHealthRepository(db).visible(actor, [q.accountId], [q.accountId])).has(q.accountId))
      throw notFound();
    const { parents } = await visibleTree(db, actor, q.accountId, [q.accountId]);
    // A branch under a hidden account hangs from its nearest visible ancestor, as in the group tree.
    const rows = await repo.accounts(actor, [...parents.keys()]);
    return treeOrder(rows, parents).map((r) =>
      r.id === q.accountId ? r : { ...r, parentId: parents.get(r.id) ?? null },
    );
  }

  return {
    async grid(actor: Actor, q: WhitespaceQuery): Promise<Whitespace> {
      const accounts = await accountsOf(actor, q);
      const ids = accounts.map((a) => a.id);
      const [catalogue, cells] = await Promise.all([
        repo.categories(actor.orgId),
        ids.length ? repo.cells(actor.orgId, ids) : [],
      ]);
      const categories = [...new Set([...catalogue, ...cells.map((c) => c.category)])].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      );
      const won = new Map<string, bigint>();
      const open = new Map<string, bigint>();
      for (const c of cells)
        (c.status === 'won' ? won : open).set(`${c.accountId}\u0000${c.category}`, toCents(c.amount));
      return {
        categories,
        rows: accounts.map((a) => ({
          accountId: a.id,
          name: a.name,
          parentId: a.parentId,
          ourRevenue: a.ourRevenue,
          cells: Object.fromEntries(
            categories.map((cat): [string, WhitespaceCell] => {
              const key = `${a.id}\u0000${cat}`;
              const w = won.get(key);
              const o = open.get(key);
              return [
                cat,
                {
                  state: w !== undefined ? 'won' : o !== undefined ? 'open' : 'none',
                  wonAmount: fromCents(w ?? 0n),
                  openAmount: fromCents(o ?? 0n),
                },
              ];
            }),
          ),
        })),
      };
    },
  };
}
