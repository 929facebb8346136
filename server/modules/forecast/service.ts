// The forecast (销售预测): the period's deals in the caller's scope rolled up by person, team, stage
// or month against quota; the pipeline summary; and calibrated stage probabilities from closed deals.
import type { Db } from '../../db/client.ts';
import { forecastRepository, type CellRow, type Window } from './repository.ts';
import { stageTotals } from '../opportunities/service.ts';
import { loadFunnel, type Funnel } from '../opportunities/judgement.ts';
import { loadQuotaBook, type QuotaBook } from '../quotas/book.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { scopeUsers, teamsInScope, userInScope, type Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { forecastFigures, sumFigures, type Figures } from '../../../core/forecast.ts';
import { calibrate } from '../../../core/calibration.ts';
import { parsePeriod, type Period } from '../../../core/period.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
// Aliased: `groupBy` here is the forecast's own grouping (owner, team, month, stage).
import { groupBy as groupRows } from '../../../core/group.ts';
import { messagePair, type Lang } from '../../../core/messages.ts';
import type {
  Calibration,
  CalibrationQuery,
  Forecast,
  ForecastQuery,
  ForecastRow,
  PipelineByProvince,
  PipelineSummary,
  PipelineSummaryQuery,
} from '../../../core/schemas/forecast.ts';
import { byProvinceRows } from '../../../core/regions.ts';
import { regionIndex } from '../../kernel/regions.ts';
import { addDays, dayStart, daysSpan, localDate } from '../../../core/time.ts';
import type { StageRow } from '../stages/service.ts';

const NONE = 'none';
const stageLabel = (s: Pick<StageRow, 'name' | 'nameEn'>, lang: Lang) =>
  lang === 'en' && s.nameEn ? s.nameEn : s.name;

const window = (p: Period, zone: string): Window => ({
  fromDay: p.start,
  toDay: p.end,
  from: dayStart(p.start, zone),
  to: dayStart(p.end, zone),
  zone,
});

/** Whose deals: null for everyone in scope, else the owners the filters leave (404 outside the scope). */
export function ownerFilter(actor: Actor, book: QuotaBook, q: { teamId?: string; ownerId?: string }): string[] | null {
  let owners: string[] | null = null;
  if (q.teamId) {
    const teams = teamsInScope(actor, book);
    if (!book.teamNames.has(q.teamId) || (teams && !teams.has(q.teamId))) throw notFound();
    owners = book.membersOf(q.teamId);
  }
  if (q.ownerId) {
    if (!book.people.has(q.ownerId) || !userInScope(actor, q.ownerId)) throw notFound();
    owners = owners ? owners.filter((o) => o === q.ownerId) : [q.ownerId];
  }
  return owners;
}

/** The quota that goes with the forecast's deals: the person's, the team's, or everyone's in scope. */
function quotaFor(
  actor: Actor,
  book: QuotaBook,
  q: { teamId?: string; ownerId?: string },
  period: Period,
): Figures | null {
  if (q.ownerId) return book.userQuota(q.ownerId, period);
  if (q.teamId) return book.teamQuota(q.teamId, period);
  const scoped = scopeUsers(actor);
  if (scoped === null) {
    const roots = [...book.teamNames.keys()].filter(
      (t) => ![...book.tree.children.values()].some((c) => c.includes(t)),
    );
    const teamless = [...book.people.values()].filter((p) => !p.teamId);
    return sumFigures([
      ...roots.map((t) => book.teamQuota(t, period)),
      ...teamless.map((p) => book.userQuota(p.id, period)),
    ]);
  }
  return sumFigures(scoped.map((u) => book.userQuota(u, period)));
}

export function forecastService(db: Db) {
  const repo = forecastRepository(db);

  async function rates(
    actor: Actor,
    q: CalibrationQuery,
    funnel: Funnel,
    book: QuotaBook,
    zone: string,
  ): Promise<Calibration> {
    const to = q.to ?? localDate(new Date(), zone);
    const from = q.from ?? addDays(to, -365);
    if (to < from) throw fieldError('query.to', 'end_before_start');
    const owners = ownerFilter(actor, book, q);
    const span = daysSpan(from, to, zone);
    const rows = await repo.closedReach(actor, span.from, span.to, owners);
    const positions = funnel.open.map((s) => s.position);
    // A removed stage's position counts as the last current open stage at or before it.
    const index = (pos: number | null) => (pos === null ? -1 : positions.filter((p) => p <= pos).length - 1);
    const observed = calibrate(
      funnel.open.map((s) => s.id),
      rows.map((r) => ({ status: r.status, furthest: index(r.furthest), deals: r.deals })),
    );
    return {
      from,
      to,
      closedDeals: rows.reduce((n, r) => n + r.deals, 0),
      stages: funnel.open.map((s, k) => ({
        ...observed[k],
        name: s.name,
        nameEn: s.nameEn,
        configured: s.probability,
      })),
    };
  }

  return {
    async forecast(actor: Actor, q: ForecastQuery): Promise<Forecast> {
      const period = parsePeriod(q.period);
      if (!period) throw fieldError('query.period', 'period');
      const groupBy = q.groupBy ?? 'owner';
      const probabilities = q.probabilities ?? 'configured';
      const [funnel, book, zone] = await Promise.all([
        loadFunnel(db, actor.orgId),
        loadQuotaBook(db, actor.orgId, [period.year]),
        orgTimeZone(db, actor.orgId),
      ]);
      const owners = ownerFilter(actor, book, q);
      const [cells, calibrated] = await Promise.all([
        repo.cells(actor, window(period, zone), groupBy === 'month' ? 'month' : 'owner', owners),
        probabilities === 'calibrated' ? rates(actor, { teamId: q.teamId }, funnel, book, zone) : null,
      ]);
      const rateMap = calibrated
        ? new Map(calibrated.stages.filter((s) => s.observed !== null).map((s) => [s.stageId, s.observed!]))
        : undefined;
      const keyOf = (c: CellRow): string => {
        if (groupBy === 'stage') return c.stageId;
        if (groupBy === 'team') return (c.key && book.people.get(c.key)?.teamId) || NONE;
        return c.key ?? NONE;
      };
      const groups = groupRows(cells, keyOf);

      const unassigned = messagePair('unassigned')[actor.lang];
      const quotaOf = (key: string): Figures | null => {
        if (key === NONE) return null;
        if (groupBy === 'owner') return book.userQuota(key, period);
        if (groupBy === 'team')
          return (
            book.ownTeamQuota(key, period) ??
            sumFigures((book.tree.members.get(key) ?? []).map((u) => book.userQuota(u, period)))
          );
        if (groupBy === 'month') return quotaFor(actor, book, q, parsePeriod(key)!);
        return null;
      };
      const labelOf = (key: string): string => {
        if (key === NONE) return unassigned;
        if (groupBy === 'owner') return book.people.get(key)?.name ?? key;
        if (groupBy === 'team') return book.teamNames.get(key) ?? key;
        if (groupBy === 'stage') {
          const s = funnel.byId.get(key);
          return s ? stageLabel(s, actor.lang) : key;
        }
        return key;
      };

      // Rows: every group with deals, plus the people (or months) that have a quota but no deal yet.
      let keys = [...groups.keys()];
      if (groupBy === 'owner') {
        const candidates = owners ?? scopeUsers(actor) ?? [...book.people.keys()];
        for (const u of candidates)
          if (!groups.has(u) && book.people.get(u)?.active && book.userQuota(u, period)) keys.push(u);
      }
      if (groupBy === 'month') keys = [...new Set([...period.months, ...keys])].sort();
      if (groupBy === 'stage') {
        const order = [...funnel.open, ...(funnel.won ? [funnel.won] : [])].map((s) => s.id);
        keys = [...new Set([...order, ...keys])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
      let rows: ForecastRow[] = keys.map((key) => ({
        key,
        label: labelOf(key),
        ...forecastFigures(groups.get(key) ?? [], quotaOf(key), rateMap),
      }));
      if (groupBy === 'owner' || groupBy === 'team') {
        rows = rows.sort(
          (a, b) =>
            Number(toCents(b.bestCaseForecast) - toCents(a.bestCaseForecast)) || a.label.localeCompare(b.label, 'zh'),
        );
      }
      const totals = {
        key: 'total',
        label: messagePair('total')[actor.lang],
        ...forecastFigures(cells, quotaFor(actor, book, q, period), rateMap),
      };
      return { period: period.key, start: period.start, end: period.last, groupBy, probabilities, rows, totals };
    },

    async summary(actor: Actor, q: PipelineSummaryQuery): Promise<PipelineSummary> {
      // The tree only checks the filters: no quotas are read.
      const [funnel, book] = await Promise.all([loadFunnel(db, actor.orgId), loadQuotaBook(db, actor.orgId, [])]);
      ownerFilter(actor, book, q);
      const totals = await stageTotals(db, actor, q);
      const by = new Map(totals.map((t) => [t.stageId, t]));
      const stages = funnel.open.map((s) => {
        const t = by.get(s.id);
        return {
          stageId: s.id,
          name: s.name,
          nameEn: s.nameEn,
          probability: s.probability,
          count: t?.count ?? 0,
          amount: t?.amount ?? '0.00',
          weightedAmount: t?.weighted ?? '0.00',
        };
      });
      const cents = (f: (s: (typeof stages)[number]) => string) =>
        fromCents(stages.reduce((n, s) => n + toCents(f(s)), 0n));
      return {
        stages,
        totals: {
          count: stages.reduce((n, s) => n + s.count, 0),
          amount: cents((s) => s.amount),
          weightedAmount: cents((s) => s.weightedAmount),
        },
      };
    },

    /** 按省份: the open pipeline in scope (or a team's, a person's) by the province of the deal's account. */
    async byProvince(actor: Actor, q: PipelineSummaryQuery): Promise<PipelineByProvince> {
      const book = await loadQuotaBook(db, actor.orgId, []);
      const owners = ownerFilter(actor, book, q);
      const [rows, regions] = await Promise.all([repo.provinceTotals(actor, owners), regionIndex()]);
      return { items: byProvinceRows(regions, rows, actor.lang) };
    },

    async calibration(actor: Actor, q: CalibrationQuery): Promise<Calibration> {
      const [funnel, book, zone] = await Promise.all([
        loadFunnel(db, actor.orgId),
        loadQuotaBook(db, actor.orgId, []),
        orgTimeZone(db, actor.orgId),
      ]);
      return rates(actor, q, funnel, book, zone);
    },
  };
}

export type { Window };

/** The window's deals summed per cell (for the planner's won-deal averages): see forecastRepository.cells. */
export const forecastCells = (db: Db, actor: Actor, w: Window, by: 'owner' | 'month', owners: string[] | null) =>
  forecastRepository(db).cells(actor, w, by, owners);
