// Activities at scale: 30 calls per account (3M on PostgreSQL), their customer attendees and a
// follow-up task per ten calls, built by INSERT … SELECT over generate_series inside the database,
// like the deals (deals.ts). Activity n belongs to account n mod A, the account's owner runs it.
import { sql, type SQL } from 'drizzle-orm';
import { analyze, rowsOf, type Db } from '../server/db/client.ts';
import { ensureActivityTypes } from '../server/modules/activity-types/service.ts';
import { BUILTIN_ACTIVITY_TYPES } from '../core/enums.ts';
import { jsonTable, uuid7 } from './deals.ts';
import { stepTimer } from './seed.ts';

/** Bump when the generated activities change shape: older sets are then replaced. */
const ACTIVITIES_VERSION = 1;
const TMP = ['bench_tmp_act_acc', 'bench_tmp_act_type', 'bench_tmp_task_title'];
/**
 * Calls fall on 2018-01-01 … 2027-12-31 (Shanghai time), 08:00–16:30 starts, 30–120 minutes: ten
 * years of history, so 3M calls over the 40 reps are ~140 a week each rather than ~700.
 */
const FIRST_DAY = '2018-01-01 08:00:00+08';
const DAYS = 3652;

const SUBJECTS: Record<(typeof BUILTIN_ACTIVITY_TYPES)[number], string> = {
  training: '技术交流会',
  visit: '例行拜访',
  decision_maker_meeting: '高层拜访',
  consultation: '需求调研',
  proposal: '方案汇报',
  tender: '投标答疑',
  negotiation: '商务谈判',
  signing: '合同签署',
  entertainment: '商务宴请',
  call: '电话沟通',
  after_sales: '售后回访',
  service: '现场服务',
};
const TASK_TITLES = [
  '发送会议纪要',
  '准备报价单',
  '安排技术交流',
  '跟进采购流程',
  '确认预算',
  '提交方案修订',
  '预约下次拜访',
  '整理需求清单',
];

export interface ActivitySeedOptions {
  activities: number;
  accounts: number;
  /** Deals seeded (deal n is on account n mod A): half the calls are about one of the account's deals. */
  deals: number;
  batchSize: number;
  log: (msg: string) => void;
}

export interface ActivityMarker {
  version: number;
  activities: number;
  attendees: number;
  tasks: number;
  seconds: number;
  steps: [string, number][];
}

export interface ActivitySeedInfo extends ActivityMarker {
  reused: boolean;
}

async function counts(db: Db, orgId: string) {
  const [c] = await rowsOf<{ a: number; c: number; t: number }>(
    db,
    sql`select (select count(*) from activities where org_id = ${orgId})::int as a, (select count(*) from activity_contacts where org_id = ${orgId})::int as c,
      (select count(*) from tasks where org_id = ${orgId})::int as t`,
  );
  return c;
}

/** A complete earlier load of this size, checked against the row counts. */
export async function existingActivities(db: Db, orgId: string, activities: number): Promise<ActivityMarker | null> {
  const [org] = await rowsOf<{ m: ActivityMarker | null }>(
    db,
    sql`select settings->'benchActivities' as m from orgs where id = ${orgId}`,
  );
  const m = org?.m;
  if (!m || m.version !== ACTIVITIES_VERSION || m.activities !== activities) return null;
  const c = await counts(db, orgId);
  return c.a === m.activities && c.c === m.attendees && c.t === m.tasks ? m : null;
}

/** A non-negative 28-bit integer from 7 hex digits of the row's md5: the generator's dice. */
const die = (k: 0 | 1 | 2 | 3) => sql.raw(`('x' || substr(d.m, ${1 + k * 7}, 7))::bit(28)::int`);

/** Rows [from, to) numbered n: account n mod A (row number of the accounts ordered by id, as for deals). */
function source(from: number, to: number, accounts: number, salt: string): SQL {
  return sql`(
    select d.*, acc.id as acc_id, acc.owner_id, acc.name, acc.contacts, acc.nc
    from (select g.n, g.n % ${accounts}::int as a, g.n / ${accounts}::int as j, md5(g.n::text || ${salt}) as m
          from generate_series(${from}::int, ${to - 1}::int) g(n)) d
    join bench_tmp_act_acc acc on acc.a = d.a
  )`;
}

export async function seedActivities(db: Db, orgId: string, opts: ActivitySeedOptions): Promise<ActivitySeedInfo> {
  const found = await existingActivities(db, orgId, opts.activities);
  if (found) {
    opts.log(`reusing ${found.activities.toLocaleString('en')} activities (seeded in ${found.seconds.toFixed(0)} s)`);
    return { ...found, reused: true };
  }
  const { steps, timed } = stepTimer(opts.log);
  const t0 = performance.now();

  await timed('activity lookup tables', async () => {
    const [any] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from activities where org_id = ${orgId} limit 1) x`,
    );
    if (any.n > 0) {
      opts.log('earlier activities found: truncating them (and their attendees and tasks)');
      await db.execute(sql`truncate activities cascade`);
    }
    await db.execute(sql`truncate tasks`);
    await ensureActivityTypes(db);
    await dropLookups(db);
    // Same numbering as the deals' lookup: row a of the accounts ordered by id.
    await db.execute(sql`create table bench_tmp_act_acc as
      select (row_number() over (order by a.id) - 1)::int as a, a.id, a.owner_id, a.name, c.ids as contacts, cardinality(c.ids) as nc
      from accounts a join (select account_id, array_agg(id order by id) as ids from contacts where org_id = ${orgId} group by account_id) c on c.account_id = a.id
      where a.org_id = ${orgId}`);
    await db.execute(sql`alter table bench_tmp_act_acc add primary key (a)`);
    await jsonTable(
      db,
      'bench_tmp_act_type',
      'i int, key text, subject text',
      BUILTIN_ACTIVITY_TYPES.map((key, i) => ({ i, key, subject: SUBJECTS[key] })),
    );
    await jsonTable(
      db,
      'bench_tmp_task_title',
      'i int, title text',
      TASK_TITLES.map((title, i) => ({ i, title })),
    );
    await db.execute(sql`analyze bench_tmp_act_acc`);
  });
  await timed('activities + attendees', () => insertActivities(db, orgId, opts));
  await timed('monthly done counts', () => rebuildActivityMonthCounts(db, orgId));
  // The account facts' latest done call and recent satisfaction scores, kept by a trigger the load skipped.
  await timed('account facts', () => db.execute(sql`select okam_rebuild_account_facts(${orgId}::uuid)`));
  const tasks = Math.floor(opts.activities / 10);
  await timed('tasks', () => insertTasks(db, orgId, opts, tasks));

  const c = await timed('vacuum analyze', async () => {
    await dropLookups(db);
    await analyze(db);
    return counts(db, orgId);
  });
  await checkDealLinks(db, orgId);
  const marker: ActivityMarker = {
    version: ACTIVITIES_VERSION,
    activities: c.a,
    attendees: c.c,
    tasks: c.t,
    seconds: (performance.now() - t0) / 1000,
    steps,
  };
  await db.execute(
    sql`update orgs set settings = jsonb_set(settings, '{benchActivities}', ${JSON.stringify(marker)}::jsonb) where id = ${orgId}`,
  );
  return { ...marker, reused: false };
}

/** The load skips triggers (replica role), so plan vs actual's kept monthly counts are summed once here. */
async function rebuildActivityMonthCounts(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`delete from activity_month_counts where org_id = ${orgId}`);
  await db.execute(sql`insert into activity_month_counts (org_id, owner_id, month, type, done)
    select org_id, owner_id, okam_activity_month(planned_start, (select okam_org_zone(${orgId}))), type, count(*)::int
    from activities where org_id = ${orgId} and status = 'done' group by 1, 2, 3, 4`);
}

async function dropLookups(db: Db): Promise<void> {
  for (const t of TMP) await db.execute(sql.raw(`drop table if exists ${t}`));
}

async function insertActivities(db: Db, orgId: string, opts: ActivitySeedOptions): Promise<void> {
  const dealsPerAccount = Math.floor(opts.deals / opts.accounts);
  const A = opts.accounts;
  // Deal number a + k·A is one of account a's deals (deals.ts), so its id can be computed here.
  const dealN = sql`(d.a + (${die(3)} % ${Math.max(dealsPerAccount, 1)}) * ${A}::int)`;
  const deal =
    dealsPerAccount > 0
      ? sql`case when ${die(2)} % 2 = 0 then ${uuid7(dealN, sql`${dealN}::text || 'o'`)} end`
      : sql`null::uuid`;
  let lastLog = performance.now();
  for (let from = 0; from < opts.activities; from += opts.batchSize) {
    const to = Math.min(opts.activities, from + opts.batchSize);
    const src = source(from, to, A, 'a');
    const id = uuid7(sql`d.n`, sql`d.n::text || 'a'`);
    await db.transaction(async (tx) => {
      // Consistent by construction: skip the per-row foreign-key triggers (the bulk-load idiom).
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into activities (org_id, id, type, subject, account_id, account_name, opportunity_id, owner_id, planned_start, planned_end, place, objective,
          status, outcome, next_meeting_proposed, next_steps, satisfaction, completed_at, created_by, version, created_at, updated_at)
        select ${orgId}, ${id}, ty.key, ty.subject, d.acc_id, d.name, ${deal}, d.owner_id, x.s, x.s + (1 + ${die(1)} % 4) * interval '30 minutes',
          case when ${die(1)} % 3 = 0 then '客户办公室' end, '了解项目进展，推动下一步',
          x.status,
          case when x.status = 'done' then '客户认可方案方向，需补充报价' end,
          case when x.status = 'done' then ${die(2)} % 3 <> 0 end,
          case when x.status = 'done' then '发送修订方案并预约下次拜访' end,
          case when x.status = 'done' and ty.key in ('after_sales', 'service') then 3 + ${die(3)} % 3 end,
          case when x.status = 'done' then x.s + (2 + ${die(2)} % 48) * interval '1 hour' end,
          d.owner_id, 1, x.s - (1 + ${die(2)} % 14) * interval '1 day', x.s
        from ${src} d
        join bench_tmp_act_type ty on ty.i = ${die(0)} % ${BUILTIN_ACTIVITY_TYPES.length}
        cross join lateral (select ${FIRST_DAY}::timestamptz + (${die(1)} % ${DAYS}) * interval '1 day' + (${die(0)} % 18) * interval '30 minutes' as s,
          case when ${die(3)} % 100 < 70 then 'done' when ${die(3)} % 100 < 75 then 'cancelled' else 'planned' end as status) x`);
      // One or two customer attendees: distinct contacts of the account.
      await tx.execute(sql`
        insert into activity_contacts (org_id, activity_id, contact_id)
        select ${orgId}, ${id}, d.contacts[1 + (d.j + ${die(0)} + k.k) % d.nc]
        from ${src} d cross join (values (0), (1)) k(k)
        where k.k = 0 or (d.nc > 1 and ${die(1)} % 2 = 0)`);
    });
    if (performance.now() - lastLog > 15_000 || to === opts.activities) {
      lastLog = performance.now();
      opts.log(`  ${to.toLocaleString('en')} activities`);
    }
  }
}

/** Task k: on account k mod A, a follow-up of one of that account's calls, for a contact of it. */
async function insertTasks(db: Db, orgId: string, opts: ActivitySeedOptions, count: number): Promise<void> {
  const A = opts.accounts;
  const perAccount = Math.floor(opts.activities / A);
  const activityN = sql`(d.a + ((d.j * 7) % ${Math.max(perAccount, 1)}) * ${A}::int)`;
  const activity = perAccount > 0 ? uuid7(activityN, sql`${activityN}::text || 'a'`) : sql`null::uuid`;
  for (let from = 0; from < count; from += opts.batchSize) {
    const to = Math.min(count, from + opts.batchSize);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into tasks (org_id, id, title, due_date, assignee_id, account_id, contact_id, activity_id, done, done_at, created_by, version, created_at, updated_at)
        select ${orgId}, ${uuid7(sql`d.n`, sql`d.n::text || 't'`)}, tt.title, x.due, d.owner_id, d.acc_id, d.contacts[1 + d.j % d.nc], ${activity},
          x.done, case when x.done then (x.due + time '17:00') at time zone 'Asia/Shanghai' end, d.owner_id, 1, x.created, x.created
        from ${source(from, to, A, 't')} d
        join bench_tmp_task_title tt on tt.i = ${die(0)} % ${TASK_TITLES.length}
        cross join lateral (select ('2018-01-01'::date + ${die(1)} % ${DAYS}) as due, ${die(2)} % 10 < 6 as done,
          ${FIRST_DAY}::timestamptz + (${die(1)} % ${DAYS} - 1 - ${die(3)} % 20) * interval '1 day' as created) x`);
    });
  }
}

/** A call about a deal must be about one of its own account's deals: checked on a sample. */
async function checkDealLinks(db: Db, orgId: string): Promise<void> {
  const [bad] = await rowsOf<{ n: number; linked: number }>(
    db,
    sql`select count(*) filter (where o.id is null or o.account_id <> a.account_id)::int as n, count(*)::int as linked
      from (select * from activities where org_id = ${orgId} and opportunity_id is not null order by id limit 2000) a
      left join opportunities o on o.org_id = a.org_id and o.id = a.opportunity_id`,
  );
  if (bad.n > 0)
    throw new Error(
      `${bad.n} of ${bad.linked} sampled activities point at a deal that is missing or of another account`,
    );
}
