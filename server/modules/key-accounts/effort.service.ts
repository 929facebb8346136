// Time follows value (时间跟着价值走): the recommended share of effort per assigned tier beside the
// share of done calls' time it actually got, and the accounts most over- and under-served.
import type { Db } from '../../db/client.ts';
import { effortRepository, type GapRow } from './effort.repository.ts';
import { daysWindow } from './pareto.service.ts';
import type { Actor } from '../../access/index.ts';
import { orgSettings } from '../../kernel/settings.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
import { EFFORT_BUCKETS, recommendedShare, shareOf } from '../../../core/pareto.ts';
import type { Effort, EffortAccount, EffortQuery } from '../../../core/schemas/key-accounts.ts';
import { daysSpan } from '../../../core/time.ts';

export function effortService(db: Db) {
  const repo = effortRepository(db);
  return {
    async effort(actor: Actor, q: EffortQuery): Promise<Effort> {
      const { pareto: settings, timeZone } = await orgSettings(db, actor.orgId);
      const { from, to } = daysWindow(q, timeZone);
      const span = daysSpan(from, to, timeZone);
      const rows = await repo.effort(actor, span.from, span.to);
      const revenue = rows.tiers.reduce((s, r) => s + toCents(r.revenue), 0n);
      const minutes = BigInt(rows.tiers.reduce((s, r) => s + r.minutes, 0));
      const fixed = settings.effort.mode === 'fixed' ? (settings.effort.shares ?? null) : null;
      const account = (r: GapRow): EffortAccount => {
        const revenueShare = shareOf(toCents(r.revenue), revenue);
        const minutesShare = shareOf(BigInt(r.minutes), minutes);
        return {
          ...r,
          revenue: fromCents(toCents(r.revenue)),
          revenueShare,
          minutesShare,
          gap: Math.round((minutesShare - revenueShare) * 1e6) / 1e6,
        };
      };
      const byGap = (dir: 1 | -1) => (x: EffortAccount, y: EffortAccount) =>
        x.gap === y.gap ? (x.id < y.id ? -1 : 1) : dir * (y.gap - x.gap);
      return {
        from,
        to,
        mode: settings.effort.mode,
        totalRevenue: fromCents(revenue),
        totalMinutes: Number(minutes),
        tiers: EFFORT_BUCKETS.map((tier) => {
          const r = rows.tiers.find((x) => x.tier === tier);
          const revenueShare = shareOf(toCents(r?.revenue ?? '0'), revenue);
          return {
            tier,
            accounts: r?.accounts ?? 0,
            revenue: fromCents(toCents(r?.revenue ?? '0')),
            revenueShare,
            recommendedShare: recommendedShare(tier, revenueShare, fixed),
            minutes: r?.minutes ?? 0,
            actualShare: shareOf(BigInt(r?.minutes ?? 0), minutes),
          };
        }),
        overServed: rows.over.map(account).sort(byGap(1)),
        underServed: rows.under.map(account).sort(byGap(-1)),
      };
    },
  };
}
