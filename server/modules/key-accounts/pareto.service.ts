// Pareto / ABC analysis (二八法则): the caller's accounts ranked by a figure, classified A/B/C by
// the share of the total the accounts above them make, with the concentration figures. The ranking
// happens in SQL (100k accounts never leave the database); core/pareto is the same rule in TypeScript.
import type { Db } from '../../db/client.ts';
import { paretoRepository, BAR_COUNT, CURVE_POINTS, type ParetoSource, type RankedRow } from './pareto.repository.ts';
import { fieldError } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { analysisKey, cached } from '../../lib/analysis-cache.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { TIERS, type Tier } from '../../../core/enums.ts';
import { fromCents } from '../../../core/funnel.ts';
import { basisPoints, curveStep, shareOf, topCount } from '../../../core/pareto.ts';
import type { ParetoItem, ParetoQuery, ParetoResult, ParetoSettings } from '../../../core/schemas/key-accounts.ts';
import { addDays, daysSpan, localDate } from '../../../core/time.ts';

/** A window of the organisation's days, both included: the last 12 months unless given. */
export function daysWindow(q: { from?: string; to?: string }, zone: string): { from: string; to: string } {
  const to = q.to ?? localDate(new Date(), zone);
  const from = q.from ?? addDays(to, -365);
  if (to < from) throw fieldError('query.to', 'end_before_start');
  return { from, to };
}

/** Thresholds and shares kept to basis points, so the stored value is the one SQL compares. */
function checked(input: ParetoSettings): ParetoSettings {
  const a = basisPoints(input.thresholds.a);
  const b = basisPoints(input.thresholds.b);
  if (a < 1) throw fieldError('thresholds.a', 'exclusive_minimum', { limit: 0 });
  if (b > 9999) throw fieldError('thresholds.b', 'exclusive_maximum', { limit: 1 });
  if (a >= b) throw fieldError('thresholds.b', 'pareto_threshold_order');
  const thresholds = { a: a / 10_000, b: b / 10_000 };
  if (input.effort.mode === 'revenue') return { thresholds, effort: { mode: 'revenue' } };
  const s = input.effort.shares;
  if (!s) throw fieldError('effort.shares', 'shares_required');
  const shares = { A: basisPoints(s.A), B: basisPoints(s.B), C: basisPoints(s.C) };
  const sum = shares.A + shares.B + shares.C;
  if (sum !== 10_000) throw fieldError('effort.shares', 'shares_sum', { sum: sum / 100 });
  return {
    thresholds,
    effort: { mode: 'fixed', shares: { A: shares.A / 10_000, B: shares.B / 10_000, C: shares.C / 10_000 } },
  };
}

export function paretoService(db: Db) {
  const repo = paretoRepository(db);
  const settings = async (actor: Actor) => (await orgSettings(db, actor.orgId)).pareto;

  return {
    settings,

    async putSettings(actor: Actor, input: ParetoSettings): Promise<ParetoSettings> {
      assertCan(actor, 'update', 'settings');
      await mergeOrgSettings(db, actor.orgId, { pareto: checked(input) });
      return settings(actor);
    },

    async pareto(actor: Actor, q: ParetoQuery): Promise<ParetoResult> {
      const metric = q.metric ?? 'ourRevenue';
      const {
        pareto: { thresholds },
        timeZone,
      } = await orgSettings(db, actor.orgId);
      // The window is checked whatever the metric; only wonAmount reads it.
      const window = daysWindow(q, timeZone);
      const won = metric === 'wonAmount';
      const source: ParetoSource =
        metric === 'wonAmount' ? { metric, ...daysSpan(window.from, window.to, timeZone) } : { metric };
      const args = { ...source, thresholds, cls: q.class, limit: q.limit ?? 50, offset: q.offset ?? 0 };
      // The ranking is the costly part (a sort of every account in scope); it is kept until the
      // accounts (or, for won amounts, won deals) change. The key holds the resolved window (the
      // default one moves with today) and the thresholds read above, so saved settings take effect
      // at once. Names are read fresh: a few rows by id, and owners' names have no version.
      // (The window's instants serialise as ISO strings.)
      const key = analysisKey('pareto', actor, args);
      const r = await cached(db, actor.orgId, key, won ? ['accounts', 'deals'] : ['accounts'], () =>
        repo.rank(actor, args),
      );
      const total = BigInt(r.total);
      const bars = r.series.filter((x) => x.rank <= BAR_COUNT);
      const names = new Map(
        (await repo.names(actor.orgId, [...new Set([...bars, ...r.page].map((x) => x.id))])).map((x) => [x.id, x]),
      );
      const money = (cents: string) => fromCents(BigInt(cents));
      const cumulativeShare = (x: RankedRow) => shareOf(BigInt(x.cumulative), total);
      const step = curveStep(r.n, CURVE_POINTS);
      const items: ParetoItem[] = r.page.map((x) => ({
        rank: x.rank,
        id: x.id,
        name: names.get(x.id)?.name ?? '',
        ownerName: names.get(x.id)?.ownerName ?? null,
        tier: (names.get(x.id)?.tier ?? null) as Tier | null,
        value: money(x.cents),
        share: shareOf(BigInt(x.cents), total),
        cumulativeShare: cumulativeShare(x),
        class: x.class,
      }));
      return {
        metric,
        from: won ? window.from : null,
        to: won ? window.to : null,
        thresholds,
        accounts: r.n,
        total: fromCents(total),
        classes: TIERS.map((cls) => ({
          class: cls,
          accounts: r.classes[cls].accounts,
          value: money(r.classes[cls].cents),
          share: shareOf(BigInt(r.classes[cls].cents), total),
        })),
        concentration: { topCount: topCount(r.n), topShare: shareOf(BigInt(r.top), total), accountsFor80: r.core },
        bars: bars.map((x) => ({
          rank: x.rank,
          id: x.id,
          name: names.get(x.id)?.name ?? '',
          value: money(x.cents),
          cumulativeShare: cumulativeShare(x),
          class: x.class,
        })),
        curve: r.series
          .filter((x) => x.rank % step === 0 || x.rank === r.n)
          .map((x) => ({ rank: x.rank, cumulativeShare: cumulativeShare(x) })),
        items,
        itemsTotal: q.class ? r.classes[q.class].accounts : r.n,
      };
    },
  };
}
