// Drives the in-process app with autocannon over loopback and condenses each run to the numbers
// the report needs.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../server/db/client.ts';
import { DEAL_SEARCH_TERM } from './deal-data.ts';

export interface Scenario {
  key: string;
  label: string;
  /** Several paths are cycled through per connection (e.g. detail pages of different accounts). */
  paths: string[];
  kind: 'list' | 'search' | 'detail';
  /** PostgreSQL p99 target in ms when it differs from the kind's default (report.ts TARGETS). */
  target?: number;
}

export interface ScenarioContext {
  accountIds: string[];
  dealIds: string[];
  /** A team with reps, for the board's team filter. */
  teamId: string;
  /** Whose week the calendar shows: rep01, named explicitly when the admin looks (null = the caller). */
  calendarUserId: string | null;
  /** The rep's own id (null for the admin): the activity list opens on a rep's own calls, everyone's for an admin. */
  ownerId: string | null;
}

/** The calendar scenario's fixed week (Monday to Monday, Shanghai time). */
export const CALENDAR_WEEK = { from: '2027-03-08T00:00:00+08:00', to: '2027-03-15T00:00:00+08:00' };
/** The month scenario's month (Shanghai time). */
/** The activity list's opening view looks 14 days ahead of the calendar week's Monday. */
export const ACTIVITY_DUE = '2027-03-22T00:00:00+08:00';
export const CALENDAR_MONTH = { from: '2027-03-01T00:00:00+08:00', to: '2027-04-01T00:00:00+08:00' };

export interface Measurement {
  scenario: string;
  user: string;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Set when the scenario could not run (route missing, login failed …). */
  skipped?: string;
}

export interface LoadOptions {
  durationSec: number;
  warmupSec: number;
  /** Unmeasured load over all the run's scenarios once, before its first row (warmProcess). */
  processWarmupSec: number;
  connections: number;
  /**
   * A scenario whose single probe request takes longer is reported, not loaded: ten connections
   * against a multi-second query only pile up a backlog (autocannon re-sends after its timeout)
   * that PGlite then works through for minutes, spoiling every later scenario.
   */
  maxProbeMs: number;
}

const q = (s: string) => encodeURIComponent(s);

/** The forecast scenarios' periods, and the date "what changed" looks back to. */
export const FORECAST_QUARTER = '2027-Q1';
export const FORECAST_YEAR = '2027';
export const CHANGES_SINCE = '2026-10-01';
/** A year of signings: the bench's closed deals spread over 2025-12 … 2027-12. */
export const PARETO_WON_FROM = '2026-01-01';
export const PARETO_WON_TO = '2026-12-31';

export function scenarios(ctx: ScenarioContext): Scenario[] {
  return [
    { key: 'list', label: 'Account list, first page', paths: ['/api/accounts?limit=50'], kind: 'list' },
    {
      key: 'filtered',
      label: 'Account list, government + tier A',
      paths: ['/api/accounts?limit=50&ownershipType=government&tier=A'],
      kind: 'list',
    },
    {
      key: 'detail',
      label: 'Account detail (20 ids rotating)',
      paths: ctx.accountIds.map((id) => `/api/accounts/${id}`),
      kind: 'detail',
    },
    {
      key: 'q-accounts',
      label: 'Account search q=北京',
      paths: [`/api/accounts?limit=50&q=${q('北京')}`],
      kind: 'search',
    },
    { key: 'q-global', label: 'Global search q=医院', paths: [`/api/search?q=${q('医院')}`], kind: 'search' },
    { key: 'contacts', label: 'Contact list, first page', paths: ['/api/contacts?limit=50'], kind: 'list' },
    {
      key: 'board-team',
      label: 'Pipeline board, one team (5 reps)',
      paths: [`/api/pipeline/board?teamId=${ctx.teamId}`],
      kind: 'list',
      target: 50,
    },
    {
      key: 'board',
      label: 'Pipeline board, no filter (admin: whole org; rep: own)',
      paths: ['/api/pipeline/board'],
      kind: 'list',
      target: 50,
    },
    {
      key: 'deals-open',
      label: 'Open deals list, first page',
      paths: ['/api/opportunities?status=open&limit=50'],
      kind: 'list',
      target: 50,
    },
    {
      key: 'deal-detail',
      label: 'Opportunity detail (20 ids rotating)',
      paths: ctx.dealIds.map((id) => `/api/opportunities/${id}`),
      kind: 'detail',
    },
    {
      key: 'q-deals',
      label: `Deal search q=${DEAL_SEARCH_TERM}`,
      paths: [`/api/opportunities?limit=50&q=${q(DEAL_SEARCH_TERM)}`],
      kind: 'search',
    },
    {
      key: 'calendar',
      label: "Calendar, a rep's week (rep01)",
      paths: [
        `/api/calendar?from=${q(CALENDAR_WEEK.from)}&to=${q(CALENDAR_WEEK.to)}${ctx.calendarUserId ? `&userId=${ctx.calendarUserId}` : ''}`,
      ],
      kind: 'list',
      target: 50,
    },
    // Issue 19: a month for a team of five reps (≈ 700 calls before the cap) stays one page of at most 500 calls.
    {
      key: 'calendar-month',
      label: "Calendar, a team's month (5 reps; admin: rep01's team, rep: own)",
      paths: [
        `/api/calendar?from=${q(CALENDAR_MONTH.from)}&to=${q(CALENDAR_MONTH.to)}${ctx.calendarUserId ? `&teamId=${ctx.teamId}` : ''}`,
      ],
      kind: 'list',
    },
    {
      key: 'timeline',
      label: 'Account timeline (20 ids rotating)',
      paths: ctx.accountIds.map((id) => `/api/timeline?accountId=${id}`),
      kind: 'list',
      target: 50,
    },
    // Issue 5: forecast and pipeline summary, p99 < 200 ms; the same budget for the other two reports.
    {
      key: 'forecast',
      label: `Forecast ${FORECAST_QUARTER}, by owner`,
      paths: [`/api/forecast?period=${FORECAST_QUARTER}`],
      kind: 'list',
      target: 200,
    },
    {
      key: 'forecast-month',
      label: `Forecast ${FORECAST_YEAR}, by month`,
      paths: [`/api/forecast?period=${FORECAST_YEAR}&groupBy=month`],
      kind: 'list',
      target: 200,
    },
    {
      key: 'forecast-team',
      label: `Forecast ${FORECAST_QUARTER}, by team`,
      paths: [`/api/forecast?period=${FORECAST_QUARTER}&groupBy=team`],
      kind: 'list',
      target: 200,
    },
    {
      key: 'summary',
      label: 'Pipeline summary (open deals by stage)',
      paths: ['/api/pipeline/summary'],
      kind: 'list',
      target: 200,
    },
    {
      key: 'changes',
      label: `Pipeline changes since ${CHANGES_SINCE}`,
      paths: [`/api/pipeline/changes?since=${CHANGES_SINCE}`],
      kind: 'list',
      target: 200,
    },
    {
      key: 'plan-actual',
      label: `Plan vs actual ${FORECAST_YEAR}`,
      paths: [`/api/planner/actual?year=${FORECAST_YEAR}`],
      kind: 'list',
      target: 200,
    },
    {
      key: 'pareto',
      label: 'Pareto / ABC by our revenue',
      paths: ['/api/analysis/pareto?metric=ourRevenue'],
      kind: 'list',
      target: 300,
    },
    {
      key: 'pareto-won',
      label: `Pareto / ABC by won amount, ${PARETO_WON_FROM} … ${PARETO_WON_TO}`,
      paths: [`/api/analysis/pareto?metric=wonAmount&from=${PARETO_WON_FROM}&to=${PARETO_WON_TO}`],
      kind: 'list',
      target: 300,
    },
    {
      key: 'scores',
      label: 'Scores, first page (highest first) with the tier matrix',
      paths: ['/api/analysis/scores?limit=50'],
      kind: 'list',
      target: 300,
    },
    // Issue 21: the region filter and 按省份 summary (GB/T 2260 codes), the activity list's opening view
    // (planned calls due within 14 days, overdue included, soonest first, far follow-ups collapsed) and
    // the counts it collapses, and the planner's opening answer.
    {
      key: 'region',
      label: 'Account list, province 广东 (440000)',
      paths: ['/api/accounts?limit=50&region=440000'],
      kind: 'list',
      target: 30,
    },
    { key: 'by-province', label: 'Accounts by province', paths: ['/api/accounts/by-province'], kind: 'list' },
    {
      key: 'activities-default',
      label: 'Activity list, opening view (planned, due in 14 days)',
      paths: [
        `/api/activities?limit=50&status=planned&sort=soonest&to=${q(ACTIVITY_DUE)}&autoWithinDays=30${ctx.ownerId ? `&ownerId=${ctx.ownerId}` : ''}`,
      ],
      kind: 'list',
    },
    {
      key: 'auto-later',
      label: 'Activity list, follow-ups collapsed per deal',
      paths: [`/api/activities/auto-later?status=planned&afterDays=30${ctx.ownerId ? `&ownerId=${ctx.ownerId}` : ''}`],
      kind: 'list',
    },
    // Issue 21 item 4: the totals line over each list (共 N 条, the amount sum) for its opening filter.
    { key: 'summary-accounts', label: 'Account list summary', paths: ['/api/accounts/summary'], kind: 'list' },
    {
      key: 'summary-deals',
      label: 'Open deals summary (count, amount)',
      paths: ['/api/opportunities/summary?status=open'],
      kind: 'list',
    },
    {
      key: 'summary-activities',
      label: 'Activity list summary, opening view',
      paths: [
        `/api/activities/summary?status=planned&to=${q(ACTIVITY_DUE)}&autoWithinDays=30${ctx.ownerId ? `&ownerId=${ctx.ownerId}` : ''}`,
      ],
      kind: 'list',
    },
    { key: 'summary-bin', label: 'Recycle bin summary', paths: ['/api/recycle-bin/summary'], kind: 'list' },
    {
      key: 'summary-scores',
      label: 'Scores list summary (live accounts in scope)',
      paths: ['/api/analysis/scores/summary'],
      kind: 'list',
    },
    {
      key: 'planner-draft',
      label: `Planner opening answer ${FORECAST_YEAR}`,
      paths: [`/api/planner/draft?year=${FORECAST_YEAR}`],
      kind: 'list',
      target: 200,
    },
    // Issue 18: the recycle bin's first page (2,000 entries in the organisation, 50 per rep).
    { key: 'bin', label: 'Recycle bin, first page', paths: ['/api/recycle-bin?limit=50'], kind: 'list' },
    {
      key: 'scores-disagree',
      label: 'Scores where the tier disagrees, first page',
      paths: ['/api/analysis/scores?disagree=true&limit=50'],
      kind: 'list',
      target: 300,
    },
  ];
}

/**
 * Waits until the server answers a database-backed request (GET /api/setup counts orgs) again.
 * After a scenario that overloaded it, PGlite (which runs queries on the event loop, one at a
 * time) can still be working through the backlog and not even accept connections; measuring the
 * next scenario then would measure that backlog.
 */
export async function waitUntilIdle(base: string, maxSeconds = 300): Promise<void> {
  const until = Date.now() + maxSeconds * 1000;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/setup`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch (e) {
      if (Date.now() > until) throw new Error(`server did not recover within ${maxSeconds} s: ${(e as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in like the browser does and returns the Cookie header for the session. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('okam_session='));
  if (!cookie) throw new Error(`login ${email}: no okam_session cookie`);
  return cookie.split(';')[0];
}

/** Account ids the user may open, spread over the table (md5 order is stable but unclustered). */
export async function detailIds(db: Db, orgId: string, ownerId: string | null, n = 20): Promise<string[]> {
  const owner = ownerId ? sql`and owner_id = ${ownerId}` : sql``;
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from accounts where org_id = ${orgId} and archived_at is null ${owner} order by md5(id::text) limit ${n}`,
  );
  return rows.map((r) => r.id);
}

/** Deal ids the user may open (their own for a rep), spread over the table. */
export async function dealIds(db: Db, orgId: string, ownerId: string | null, n = 20): Promise<string[]> {
  const owner = ownerId ? sql`and owner_id = ${ownerId}` : sql``;
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from opportunities where org_id = ${orgId} ${owner} order by md5(id::text) limit ${n}`,
  );
  return rows.map((r) => r.id);
}

/** One request per path before loading: a broken scenario is reported, not benchmarked. */
async function probe(base: string, cookie: string, s: Scenario, maxMs: number): Promise<string | null> {
  for (const path of s.paths.slice(0, 3)) {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    const ms = performance.now() - t0;
    if (ms > maxMs) return `too slow to load: one request alone took ${Math.round(ms)} ms`;
    const body = await res.text();
    if (res.status !== 200) return `HTTP ${res.status} ${body.slice(0, 120)}`;
    const json = JSON.parse(body) as {
      items?: unknown[];
      accounts?: unknown[];
      activities?: unknown[];
      columns?: { count: number }[];
      /** Forecast rows, plan-vs-actual people, the pipeline summary's open-deal count. */
      rows?: unknown[];
      people?: unknown[];
      totals?: { count?: number };
      /** A list summary's count (共 N 条). */
      count?: number;
      /** The planner's opening answer. */
      plan?: unknown;
    };
    const found = json.columns
      ? json.columns.reduce((n, c) => n + c.count, 0)
      : typeof json.totals?.count === 'number'
        ? json.totals.count
        : typeof json.count === 'number'
          ? json.count
          : json.plan
            ? 1
            : (json.items ?? json.accounts ?? json.activities ?? json.rows ?? json.people ?? []).length;
    if (s.kind !== 'detail' && found === 0) return 'empty result';
  }
  return null;
}

function fire(
  base: string,
  cookie: string,
  s: Scenario,
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    // A worker thread, so the load generator does not share the event loop with the server.
    workers: 1,
    headers: { cookie },
    requests: s.paths.map((path) => ({ method: 'GET', path })),
  });
}

/**
 * Unmeasured load on every given scenario in turn (each at least 1 s, `totalSec` in all), before the
 * first measured row. A fresh process is slower for its first seconds under load (likely code not yet
 * optimised and pooled connections new to each statement): the run's first row, the admin's account
 * list, gave 665–702 req/s where the account rows after it gave 720–980 (bench/RESULTS.md, seventh
 * session). Scenarios whose probe fails are skipped, as measure() would skip them.
 */
export async function warmProcess(
  base: string,
  cookie: string,
  list: Scenario[],
  totalSec: number,
  opts: LoadOptions,
): Promise<void> {
  if (totalSec <= 0 || !list.length) return;
  const each = Math.max(1, Math.round(totalSec / list.length));
  for (const s of list) {
    if (await problemWith(base, cookie, s, opts.maxProbeMs)) continue;
    await fire(base, cookie, s, each, opts.connections);
  }
}

/** Why the scenario cannot be loaded, once the server has caught up (null: it can). */
async function problemWith(base: string, cookie: string, s: Scenario, maxProbeMs: number): Promise<string | null> {
  try {
    await waitUntilIdle(base);
    return await probe(base, cookie, s, maxProbeMs);
  } catch (e) {
    return (e as Error).message;
  }
}

export async function measure(
  base: string,
  cookie: string,
  user: string,
  s: Scenario,
  opts: LoadOptions,
): Promise<Measurement> {
  const empty = { scenario: s.key, user, p50: NaN, p99: NaN, rps: NaN, requests: 0, non2xx: 0, errors: 0 };
  const problem = await problemWith(base, cookie, s, opts.maxProbeMs);
  if (problem) return { ...empty, skipped: problem };
  if (opts.warmupSec > 0) await fire(base, cookie, s, opts.warmupSec, opts.connections);
  const r = await fire(base, cookie, s, opts.durationSec, opts.connections);
  // Nothing answered in time (every request hit autocannon's 10 s timeout): no latency to show.
  const answered = r.requests.total > 0;
  return {
    scenario: s.key,
    user,
    p50: answered ? r.latency.p50 : NaN,
    p99: answered ? r.latency.p99 : NaN,
    rps: r.requests.average,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}
