// The reverse-funnel planner (653321) and plan vs actual: a person's quota becomes a monthly
// activity plan per funnel stage, and their done activities (through each activity type's stage)
// are held against it.
import type { Db } from '../../db/client.ts';
import { plannerRepository } from './repository.ts';
import { forecastCells, ownerFilter } from '../forecast/service.ts';
import { loadFunnel, type Funnel } from '../opportunities/judgement.ts';
import { loadQuotaBook, type QuotaBook } from '../quotas/book.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { acrossOrganisation, assertCan, can, scopeUsers, type Actor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import {
  addMonths,
  defaultDealSize,
  evenStageWeeks,
  planActivities,
  plannedMonths,
  planProgress,
  planStart,
  PLAN_MONTHS,
  weeksOfMonths,
  type WonTally,
} from '../../../core/planner.ts';
import { groupBy } from '../../../core/group.ts';
import { parsePeriod } from '../../../core/period.ts';
import { fromCents, toCents } from '../../../core/funnel.ts';
import { DEFAULT_PLAN_RATIOS, DEFAULT_STAGE_WEEKS } from '../../../core/enums.ts';
import type {
  Plan,
  PlanActual,
  PlanActualQuery,
  PlanDraft,
  PlanMissing,
  PlannerInput,
} from '../../../core/schemas/forecast.ts';
import { dayStart, localDate } from '../../../core/time.ts';
import { storedPlan } from './stored.ts';

const MISSING: readonly string[] = ['quota', 'averageDealSize', 'ratios'] satisfies PlanMissing[];
const isMissing = (path: string): path is PlanMissing => MISSING.includes(path);

/** Amounts leave as they are stored: two decimals. */
const normal = (amount: string) => fromCents(toCents(amount));

/** The planning stages: the open stages in funnel order, then the won stage (the signing). */
function planningStages(funnel: Funnel) {
  if (!funnel.won) throw new AppError(409, 'no_won_stage');
  return [...funnel.open, funnel.won];
}

/** The course's durations for its six stages; another funnel gets the course's cycle split evenly. */
const defaultWeeks = (count: number): number[] =>
  count === DEFAULT_STAGE_WEEKS.length ? [...DEFAULT_STAGE_WEEKS] : evenStageWeeks(count);

export function plannerService(db: Db) {
  const repo = plannerRepository(db);

  /**
   * Won deals over the last 12 months (this one and the eleven before it, by signing month, from the
   * kept forecast totals) per deal owner, across the organisation: averages drawn from them reveal no
   * deal, and a new rep has none of their own to plan from. One read serves every person's average.
   */
  async function wonByOwner(actor: Actor, now: Date, zone: string): Promise<Map<string | null, WonTally>> {
    const month = localDate(now, zone).slice(0, 7);
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const first = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const window = { fromDay: first, toDay: next, from: dayStart(first, zone), to: dayStart(next, zone), zone };
    const out = new Map<string | null, WonTally>();
    for (const c of await forecastCells(db, acrossOrganisation(actor), window, 'owner', null)) {
      if (c.status !== 'won') continue;
      const t = out.get(c.key) ?? { deals: 0, cents: 0n };
      out.set(c.key, { deals: t.deals + c.deals, cents: t.cents + toCents(c.amount) });
    }
    return out;
  }

  /** A person's default average deal size: their own won deals, else their team's (with its sub-teams), else the organisation's. */
  function averageDeal(won: Map<string | null, WonTally>, book: QuotaBook, userId: string) {
    const sum = (owners: Iterable<string | null>): WonTally => {
      let deals = 0;
      let cents = 0n;
      for (const o of owners) {
        const t = won.get(o);
        if (t) [deals, cents] = [deals + t.deals, cents + t.cents];
      }
      return { deals, cents };
    };
    const teamId = book.people.get(userId)?.teamId;
    return defaultDealSize({
      own: sum([userId]),
      team: teamId ? sum(book.membersOf(teamId)) : sum([]),
      org: sum(won.keys()),
    });
  }

  function schedule(
    funnel: Funnel,
    spec: { quota: string; averageDealSize: string; ratios: number[]; stageWeeks: number[]; startMonth: string },
  ) {
    const stages = planningStages(funnel);
    const s = planActivities({ ...spec, stageIds: stages.map((x) => x.id) });
    return {
      ...s,
      stageTotals: s.stageTotals.map((t, k) => ({ ...t, name: stages[k].name, nameEn: stages[k].nameEn })),
    };
  }

  async function compute(actor: Actor, input: PlannerInput, now = new Date()): Promise<Plan> {
    const userId = input.userId ?? actor.userId;
    const zone = await orgTimeZone(db, actor.orgId);
    const { year, startMonth } = planStart(localDate(now, zone), input.year, input.startMonth);
    const [funnel, book] = await Promise.all([loadFunnel(db, actor.orgId), loadQuotaBook(db, actor.orgId, [year])]);
    if (!book.people.has(userId) || !can(actor, 'read', { entity: 'plan', userId }))
      throw fieldError('userId', 'unknown_user');
    const count = planningStages(funnel).length;
    const ratios = input.ratios ?? (count === DEFAULT_PLAN_RATIOS.length ? [...DEFAULT_PLAN_RATIOS] : null);
    if (!ratios || ratios.length !== count) throw fieldError('ratios', 'ratios_length', { count });
    if (ratios.every((r) => r === 0)) throw fieldError('ratios', 'ratios_empty');
    // Durations in weeks; a request from before weeks (months per stage) still plans, converted.
    const stageWeeks =
      input.stageWeeks ??
      (input.monthsPerStage ? ratios.map(() => weeksOfMonths(input.monthsPerStage!)) : defaultWeeks(count));
    if (stageWeeks.length !== count) throw fieldError('stageWeeks', 'ratios_length', { count });
    const yearly = book.userQuota(userId, parsePeriod(String(year))!);
    const quota = input.quota ? normal(input.quota) : yearly ? fromCents(yearly.target) : null;
    if (!quota) throw fieldError('quota', 'no_quota', { year });
    const average = input.averageDealSize
      ? { amount: normal(input.averageDealSize), source: 'input' as const }
      : averageDeal(await wonByOwner(actor, now, zone), book, userId);
    if (!average) throw fieldError('averageDealSize', 'no_won_deals');
    const s = schedule(funnel, { quota, averageDealSize: average.amount, ratios, stageWeeks, startMonth });
    return {
      userId,
      year,
      startMonth,
      endMonth: addMonths(startMonth, PLAN_MONTHS - 1),
      quota,
      averageDealSize: average.amount,
      averageDealSizeSource: average.source,
      ratios,
      stageWeeks,
      ...s,
      savedAt: null,
    };
  }

  /**
   * A plan from the person's yearly quota and the defaults, starting where the planner's would
   * (planStart: next month in the current year, else January), so plan vs actual and the planner show
   * the same schedule before it is saved; null without a quota.
   */
  function quotaPlan(
    funnel: Funnel,
    book: QuotaBook,
    userId: string,
    year: number,
    averageDealSize: string | null,
    today: string,
  ) {
    const q = book.userQuota(userId, parsePeriod(String(year))!);
    const count = planningStages(funnel).length;
    if (!q || !averageDealSize || count !== DEFAULT_PLAN_RATIOS.length) return null;
    return schedule(funnel, {
      quota: fromCents(q.target),
      averageDealSize,
      ratios: [...DEFAULT_PLAN_RATIOS],
      stageWeeks: defaultWeeks(count),
      startMonth: planStart(today, year).startMonth,
    });
  }

  return {
    compute,

    async save(actor: Actor, year: number, input: Omit<PlannerInput, 'year'>): Promise<Plan> {
      const userId = input.userId ?? actor.userId;
      // Someone out of scope is unknown (400); someone in it whose plan is not the caller's to keep is 403.
      if (!can(actor, 'read', { entity: 'plan', userId })) throw fieldError('userId', 'unknown_user');
      assertCan(actor, 'update', { entity: 'plan', userId });
      const plan = await compute(actor, { ...input, year });
      const savedAt = new Date();
      const stored = { ...plan, savedAt: savedAt.toISOString() };
      await repo.save({ orgId: actor.orgId, userId, year, plan: stored, createdBy: actor.userId });
      return stored;
    },

    async saved(actor: Actor, year: number, userId = actor.userId): Promise<Plan> {
      assertCan(actor, 'read', { entity: 'plan', userId });
      const [row] = await repo.saved(actor.orgId, [userId], [year]);
      if (!row) throw notFound();
      return storedPlan(row.plan);
    },

    async draft(actor: Actor, year: number, userId = actor.userId, now = new Date()): Promise<PlanDraft> {
      // Someone out of the caller's scope is unknown here as everywhere (404).
      assertCan(actor, 'read', { entity: 'plan', userId });
      const [row] = await repo.saved(actor.orgId, [userId], [year]);
      if (row) return { plan: storedPlan(row.plan), saved: true, missing: [] };
      try {
        return { plan: await compute(actor, { year, userId }, now), saved: false, missing: [] };
      } catch (e) {
        // compute refuses, naming the field, what only the person can supply; anything else is an error.
        const missing = e instanceof AppError && e.statusCode === 400 ? e.fields.map((f) => f.path) : [];
        if (!missing.length || !missing.every(isMissing)) throw e;
        return { plan: null, saved: false, missing };
      }
    },

    async actual(actor: Actor, q: PlanActualQuery, now = new Date()): Promise<PlanActual> {
      const [funnel, book, zone] = await Promise.all([
        loadFunnel(db, actor.orgId),
        loadQuotaBook(db, actor.orgId, [q.year]),
        orgTimeZone(db, actor.orgId),
      ]);
      const stages = planningStages(funnel);
      const filtered = ownerFilter(actor, book, { teamId: q.teamId, ownerId: q.userId });
      const candidates = filtered ?? scopeUsers(actor) ?? [...book.people.keys()];
      const year = parsePeriod(String(q.year))!;
      // A plan covers twelve months from any month: last year's may reach into this one.
      const [savedRows, counts, won] = await Promise.all([
        repo.saved(actor.orgId, candidates, [q.year - 1, q.year]),
        repo.done(actor.orgId, candidates, year.start, year.end),
        wonByOwner(actor, now, zone),
      ]);
      // Grouped by owner once: a whole organisation has thousands of counts and dozens of people.
      const doneBy = groupBy(counts, (c) => c.ownerId);
      const savedBy = groupBy(savedRows, (r) => r.userId);
      const people = candidates
        .map((id) => book.people.get(id))
        .filter(
          (p) =>
            p &&
            p.active &&
            (p.role === 'rep' || p.role === 'manager' || savedBy.has(p.id) || book.userQuota(p.id, year)),
        )
        .map((p) => p!);
      const asOf = localDate(now, zone).slice(0, 7);
      const zero = () => Object.fromEntries(stages.map((s) => [s.id, 0]));
      return {
        year: q.year,
        asOf,
        stages: stages.map((s) => ({ stageId: s.id, name: s.name, nameEn: s.nameEn })),
        people: people
          .map((p) => {
            // Their saved plans reaching into the year, in the order they start (a later one takes over
            // its months); without one, a plan from their yearly quota.
            const saved = (savedBy.get(p.id) ?? [])
              .map((r) => storedPlan(r.plan))
              .filter((s) => s.months.some((m) => m.month.startsWith(`${q.year}-`)))
              .sort((a, b) => a.startMonth.localeCompare(b.startMonth));
            const fallback = saved.length
              ? null
              : quotaPlan(
                  funnel,
                  book,
                  p.id,
                  q.year,
                  averageDeal(won, book, p.id)?.amount ?? null,
                  localDate(now, zone),
                );
            const plans = fallback ? [fallback] : saved;
            const planned = plans.length ? plannedMonths(plans, year.months) : null;
            const months = year.months.map((month, i) => {
              const m = { month, planned: zero(), done: zero(), plannedTotal: planned?.[i].total ?? 0, doneTotal: 0 };
              for (const [stageId, n] of Object.entries(planned?.[i].counts ?? {}))
                if (stageId in m.planned) m.planned[stageId] += n;
              return m;
            });
            const at = new Map(months.map((m) => [m.month, m]));
            const doneByMonth = new Map<string, number>();
            for (const d of doneBy.get(p.id) ?? []) {
              const m = at.get(d.month);
              if (!m || !(d.stageId in m.done)) continue;
              m.done[d.stageId] += d.n;
              m.doneTotal += d.n;
              doneByMonth.set(d.month, (doneByMonth.get(d.month) ?? 0) + d.n);
            }
            const progress = planned
              ? planProgress({ months: planned, backlog: { counts: {}, total: 0 } }, doneByMonth, asOf)
              : {
                  plannedToDate: 0,
                  doneToDate: [...doneByMonth].filter(([m]) => m <= asOf).reduce((n, [, v]) => n + v, 0),
                  progress: null,
                  behind: false,
                };
            return {
              userId: p.id,
              name: p.name,
              teamId: p.teamId,
              planSource: saved.length ? ('saved' as const) : planned ? ('quota' as const) : null,
              ...progress,
              months,
            };
          })
          .sort(
            (a, b) =>
              Number(b.behind) - Number(a.behind) ||
              (a.progress ?? 2) - (b.progress ?? 2) ||
              a.name.localeCompare(b.name, 'zh'),
          ),
      };
    },
  };
}
