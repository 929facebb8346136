// Account health for one account (with its breakdown) or a page of accounts (scores only), from a
// few set-based reads keyed by the accounts' ids: never one query per row.
import { computeAccountHealth, type AccountHealth as Health, type AccountHealthFacts } from '../../../core/account-health.ts';
import type { AccountHealth } from '../../../core/schemas/health.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { accountHealthRepository } from './repository.ts';

const NO_CONTACTS = { total: 0, covered: 0, supportive: 0 };

/** Satisfaction counts over the last twelve months. */
export function yearBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

export function accountHealthService(db: Db) {
  const repo = accountHealthRepository(db);

  /** The facts health is computed from, for every given account (those with no records get empty facts). */
  async function facts(orgId: string, ids: string[], now: Date): Promise<Map<string, AccountHealthFacts>> {
    const out = new Map<string, AccountHealthFacts>(
      ids.map((id) => [id, { keyContacts: NO_CONTACTS, allContacts: NO_CONTACTS, openDeals: [], lastDoneAt: null, satisfaction: { count: 0, sum: 0 } }]),
    );
    if (!ids.length) return out;
    for (const r of await repo.pageFacts(orgId, ids, yearBefore(now))) {
      const f = out.get(r.accountId)!;
      if (r.kind === 'contacts') {
        f.allContacts = { total: r.a, covered: r.b, supportive: r.c };
        f.keyContacts = { total: r.d, covered: r.e, supportive: r.f };
      } else if (r.kind === 'deal') {
        const codes = r.flags ? r.flags.split(',') : [];
        for (let i = 0; i < r.a; i++) f.openDeals.push(codes);
      } else {
        f.satisfaction = { count: r.a, sum: r.b };
        f.lastDoneAt = r.lastDoneMs === null ? null : new Date(r.lastDoneMs);
      }
    }
    return out;
  }

  async function compute(orgId: string, ids: string[], now: Date): Promise<Map<string, Health & { facts: AccountHealthFacts }>> {
    const all = await facts(orgId, ids, now);
    return new Map([...all].map(([id, f]) => [id, { ...computeAccountHealth(f, now), facts: f }]));
  }

  return {
    compute,

    /** Scores of accounts the caller has already been shown (a list page): no scope check here. */
    async scores(orgId: string, ids: string[], now = new Date()): Promise<Map<string, number | null>> {
      const all = await compute(orgId, ids, now);
      return new Map([...all].map(([id, h]) => [id, h.score]));
    },

    async breakdown(actor: Actor, id: string, now = new Date()): Promise<AccountHealth> {
      if (!(await repo.visible(actor, [id], [id])).has(id)) throw notFound();
      const h = (await compute(actor.orgId, [id], now)).get(id)!;
      return { accountId: id, score: h.score, components: h.components };
    },
  };
}
