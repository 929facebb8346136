// `npm start -- --demo`: fills an empty database with one realistic organisation (team tree,
// every role, 60 customers with 300 contacts and their relationships) so the product can be
// tried without typing data. Deterministic, so tests and screenshots are stable.
import { accountKeys } from '../../db/duplicate-keys.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountMembers, accounts, history, orgs, teams } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { DAY_MS, HOUR_MS } from '../../../core/time.ts';
import { insertUser } from '../users/service.ts';
import { accountSearchDocument } from '../../../core/search.ts';
import { FINANCIAL_STATUSES, RELATIONSHIP_STAGES, type DataScope, type Role } from '../../../core/enums.ts';
import { createRng, creditCode, moneyWan, type Rng } from './random.ts';
import { cityByName, TAGS } from './data.ts';
import {
  searchColumns,
  seedContactLinks,
  seedContacts,
  type SeededAccount as SeededAccountOf,
  type SeededContact,
} from './seed-contacts.ts';
import { DEMO_ACCOUNTS, profileFor, type DemoAccountSpec } from './demo-accounts.ts';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  name: string;
  team: string;
}

export const DEMO_PASSWORD = 'openkam123';
export const DEMO_ORG_NAME = '华信智联科技有限公司';
const DOMAIN = 'demo.openkam.cn';

type TeamKey = 'hq' | 'gov' | 'north' | 'east' | 'health' | 'energy';
const TEAMS: readonly { key: TeamKey; name: string; parent?: TeamKey }[] = [
  { key: 'hq', name: '销售总部' },
  { key: 'gov', name: '政企事业部', parent: 'hq' },
  { key: 'north', name: '华北区', parent: 'gov' },
  { key: 'east', name: '华东区', parent: 'gov' },
  { key: 'health', name: '医疗行业部', parent: 'hq' },
  { key: 'energy', name: '能源与制造事业部', parent: 'hq' },
];

type UserKey =
  | 'admin'
  | 'director'
  | 'govManager'
  | 'healthManager'
  | 'energyManager'
  | 'north1'
  | 'north2'
  | 'east1'
  | 'east2'
  | 'health1'
  | 'health2'
  | 'energy1'
  | 'viewer';
interface UserSpec {
  key: UserKey;
  local: string;
  name: string;
  role: Role;
  team: TeamKey;
  manager?: UserKey;
  dataScope?: DataScope;
}
const USERS: readonly UserSpec[] = [
  { key: 'admin', local: 'admin', name: '林静', role: 'admin', team: 'hq' },
  { key: 'director', local: 'director', name: '赵建国', role: 'manager', team: 'hq' },
  { key: 'govManager', local: 'gov.manager', name: '钱志强', role: 'manager', team: 'gov', manager: 'director' },
  {
    key: 'healthManager',
    local: 'health.manager',
    name: '孙丽华',
    role: 'manager',
    team: 'health',
    manager: 'director',
  },
  {
    key: 'energyManager',
    local: 'energy.manager',
    name: '周海波',
    role: 'manager',
    team: 'energy',
    manager: 'director',
  },
  { key: 'north1', local: 'north.rep1', name: '王磊', role: 'rep', team: 'north', manager: 'govManager' },
  { key: 'north2', local: 'north.rep2', name: '李娜', role: 'rep', team: 'north', manager: 'govManager' },
  { key: 'east1', local: 'east.rep1', name: '陈晨', role: 'rep', team: 'east', manager: 'govManager' },
  { key: 'east2', local: 'east.rep2', name: '吴婷', role: 'rep', team: 'east', manager: 'govManager' },
  { key: 'health1', local: 'health.rep1', name: '刘洋', role: 'rep', team: 'health', manager: 'healthManager' },
  { key: 'health2', local: 'health.rep2', name: '黄佳', role: 'rep', team: 'health', manager: 'healthManager' },
  { key: 'energy1', local: 'energy.rep1', name: '郑凯', role: 'rep', team: 'energy', manager: 'energyManager' },
  // A read-only colleague (e.g. finance) who sees the whole sales organisation.
  { key: 'viewer', local: 'viewer', name: '何思远', role: 'viewer', team: 'hq', dataScope: 'team_and_subteams' },
];

type Ids<K extends string> = Record<K, string>;
type NewAccount = typeof accounts.$inferInsert;

/** Seeds the demo organisation; refuses a database that already has an organisation. */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  return db.transaction(async (tx) => {
    // The same lock first-run set-up takes, so a demo seed and a set-up cannot both win.
    await tx.execute(sql`lock table orgs in exclusive mode`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(orgs);
    if (n > 0) throw new Error('seedDemo: the database already holds an organisation');

    const rng = createRng(20240618);
    const orgId = newId();
    await tx.insert(orgs).values({ id: orgId, name: DEMO_ORG_NAME });
    const teamIds = await seedTeams(tx, orgId);
    const userIds = await seedUsers(tx, orgId, teamIds);
    const accountRows = await seedAccounts(tx, orgId, rng, userIds);
    await seedAccountMembers(tx, orgId, rng, accountRows, userIds);
    const contactRows = await seedContacts(tx, orgId, rng, accountRows, userIds, MANAGER_OF);
    await seedContactLinks(tx, orgId, rng, accountRows, contactRows);
    await seedHistory(tx, orgId, userIds.admin, accountRows, contactRows);

    const teamName = (k: TeamKey) => TEAMS.find((t) => t.key === k)?.name ?? '';
    return USERS.map((u) => ({
      email: `${u.local}@${DOMAIN}`,
      password: DEMO_PASSWORD,
      role: u.role,
      name: u.name,
      team: teamName(u.team),
    }));
  });
}

async function seedTeams(db: Db, orgId: string): Promise<Ids<TeamKey>> {
  const ids = Object.fromEntries(TEAMS.map((t) => [t.key, newId()])) as Ids<TeamKey>;
  // Parents come first in TEAMS, so one multi-row insert satisfies the self-reference.
  await db
    .insert(teams)
    .values(TEAMS.map((t) => ({ orgId, id: ids[t.key], name: t.name, parentId: t.parent ? ids[t.parent] : null })));
  return ids;
}

async function seedUsers(db: Db, orgId: string, teamIds: Ids<TeamKey>): Promise<Ids<UserKey>> {
  const ids: Partial<Ids<UserKey>> = {};
  for (const u of USERS) {
    ids[u.key] = await insertUser(db, orgId, {
      email: `${u.local}@${DOMAIN}`,
      name: u.name,
      password: DEMO_PASSWORD,
      role: u.role,
      teamId: teamIds[u.team],
      managerId: u.manager ? ids[u.manager] : undefined,
      dataScope: u.dataScope,
    });
  }
  return ids as Ids<UserKey>;
}

const NORTH = new Set(['北京', '天津', '山东', '陕西', '重庆', '四川', '湖北', '河南']);

/** Who looks after an account: the team that covers its kind of customer and region. */
function ownerFor(spec: DemoAccountSpec, i: number, province: string): UserKey {
  const alt = <T>(a: T, b: T) => (i % 2 === 0 ? a : b);
  if (spec.ownershipType === 'soe') return spec.tier === 'A' && i % 3 === 0 ? 'energyManager' : 'energy1';
  if (spec.industry === '医疗卫生' || spec.industry === '医疗器械' || spec.industry === '公共卫生')
    return alt('health1', 'health2');
  if (spec.ownershipType === 'other') return alt('healthManager', 'govManager');
  return NORTH.has(province) ? alt('north1', 'north2') : alt('east1', 'east2');
}

function revenueRange(spec: DemoAccountSpec): [number, number] {
  if (spec.ownershipType === 'government' || spec.ownershipType === 'other') return [2000, 80000];
  if (spec.tier === 'A') return [200000, 5000000];
  return spec.tier === 'B' ? [20000, 500000] : [3000, 60000];
}

function creditKind(spec: DemoAccountSpec): string {
  if (spec.ownershipType === 'government') return '11';
  if (spec.ownershipType === 'institution') return '12';
  if (spec.ownershipType === 'other') return '51';
  return '91';
}

type SeededAccount = SeededAccountOf<UserKey>;

async function seedAccounts(db: Db, orgId: string, rng: Rng, userIds: Ids<UserKey>): Promise<SeededAccount[]> {
  const seeded: SeededAccount[] = [];
  const rows: NewAccount[] = [];
  const idByShort = new Map<string, string>();
  const now = Date.now();
  DEMO_ACCOUNTS.forEach((spec, i) => {
    const city = cityByName(spec.city);
    const id = newId(now - (DEMO_ACCOUNTS.length - i) * HOUR_MS);
    idByShort.set(spec.shortName, id);
    const ownerKey = ownerFor(spec, i, city.province);
    const [minWan, maxWan] = revenueRange(spec);
    const annual = moneyWan(rng, minWan, maxWan);
    const share = spec.tier === 'A' ? 0.02 : spec.tier === 'B' ? 0.01 : 0.004;
    const ourWan = Math.max(10, Math.round((Number(annual) / 10000) * share * rng.next()));
    const key = spec.tier === 'A' || (spec.tier === 'B' && i % 3 === 0);
    const tagCount = spec.tier === 'A' ? 3 : rng.int(0, 2);
    const tags = new Set<string>(spec.tier === 'A' ? ['战略客户'] : []);
    while (tags.size < tagCount) tags.add(rng.pick(TAGS));
    const cityLabel = city.municipality ? `${city.city}市` : `${city.province}省${city.city}市`;
    const days = rng.int(1, 400);
    rows.push({
      orgId,
      id,
      name: spec.name,
      shortName: spec.shortName,
      // "Most" accounts carry a code: associations often are not registered yet when first met.
      creditCode:
        spec.ownershipType === 'other' && i % 2 === 0 ? null : creditCode(rng, creditKind(spec), city.division),
      ownershipType: spec.ownershipType,
      scope: spec.scope,
      parentId: spec.parent ? (idByShort.get(spec.parent) ?? null) : null,
      industry: spec.industry,
      province: city.province,
      city: city.city,
      address: `${cityLabel}${rng.pick(['人民路', '中山路', '建设大道', '科技园路', '解放路', '长安街'])}${rng.int(1, 399)}号`,
      website:
        spec.ownershipType === 'private' || spec.ownershipType === 'foreign' ? `https://www.example-${i + 1}.cn` : null,
      employees: spec.ownershipType === 'government' ? rng.int(80, 600) : rng.int(200, 60000),
      annualRevenue: annual,
      // Small private firms and associations we have not billed yet: the demo's prospects to qualify.
      ourRevenue:
        spec.tier === 'C' && (spec.ownershipType === 'private' || spec.ownershipType === 'other')
          ? null
          : `${ourWan * 10000}.00`,
      potential: moneyWan(rng, ourWan * 2, ourWan * 8 + 100),
      financialStatus: rng.weighted([
        [FINANCIAL_STATUSES[0], 6],
        [FINANCIAL_STATUSES[1], 3],
        [FINANCIAL_STATUSES[2], 1],
      ]),
      marketStrength: spec.tier === 'A' ? rng.int(4, 5) : spec.tier === 'B' ? rng.int(2, 4) : rng.int(1, 3),
      relationshipStage:
        spec.tier === 'A'
          ? rng.pick(RELATIONSHIP_STAGES.slice(1))
          : rng.weighted([
              [RELATIONSHIP_STAGES[0], 3],
              [RELATIONSHIP_STAGES[1], 2],
            ]),
      tier: spec.tier,
      ownerId: userIds[ownerKey],
      tags: [...tags],
      ...(key ? profileFor(spec) : {}),
      ...searchColumns(accountSearchDocument(spec)),
      createdBy: userIds.admin,
      createdAt: new Date(now - (days + 200) * DAY_MS),
      updatedAt: new Date(now - days * DAY_MS),
    });
    seeded.push({ id, spec, ownerKey, areaCode: city.areaCode });
  });
  // Groups come before their subsidiaries in DEMO_ACCOUNTS, so one insert resolves parent_id.
  await db.insert(accounts).values(rows.map((r) => ({ ...r, ...accountKeys(r) })));
  return seeded;
}

const MANAGER_OF: Partial<Record<UserKey, UserKey>> = Object.fromEntries(
  USERS.filter((u) => u.manager).map((u) => [u.key, u.manager]),
);
const REPS: readonly UserKey[] = ['north1', 'north2', 'east1', 'east2', 'health1', 'health2', 'energy1'];

async function seedAccountMembers(
  db: Db,
  orgId: string,
  rng: Rng,
  seeded: SeededAccount[],
  userIds: Ids<UserKey>,
): Promise<void> {
  const rows: (typeof accountMembers.$inferInsert)[] = [];
  for (const a of seeded) {
    if (a.spec.tier === 'C') continue;
    const members = new Map<UserKey, string>();
    const boss = MANAGER_OF[a.ownerKey];
    if (a.spec.tier === 'A') members.set(boss ?? 'director', 'executive_sponsor');
    const helper = rng.pick(REPS);
    if (helper !== a.ownerKey) members.set(helper, a.spec.tier === 'A' ? 'support' : 'member');
    for (const [key, role] of members) rows.push({ orgId, accountId: a.id, userId: userIds[key], role });
  }
  await db.insert(accountMembers).values(rows);
}

/** A 'create' entry per record, so the history tab is not empty on day one. */
async function seedHistory(
  db: Db,
  orgId: string,
  actorId: string,
  seeded: SeededAccount[],
  people: SeededContact[],
): Promise<void> {
  const row = (entityType: string, entityId: string) => ({
    orgId,
    id: newId(),
    entityType,
    entityId,
    action: 'create',
    actorId,
    changes: [],
  });
  await db
    .insert(history)
    .values([...seeded.map((a) => row('account', a.id)), ...people.map((c) => row('contact', c.id))]);
}
