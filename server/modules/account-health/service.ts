// Account health for one account (with its breakdown) or a page of accounts (scores only), from a
// few set-based reads keyed by the accounts' ids: never one query per row.
import {
  computeAccountHealth,
  type AccountHealth as Health,
  type AccountHealthFacts,
  type OpenDealGroup,
} from '../../../core/account-health.ts';
import type { AccountHealth } from '../../../core/schemas/health.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/index.ts';
import { notFound } from '../../lib/errors.ts';
import { accountHealthRepository } from './repository.ts';
import type { HealthFactColumns } from '../../db/account-facts.ts';

/**
 * Code lists by their comma-joined key. A list page meets a few hundred distinct keys at most, and
 * splitting them again for every row was most of the cost of scoring a page (~80 of ~90 µs); the
 * lists are shared, never mutated. Bounded: cleared if the org's keys ever outgrow it.
 */
const codeLists = new Map<string, readonly string[]>();
const MAX_CODE_LISTS = 10_000;

function codesOf(flags: string): readonly string[] {
  let codes = codeLists.get(flags);
  if (!codes) {
    if (codeLists.size >= MAX_CODE_LISTS) codeLists.clear();
    codes = Object.freeze(flags ? flags.split(',') : []);
    codeLists.set(flags, codes);
  }
  return codes;
}

/** The open deals by their codes, from the kept counts keyed by the comma-joined codes. */
function openDeals(byFlags: Record<string, number>): OpenDealGroup[] {
  const out: OpenDealGroup[] = [];
  for (const flags in byFlags) out.push({ codes: codesOf(flags), deals: byFlags[flags] });
  return out;
}

/** Satisfaction counts over the last twelve months. */
export function yearBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/** The kept [start ms, score] pairs of calls started at or after `sinceMs`, counted and summed. */
function satisfactionSince(
  pairs: readonly (readonly [number, number])[],
  sinceMs: number,
): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (const [at, score] of pairs) {
    if (at < sinceMs) continue;
    count++;
    sum += score;
  }
  return { count, sum };
}

/** A row's health columns (repository `healthFacts`) as the facts core computes health from at `now`. */
function factsOf(r: HealthFactColumns, now: Date): AccountHealthFacts {
  return {
    allContacts: { total: r.hContacts, covered: r.hCovered, supportive: r.hSupportive },
    keyContacts: { total: r.hKey, covered: r.hKeyCovered, supportive: r.hKeySupportive },
    openDeals: openDeals(r.hOpenFlags),
    lastDoneAt: r.hLastDoneMs === null ? null : new Date(r.hLastDoneMs),
    satisfaction: r.hSatisfaction.length
      ? satisfactionSince(r.hSatisfaction, yearBefore(now).getTime())
      : { count: 0, sum: 0 },
  };
}

/** The health score of a row read with the `healthFacts` columns (a list page's). */
export function scoreOf(r: HealthFactColumns, now: Date): number | null {
  return computeAccountHealth(factsOf(r, now), now).score;
}

export function accountHealthService(db: Db) {
  const repo = accountHealthRepository(db);

  /** The facts health is computed from, for every given account (those with no records get empty facts). */
  async function facts(orgId: string, ids: string[], now: Date): Promise<Map<string, AccountHealthFacts>> {
    if (!ids.length) return new Map();
    return new Map((await repo.pageFacts(orgId, ids)).map((r) => [r.accountId, factsOf(r, now)]));
  }

  async function compute(
    orgId: string,
    ids: string[],
    now: Date,
  ): Promise<Map<string, Health & { facts: AccountHealthFacts }>> {
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
