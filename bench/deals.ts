// Deals at scale: 1M opportunities, ~3M buying influences and a stage-history row per deal, built
// by INSERT … SELECT over generate_series inside the database (no row crosses from Node). Names,
// profiles and the stored judgement come from small lookup tables computed in JS (deal-data.ts).
import { sql, type SQL } from 'drizzle-orm';
import { analyze, rowsOf, type Db } from '../server/db/client.ts';
import { ensureDefaultStages } from '../server/modules/stages/service.ts';
import { ensureActivityTypes } from '../server/modules/activity-types/service.ts';
import { loadFunnel } from '../server/modules/opportunities/judgement.ts';
import { searchDocument } from '../core/search.ts';
import { judgementTable, LOST_REASONS, profiles, projectRows, SOURCES, stageChoices } from './deal-data.ts';
import { fillKeysBulk, stepTimer } from './seed.ts';

/**
 * Bump when the generated deals change shape: older deal sets are then replaced, unless a patch
 * below turns them into the current shape in place (PATCHES).
 */
const DEALS_VERSION = 2;
const TMP = ['bench_tmp_acc', 'bench_tmp_proj', 'bench_tmp_prof', 'bench_tmp_pc', 'bench_tmp_stage', 'bench_tmp_judge'];
/** Millisecond prefix of the generated UUIDv7 ids (2025-01-01), plus the row number. */
const ID_BASE = Date.UTC(2025, 0, 1);

export interface DealSeedOptions {
  deals: number;
  accounts: number;
  batchSize: number;
  log: (msg: string) => void;
}

export interface DealMarker {
  version: number;
  deals: number;
  influences: number;
  seconds: number;
  steps: [string, number][];
  /** The day the stored judgement was computed for (close dates before it are flagged). */
  judgedOn: string;
}

export interface DealSeedInfo extends DealMarker {
  reused: boolean;
}

/** A complete earlier deal load of this size, checked against the row counts. */
export async function existingDeals(db: Db, orgId: string, deals: number): Promise<DealMarker | null> {
  const [org] = await rowsOf<{ m: DealMarker | null }>(
    db,
    sql`select settings->'benchDeals' as m from orgs where id = ${orgId}`,
  );
  const m = org?.m;
  if (!m || !(m.version === DEALS_VERSION || PATCHES.has(m.version)) || m.deals !== deals) return null;
  const [c] = await rowsOf<{ d: number; i: number }>(
    db,
    sql`select (select count(*) from opportunities where org_id = ${orgId})::int as d, (select count(*) from influences where org_id = ${orgId})::int as i`,
  );
  return c.d === m.deals && c.i === m.influences ? m : null;
}

/** A lookup table from JSON rows (one parameter, the same on PGlite and PostgreSQL). */
export async function jsonTable(db: Db, name: string, columns: string, rows: object[]): Promise<void> {
  await db.execute(
    sql`create table ${sql.raw(name)} as select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(${sql.raw(columns)})`,
  );
}

/** A non-negative 28-bit integer from 7 hex digits of an md5: the generator's dice, in SQL. */
const h = (m: 'm1' | 'm2', k: 0 | 1 | 2 | 3) => sql.raw(`('x' || substr(d.${m}, ${1 + k * 7}, 7))::bit(28)::int`);
/** A UUIDv7-shaped id: row number after the time prefix (ordered inserts), md5 bits after it. Deal n is uuid7(n, n || 'o'). */
export const uuid7 = (n: SQL, salt: SQL) =>
  sql`(lpad(to_hex(${ID_BASE}::bigint + ${n}), 12, '0') || '7' || substr(md5(${salt}), 1, 3) || '8' || substr(md5(${salt}), 4, 15))::uuid`;

/**
 * When a closed (won or lost) deal was signed or given up: 0–45 days before its expected close
 * date, on a working hour (09:00–18:00 Shanghai, written as UTC+8 without a zone name), never
 * before it was created. So the forecast finds won deals in the period of their close date
 * (2025-11 … 2027-12). `m1` is md5(n) of deal n; its last four hex digits are no other die's.
 */
export function closedAtOf(m1: SQL, closeDate: SQL, createdAt: SQL): SQL {
  const die = sql`('x' || substr(${m1}, 29, 4))::bit(16)::int`;
  const minute = sql`(${die} / 46 % 540) * interval '1 minute'`;
  return sql`greatest(((${closeDate} - ${die} % 46)::timestamp + interval '1 hour' + ${minute}) at time zone 'UTC', ${createdAt} + interval '1 hour' + ${minute})`;
}

/**
 * Deals [from, to) with everything derived from the deal number n: account n mod A (so every
 * account gets deals/A of them), profile, stage, dates. Shared by the three inserts of a batch.
 */
function dealSource(
  from: number,
  to: number,
  accounts: number,
  profileCount: number,
  openCase: string,
  today: string,
): SQL {
  const cnt = sql.raw(String(profileCount));
  return sql`(
    select d.*, acc.id as acc_id, acc.owner_id, acc.name as acc_name, acc.norm as acc_norm, acc.contacts, acc.nc,
      pc.p, least(pc.cnt, acc.nc) as k,
      case when ${h('m1', 0)} % 10 < 7 then ${sql.raw(openCase)} when ${h('m1', 0)} % 10 < 9 then -1 else -2 end as sk_raw,
      ('2026-01-01'::date + ${h('m1', 1)} % 730) as close_date,
      ('2026-01-01'::date + ${h('m1', 1)} % 730) < ${today}::date as passed,
      timestamptz '2025-01-01 00:00:00+00' + (${h('m1', 2)} % 670) * interval '1 day' + (${h('m2', 0)} % 86400) * interval '1 second' as created_at,
      ${h('m1', 3)} as h3, ${h('m2', 1)} as h4, ${h('m2', 2)} as h5, ${h('m2', 3)} as h6
    from (select g.n, g.n % ${accounts}::int as a, g.n / ${accounts}::int as j, md5(g.n::text) as m1, md5(g.n::text || 'o') as m2
          from generate_series(${from}::int, ${to - 1}::int) g(n)) d
    join bench_tmp_acc acc on acc.a = d.a
    join bench_tmp_pc pc on pc.p = ('x' || substr(d.m2, 29, 4))::bit(16)::int % ${cnt}
  )`;
}

export async function seedDeals(db: Db, orgId: string, opts: DealSeedOptions): Promise<DealSeedInfo> {
  let found = await existingDeals(db, orgId, opts.deals);
  if (found && found.version !== DEALS_VERSION) found = await patchDeals(db, orgId, found, opts.log);
  if (found) {
    opts.log(`reusing ${found.deals.toLocaleString('en')} deals (seeded in ${found.seconds.toFixed(0)} s)`);
    return { ...found, reused: true };
  }
  const { steps, timed } = stepTimer(opts.log);
  const t0 = performance.now();
  const now = new Date();
  const today = now.toISOString().slice(0, 10);

  const lookups = await timed('deal lookup tables', async () => {
    // A half-finished or differently sized deal load: start the deals over (accounts stay).
    const [any] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from opportunities where org_id = ${orgId} limit 1) x`,
    );
    if (any.n > 0) {
      opts.log('earlier deals found: truncating them');
      await db.execute(sql`truncate opportunities cascade`);
      await db.execute(sql`delete from pipeline_totals where org_id = ${orgId}`);
      await db.execute(sql`delete from swot_items where org_id = ${orgId} and entity_type = 'opportunity'`);
    }
    await ensureDefaultStages(db);
    await ensureActivityTypes(db);
    await dropLookups(db);
    const funnel = await loadFunnel(db, orgId);
    const stages = stageChoices(funnel);
    const all = profiles();
    await db.execute(sql`create table bench_tmp_acc as
      select (row_number() over (order by a.id) - 1)::int as a, a.id, a.owner_id, a.name, split_part(a.search_text, chr(1), 1) as norm, c.ids as contacts, cardinality(c.ids) as nc
      from accounts a join (select account_id, array_agg(id order by id) as ids from contacts where org_id = ${orgId} group by account_id) c on c.account_id = a.id
      where a.org_id = ${orgId}`);
    await db.execute(sql`alter table bench_tmp_acc add primary key (a)`);
    const [acc] = await rowsOf<{ n: number; minc: number }>(
      db,
      sql`select count(*)::int as n, min(nc)::int as minc from bench_tmp_acc`,
    );
    if (acc.n !== opts.accounts) throw new Error(`expected ${opts.accounts} accounts with contacts, found ${acc.n}`);
    await jsonTable(db, 'bench_tmp_proj', 'i int, name text, norm text', projectRows());
    await jsonTable(
      db,
      'bench_tmp_pc',
      'p int, cnt int',
      all.map((pr, p) => ({ p, cnt: pr.slots.length })),
    );
    await jsonTable(
      db,
      'bench_tmp_prof',
      'p int, slot int, roles text[], influence text, mode text, rating int, coverage text, counterpart boolean',
      all.flatMap((pr, p) => pr.slots.map((s, slot) => ({ p, slot, ...s }))),
    );
    await jsonTable(
      db,
      'bench_tmp_stage',
      'key int, id uuid, probability int, forecast_category text, kind text',
      stages.map((s) => ({ ...s, forecast_category: s.forecastCategory })),
    );
    await jsonTable(
      db,
      'bench_tmp_judge',
      'p int, k int, sk int, passed boolean, health int, codes text[]',
      judgementTable(all, stages, funnel, now),
    );
    await db.execute(sql`create index on bench_tmp_judge (p, k, sk, passed)`);
    await db.execute(sql`analyze bench_tmp_acc`);
    return { stages, all };
  });
  const { stages, all } = lookups;
  const open = stages.filter((s) => s.kind === 'open');
  // Open stage by a die in 0..99 (other bits than the status die) against the cumulative weights.
  const dice = `(('x' || substr(d.m1, 1, 7))::bit(28)::int / 10) % 100`;
  let cum = 0;
  const openCase = `case ${open.map((s) => `when ${dice} < ${(cum += s.weight)} then ${s.key}`).join(' ')} else ${open[open.length - 1].key} end`;
  await timed('deals + influences + stage history', () =>
    insertDeals(db, orgId, opts, all.length, openCase, open.length, today),
  );

  await timed('duplicate keys', () => fillKeysBulk(db));
  // The load skips triggers (replica role), so the board's and the forecast's totals are summed once here.
  await timed('pipeline totals', () => rebuildPipelineTotals(db, orgId));
  await timed('forecast totals', () => rebuildForecastTotals(db, orgId));
  // The load skips triggers (replica role), so the account facts are rebuilt too.
  await timed('account facts', () => db.execute(sql`select okam_rebuild_account_facts(${orgId}::uuid)`));

  const counts = await timed('vacuum analyze', async () => {
    await dropLookups(db);
    await analyze(db);
    const [c] = await rowsOf<{ d: number; i: number }>(
      db,
      sql`select (select count(*) from opportunities where org_id = ${orgId})::int as d, (select count(*) from influences where org_id = ${orgId})::int as i`,
    );
    return c;
  });
  await checkSearchColumns(db, orgId);
  const marker: DealMarker = {
    version: DEALS_VERSION,
    deals: counts.d,
    influences: counts.i,
    seconds: (performance.now() - t0) / 1000,
    steps,
    judgedOn: today,
  };
  await db.execute(
    sql`update orgs set settings = jsonb_set(settings, '{benchDeals}', ${JSON.stringify(marker)}::jsonb) where id = ${orgId}`,
  );
  return { ...marker, reused: false };
}

/** Deal n back from its id: the 12 hex digits of the time prefix minus ID_BASE (see uuid7). */
const dealNumber = sql`(('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint - ${ID_BASE}::bigint)`;

/**
 * In-place upgrades of an older deal set to the current shape, by the version they start from;
 * each must leave exactly what a fresh load of the current version would have written.
 */
const PATCHES = new Map<number, { name: string; run: (db: Db, orgId: string) => Promise<void> }>([
  [
    1,
    {
      // Version 1 set closed_at to the last update (capped at 2026-11-20), unrelated to the close date.
      name: 'closed_at patch',
      run: (db, orgId) =>
        db.transaction(async (tx) => {
          // Only closed deals' closed_at changes: the board totals (open deals) stay right, the
          // forecast's (won deals by signing month) are summed again.
          await tx.execute(sql`set local session_replication_role = replica`);
          await tx.execute(sql`update opportunities set closed_at = ${closedAtOf(sql`md5(${dealNumber}::text)`, sql`expected_close_date`, sql`created_at`)}
            where org_id = ${orgId} and status <> 'open'`);
          await rebuildForecastTotals(tx as unknown as Db, orgId);
        }),
    },
  ],
]);

/** Brings an older deal set up to DEALS_VERSION with the patches, then re-analyzes and re-marks it. */
async function patchDeals(db: Db, orgId: string, m: DealMarker, log: (msg: string) => void): Promise<DealMarker> {
  const { steps, timed } = stepTimer(log);
  for (let v = m.version; v < DEALS_VERSION; v++) {
    const patch = PATCHES.get(v);
    if (!patch) throw new Error(`no patch from deal version ${v}`);
    await timed(patch.name, () => patch.run(db, orgId));
  }
  await timed('vacuum analyze (patch)', () => analyze(db));
  const marker: DealMarker = {
    ...m,
    version: DEALS_VERSION,
    steps: [...m.steps, ...steps],
    seconds: m.seconds + steps.reduce((n, [, s]) => n + s, 0),
  };
  await db.execute(
    sql`update orgs set settings = jsonb_set(settings, '{benchDeals}', ${JSON.stringify(marker)}::jsonb) where id = ${orgId}`,
  );
  return marker;
}

async function dropLookups(db: Db): Promise<void> {
  for (const t of TMP) await db.execute(sql.raw(`drop table if exists ${t}`));
}

async function insertDeals(
  db: Db,
  orgId: string,
  opts: DealSeedOptions,
  profileCount: number,
  openCase: string,
  openCount: number,
  today: string,
): Promise<void> {
  let lastLog = performance.now();
  const stageKey = sql.raw(
    `(case when d.sk_raw = -1 then ${openCount} when d.sk_raw = -2 then ${openCount + 1} else d.sk_raw end)`,
  );
  for (let from = 0; from < opts.deals; from += opts.batchSize) {
    const to = Math.min(opts.deals, from + opts.batchSize);
    const src = dealSource(from, to, opts.accounts, profileCount, openCase, today);
    const dealId = uuid7(sql`d.n`, sql`d.n::text || 'o'`);
    await db.transaction(async (tx) => {
      // Consistent by construction: skip the per-row foreign-key triggers (the bulk-load idiom).
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into opportunities (org_id, id, account_id, account_name, name, amount, expected_close_date, owner_id, account_owner_id, stage_id, probability, forecast_category,
          source, status, lost_reason, closed_at, stage_entered_at, health, red_flag_codes, search_grams, search_text, version, created_by, created_at, updated_at)
        select ${orgId}, ${dealId}, d.acc_id, d.acc_name, d.acc_name || pr.name,
          ((d.h3 % 2000 + 1) * 5000 + (d.h4 % 100) / 100.0)::numeric(18, 2), d.close_date, d.owner_id, d.owner_id, st.id, st.probability, st.forecast_category,
          ${JSON.stringify(SOURCES)}::jsonb ->> (d.h5 % ${SOURCES.length}), st.kind,
          case when st.kind = 'lost' then ${JSON.stringify(LOST_REASONS)}::jsonb ->> (d.h6 % ${LOST_REASONS.length}) end,
          case when st.kind <> 'open' then ${closedAtOf(sql`d.m1`, sql`d.close_date`, sql`d.created_at`)} end, d.created_at, j.health, j.codes,
          array(select substr(x.t, i, 1) from generate_series(1, length(x.t)) i union select substr(x.t, i, 2) from generate_series(1, length(x.t) - 1) i),
          x.t, 1, d.owner_id, d.created_at, u.updated_at
        from ${src} d
        cross join lateral (select least(d.created_at + (d.h6 % 200) * interval '1 day', timestamptz '2026-11-20 00:00:00+00') as updated_at) u
        join bench_tmp_proj pr on pr.i = (d.a * 7 + d.j) % ${projectRows().length}
        cross join lateral (select d.acc_norm || pr.norm as t) x
        join bench_tmp_stage st on st.key = ${stageKey}
        join bench_tmp_judge j on j.p = d.p and j.k = d.k and j.sk = ${stageKey} and j.passed = d.passed`);
      await tx.execute(sql`
        insert into influences (org_id, id, opportunity_id, contact_id, roles, influence, mode, rating, coverage, counterpart_id, version, created_at, updated_at)
        select ${orgId}, ${uuid7(sql`d.n * 5 + s.slot`, sql`d.n::text || '-' || s.slot`)}, ${dealId}, d.contacts[1 + (d.j + s.slot) % d.nc],
          s.roles, s.influence, s.mode, s.rating, s.coverage, case when s.counterpart then d.owner_id end, 1,
          d.created_at + s.slot * interval '1 minute', d.created_at + s.slot * interval '1 minute'
        from ${src} d join bench_tmp_prof s on s.p = d.p and s.slot < d.k`);
      await tx.execute(sql`
        insert into stage_history (org_id, id, opportunity_id, from_stage_id, to_stage_id, at, actor_id)
        select ${orgId}, ${uuid7(sql`d.n`, sql`d.n::text || 'h'`)}, ${dealId}, null, st.id, d.created_at, d.owner_id
        from ${src} d join bench_tmp_stage st on st.key = ${stageKey}`);
    });
    if (performance.now() - lastLog > 15_000 || to === opts.deals) {
      lastLog = performance.now();
      opts.log(`  ${to.toLocaleString('en')} deals`);
    }
  }
}

/** The SQL-built search columns must equal what the app writes: searchDocument([name]). */
async function checkSearchColumns(db: Db, orgId: string): Promise<void> {
  const rows = await rowsOf<{ name: string; search_grams: string[]; search_text: string }>(
    db,
    sql`select name, search_grams, search_text from opportunities where org_id = ${orgId} order by id limit 500`,
  );
  for (const r of rows) {
    const doc = searchDocument([r.name]);
    const same =
      doc.text === r.search_text &&
      doc.grams.length === r.search_grams.length &&
      doc.grams.every((g) => r.search_grams.includes(g));
    if (!same) throw new Error(`search columns of deal "${r.name}" differ from searchDocument()`);
  }
}

/** What the forecast trigger would have kept (migration 0011), summed in one pass. */
export async function rebuildForecastTotals(db: Db, orgId: string) {
  // Won deals changed behind the version trigger too (migration 0016): cached analyses recompute.
  await db.execute(
    sql`insert into data_versions as v (org_id, deals) values (${orgId}, 1) on conflict (org_id) do update set deals = v.deals + 1`,
  );
  await db.execute(sql`delete from forecast_totals where org_id = ${orgId}`);
  await db.execute(sql`insert into forecast_totals (org_id, status, month, account_owner_id, deal_owner_id, stage_id, forecast_category, deals, amount, weighted)
    select o.org_id, o.status, okam_forecast_month(o.status, o.expected_close_date, o.closed_at, (select okam_org_zone(${orgId}))),
           coalesce(o.account_owner_id, '00000000-0000-0000-0000-000000000000'), coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'),
           o.stage_id, o.forecast_category, count(*)::int, sum(o.amount), sum(round(o.amount * o.probability / 100.0, 2))
    from opportunities o
    where o.org_id = ${orgId} and okam_forecast_month(o.status, o.expected_close_date, o.closed_at, (select okam_org_zone(${orgId}))) is not null
    group by 1, 2, 3, 4, 5, 6, 7`);
}

/** What the opportunities triggers would have kept (migration 0007), summed in one pass. */
async function rebuildPipelineTotals(db: Db, orgId: string) {
  await db.execute(sql`delete from pipeline_totals where org_id = ${orgId}`);
  await db.execute(sql`insert into pipeline_totals (org_id, account_owner_id, deal_owner_id, stage_id, deals, amount, weighted)
    select o.org_id, coalesce(a.owner_id, '00000000-0000-0000-0000-000000000000'), coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'), o.stage_id,
           count(*)::int, sum(o.amount), sum(round(o.amount * o.probability / 100.0, 2))
    from opportunities o join accounts a on a.org_id = o.org_id and a.id = o.account_id
    where o.org_id = ${orgId} and o.status = 'open'
    group by 1, 2, 3, 4`);
}
