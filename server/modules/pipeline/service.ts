// Pipeline inspection (issue 5): weekly snapshots of every open deal, what changed since a chosen
// date, how well past snapshots forecast a period, and why deals were won or lost.
import type { Static } from 'typebox';
import type { Db } from '../../db/client.ts';
import { pipelineRepository, type ChangeRow } from './repository.ts';
import { resultsRepository, type OutcomeRow } from './results.repository.ts';
import { regionIndex } from '../../kernel/regions.ts';
import { byProvinceRows } from '../../../core/regions.ts';
import { teamMembers } from '../teams/service.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, userInScope, type Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
import { parsePeriod } from '../../../core/period.ts';
import { ratio } from '../../../core/forecast.ts';
import { messagePair } from '../../../core/messages.ts';
import { CHANGE_KINDS } from '../../../core/enums.ts';
import { addDays, dayStart, daysSpan, localDate, weekStart } from '../../../core/time.ts';
import type {
  AccuracyQuery,
  ForecastAccuracy,
  PipelineChange,
  PipelineChanges,
  PipelineChangesQuery,
  Snapshot,
  SnapshotList,
  WinLoss,
  WinLossQuery,
} from '../../../core/schemas/forecast.ts';

/** Two years of weekly snapshots. */
export const MAX_SNAPSHOTS = 104;
export const MAX_CHANGES = 500;
/** Accuracy looks at snapshots from a quarter before the period starts. */
const ACCURACY_LEAD_DAYS = 13 * 7;

/** The Monday and Sunday (the organisation's days) of the ISO week a day falls in. */
export function isoWeek(day: string): { monday: string; sunday: string } {
  const monday = weekStart(day);
  return { monday, sunday: addDays(monday, 6) };
}

/** A group's won and lost deals as the analysis shows them, with its win rate by count. */
function outcome(r: OutcomeRow) {
  return {
    won: { count: r.wonCount, amount: r.wonAmount },
    lost: { count: r.lostCount, amount: r.lostAmount },
    winRate: ratio(r.wonCount, r.wonCount + r.lostCount),
  };
}

const centsSum = (...amounts: string[]) => fromCents(amounts.reduce((s, a) => s + toCents(a), 0n));

function present(r: ChangeRow): PipelineChange {
  return {
    opportunityId: r.id,
    name: r.name,
    accountId: r.accountId,
    accountName: r.accountName,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    kinds: r.kinds,
    // Snapshots hold open deals only, so the baseline state is always open.
    before:
      r.bStageId === null
        ? null
        : {
            stageId: r.bStageId,
            stageName: r.bStageName ?? '',
            amount: r.bAmount ?? '0.00',
            expectedCloseDate: r.bExpectedCloseDate,
            forecastCategory: r.bForecastCategory ?? '',
            status: 'open',
          },
    after: {
      stageId: r.stageId,
      stageName: r.stageName,
      amount: r.amount,
      expectedCloseDate: r.expectedCloseDate,
      forecastCategory: r.forecastCategory,
      status: r.status,
    },
  };
}

export function pipelineService(db: Db) {
  const repo = pipelineRepository(db);
  const results = resultsRepository(db);

  /**
   * A team filter as deal owners: the team's and its sub-teams' members. An unknown team, or one
   * with nobody in the caller's scope, is not theirs to look at (404, as the calendar does).
   */
  async function teamOwners(actor: Actor, teamId: string | undefined): Promise<string[] | undefined> {
    if (!teamId) return undefined;
    const members = await teamMembers(db, actor.orgId, teamId);
    if (!members) throw notFound();
    if (!members.some((u) => userInScope(actor, u))) throw notFound();
    return members;
  }

  return {
    /** The organisation's snapshot dates, newest first, with the caller's deals in each. */
    async list(actor: Actor): Promise<SnapshotList> {
      return { items: await repo.totals(actor, MAX_SNAPSHOTS) };
    },

    /** Takes today's snapshot (the organisation's date) now; a day already taken is returned as it is. */
    async snapshot(actor: Actor, now = new Date()): Promise<Static<typeof Snapshot>> {
      assertCan(actor, 'create', 'snapshot');
      const date = localDate(now, await orgTimeZone(db, actor.orgId));
      await repo.take(actor.orgId, date);
      const [row] = await repo.totals(actor, 1, date);
      return row;
    },

    /**
     * The weekly job: every organisation without a snapshot in the current ISO week (Monday to
     * Sunday, each organisation's days) gets one dated today. Returns the organisations snapshotted.
     */
    async snapshotDue(now = new Date()): Promise<string[]> {
      const taken: string[] = [];
      for (const orgId of await repo.orgIds()) {
        const today = localDate(now, await orgTimeZone(db, orgId));
        const { monday, sunday } = isoWeek(today);
        if (await repo.hasSnapshotBetween(orgId, monday, sunday)) continue;
        await repo.take(orgId, today);
        taken.push(orgId);
      }
      return taken;
    },

    async changes(actor: Actor, q: PipelineChangesQuery): Promise<PipelineChanges> {
      const teamOwnerIds = await teamOwners(actor, q.teamId);
      const [baseline, zone] = await Promise.all([repo.baseline(actor.orgId, q.since), orgTimeZone(db, actor.orgId)]);
      const args = {
        baseline,
        from: dayStart(baseline ?? q.since, zone),
        ownerId: q.ownerId,
        teamOwnerIds,
        limit: MAX_CHANGES + 1,
      };
      const { summary, items: rows } = await repo.changes(actor, args);
      const byKind = new Map(summary.map((s) => [s.kind, s]));
      return {
        since: q.since,
        baseline,
        summary: CHANGE_KINDS.map((kind) => ({
          kind,
          count: byKind.get(kind)?.count ?? 0,
          amount: byKind.get(kind)?.amount ?? '0.00',
        })),
        items: rows.slice(0, MAX_CHANGES).map(present),
        truncated: rows.length > MAX_CHANGES,
      };
    },

    /**
     * Each snapshot taken from 13 weeks before the period up to its last day, with the forecast it
     * implied for the period (already won + its open deals expected to close then), against what
     * was actually won in the period.
     */
    async accuracy(actor: Actor, q: AccuracyQuery): Promise<ForecastAccuracy> {
      const period = parsePeriod(q.period);
      if (!period) throw fieldError('query.period', 'period');
      const [ownerIds, zone] = await Promise.all([teamOwners(actor, q.teamId), orgTimeZone(db, actor.orgId)]);
      const startAt = dayStart(period.start, zone);
      const endAt = dayStart(period.end, zone);
      const actual = await results.closedTotals(actor, 'won', { startAt, endAt, ownerIds });
      const rows = await results.accuracy(actor, {
        firstSnapshot: addDays(period.start, -ACCURACY_LEAD_DAYS),
        lastSnapshot: period.last,
        periodStart: period.start,
        periodLast: period.last,
        startAt,
        endAt,
        zone,
        ownerIds,
      });
      const actualCents = toCents(actual.amount);
      return {
        period: period.key,
        actualWon: actual.amount,
        items: rows.map((r) => {
          const weighted = toCents(centsSum(r.won, r.weighted));
          return {
            snapshotDate: r.date,
            weightedForecast: fromCents(weighted),
            commitForecast: centsSum(r.won, r.commit),
            bestCaseForecast: centsSum(r.won, r.commit, r.bestCase),
            error: ratio(weighted - actualCents, actualCents),
          };
        }),
      };
    },

    /** Deals closed on the organisation's days from..to (both included): counts, win rate, why lost and to whom. */
    async winLoss(actor: Actor, q: WinLossQuery): Promise<WinLoss> {
      if (q.to < q.from) throw fieldError('query.to', 'end_before_start');
      const [ownerIds, zone] = await Promise.all([teamOwners(actor, q.teamId), orgTimeZone(db, actor.orgId)]);
      const span = daysSpan(q.from, q.to, zone);
      const a = { startAt: span.from, endAt: span.to, ownerId: q.ownerId, ownerIds };
      const won = await results.closedTotals(actor, 'won', a);
      const lost = await results.closedTotals(actor, 'lost', a);
      const noReason = messagePair('no_reason_given')[actor.lang];
      const noSource = messagePair('no_source_given')[actor.lang];
      const [sources, provinces, regions] = await Promise.all([
        results.bySource(actor, a),
        results.byProvince(actor, a),
        regionIndex(),
      ]);
      return {
        won,
        lost,
        winRate: ratio(won.count, won.count + lost.count),
        reasons: (await results.lostReasons(actor, a)).map((r) => ({ ...r, reason: r.reason || noReason })),
        competitors: await results.lostTo(actor, a),
        sources: sources.map(({ source, ...r }) => ({ source: source || noSource, ...outcome(r) })),
        provinces: byProvinceRows(regions, provinces, actor.lang).map(({ provinceCode, name, ...r }) => ({
          provinceCode,
          name,
          ...outcome(r),
        })),
      };
    },
  };
}

/** Takes the organisation's snapshot dated `date` (the demo's load); a day already taken is kept. */
export const takeSnapshot = (db: Db, orgId: string, date: string) => pipelineRepository(db).take(orgId, date);
