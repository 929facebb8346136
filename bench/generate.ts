// Deterministic generators for the benchmark data set. Rows are plain objects keyed by column
// name, ready for jsonb_populate_recordset, so one code path loads PGlite and PostgreSQL.
import { accountSearchDocument, contactSearchDocument } from '../core/search.ts';
import { matchIndustry } from '../core/industries.ts';
import {
  FINANCIAL_STATUSES,
  RELATIONSHIP_STAGES,
  COVERAGE_LEVELS,
  INFLUENCE_LEVELS,
  type OwnershipType,
} from '../core/enums.ts';
import {
  createRng,
  creditCode,
  landline,
  mobile,
  moneyWan,
  seededId,
  birthday,
  type Rng,
} from '../server/modules/demo/random.ts';
import {
  CITIES,
  FOREIGN_BRANDS,
  GOVERNMENT_BUREAUS,
  INSTITUTION_PATTERNS,
  OTHER_PATTERNS,
  PRIVATE_BRANDS,
  PRIVATE_TRADES,
  SOE_PATTERNS,
  TAGS,
  type City,
} from '../server/modules/demo/data.ts';
import { CHINESE_NUMERALS, GIVEN_CHARS, SURNAMES, TITLES } from '../server/modules/demo/people.ts';

export type Row = Record<string, string | number | boolean | null | string[]>;

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'rep' | 'viewer';
  teamId: string;
  managerId: string | null;
}

export interface BenchTeam {
  id: string;
  name: string;
  parentId: string | null;
}

/** Epoch of the data set: fixed, so reseeding yields identical ids and timestamps. */
const EPOCH = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const CITY_WEIGHTS = CITIES.map((c) => [c, c.weight] as const);

const OWNERSHIP_WEIGHTS: readonly (readonly [OwnershipType, number])[] = [
  ['government', 15],
  ['institution', 20],
  ['soe', 15],
  ['private', 40],
  ['foreign', 5],
  ['other', 5],
];

/** 销售总部 → 4 divisions → 2 regions each; one manager per team, reps in the regions. */
export function benchOrg(seed = 7): { teams: BenchTeam[]; users: BenchUser[] } {
  const rng = createRng(seed);
  const id = (i: number) => seededId(rng, EPOCH - 400 * DAY + i);
  const root: BenchTeam = { id: id(0), name: '销售总部', parentId: null };
  const teams: BenchTeam[] = [root];
  const users: BenchUser[] = [
    { id: id(1), email: 'admin@bench.openkam.cn', name: '管理员', role: 'admin', teamId: root.id, managerId: null },
    {
      id: id(2),
      email: 'director@bench.openkam.cn',
      name: '销售总监',
      role: 'manager',
      teamId: root.id,
      managerId: null,
    },
  ];
  const divisions = ['政企事业部', '医疗行业部', '能源事业部', '金融与企业部'];
  const regions = ['北区', '南区'];
  let n = 3;
  let rep = 1;
  for (const d of divisions) {
    const div: BenchTeam = { id: id(n++), name: d, parentId: root.id };
    teams.push(div);
    const divManager: BenchUser = {
      id: id(n++),
      email: `manager${teams.length}@bench.openkam.cn`,
      name: `${d}经理`,
      role: 'manager',
      teamId: div.id,
      managerId: users[1].id,
    };
    users.push(divManager);
    for (const r of regions) {
      const region: BenchTeam = { id: id(n++), name: `${d}${r}`, parentId: div.id };
      teams.push(region);
      for (let k = 0; k < 5; k++, rep++) {
        const num = String(rep).padStart(2, '0');
        users.push({
          id: id(n++),
          email: `rep${num}@bench.openkam.cn`,
          name: `销售${num}`,
          role: 'rep',
          teamId: region.id,
          managerId: divManager.id,
        });
      }
    }
  }
  users.push({
    id: id(n++),
    email: 'viewer@bench.openkam.cn',
    name: '只读用户',
    role: 'viewer',
    teamId: root.id,
    managerId: null,
  });
  return { teams, users };
}

function fill(pattern: string, city: City, rng: Rng): string {
  return pattern
    .replaceAll('{c}', city.city)
    .replaceAll('{p}', city.municipality ? city.city : city.province)
    .replaceAll('{n}', rng.pick(CHINESE_NUMERALS));
}

function accountName(type: OwnershipType, city: City, rng: Rng): { name: string; industry: string } {
  const cityLabel = city.municipality || rng.chance(0.7) ? `${city.city}市` : `${city.province}省`;
  switch (type) {
    case 'government': {
      const bureau = rng.pick(GOVERNMENT_BUREAUS);
      return {
        name: `${cityLabel}${bureau}`,
        industry: bureau.includes('卫生') || bureau.includes('医疗') ? '医疗卫生' : '政务',
      };
    }
    case 'institution': {
      const [p, industry] = rng.pick(INSTITUTION_PATTERNS);
      return { name: fill(p, city, rng), industry };
    }
    case 'soe': {
      const [p, industry] = rng.pick(SOE_PATTERNS);
      return { name: fill(p, city, rng), industry };
    }
    case 'foreign': {
      const [brand, industry] = rng.pick(FOREIGN_BRANDS);
      return { name: rng.chance(0.5) ? `${brand}（中国）投资有限公司` : `${brand}（${city.city}）有限公司`, industry };
    }
    case 'private': {
      const [trade, industry] = rng.pick(PRIVATE_TRADES);
      const brand = rng.pick(PRIVATE_BRANDS) + (rng.chance(0.5) ? rng.pick(PRIVATE_BRANDS).slice(1) : '');
      return { name: `${city.city}${brand}${trade}`, industry };
    }
    default: {
      const [p, industry] = rng.pick(OTHER_PATTERNS);
      return { name: fill(p, city, rng), industry };
    }
  }
}

const CREDIT_KIND: Record<OwnershipType, string> = {
  government: '11',
  institution: '12',
  soe: '91',
  private: '91',
  foreign: '91',
  other: '51',
};

export interface AccountBatch {
  rows: Row[];
  /** Per account: id, owner and area code, for the contacts generator. */
  meta: { id: string; ownerId: string; areaCode: string; kind: keyof typeof TITLES }[];
}

/**
 * Accounts [from, to) of the data set. Every index always yields the same row, so a batch can
 * be regenerated independently of the others.
 */
export function accountBatch(
  orgId: string,
  owners: readonly string[],
  createdBy: string,
  from: number,
  to: number,
): AccountBatch {
  const rows: Row[] = [];
  const meta: AccountBatch['meta'] = [];
  for (let i = from; i < to; i++) {
    const rng = createRng(1_000_003 * (i + 1));
    const id = accountId(i);
    const city = rng.weighted(CITY_WEIGHTS);
    const type = rng.weighted(OWNERSHIP_WEIGHTS);
    const { name, industry } = accountName(type, city, rng);
    const tier = rng.weighted([
      ['A', 1],
      ['B', 3],
      ['C', 6],
    ] as const);
    const ownerId = owners[i % owners.length];
    const created = EPOCH - rng.int(30, 900) * DAY;
    const updated = Math.min(EPOCH, created + rng.int(0, 700) * DAY) - rng.int(0, DAY - 1);
    const ourWan = rng.int(0, tier === 'A' ? 5000 : 500);
    const doc = accountSearchDocument({ name });
    const tags: string[] = [];
    if (tier === 'A') tags.push('战略客户');
    if (rng.chance(0.3)) tags.push(rng.pick(TAGS));
    rows.push({
      org_id: orgId,
      id,
      name,
      short_name: null,
      credit_code: rng.chance(0.9) ? creditCode(rng, CREDIT_KIND[type], city.division) : null,
      ownership_type: type,
      scope: rng.chance(0.1) ? 'national' : 'regional',
      // A few subsidiaries of earlier accounts, so group queries have something to find.
      parent_id: i > 100 && rng.chance(0.03) ? accountId(rng.int(0, i - 1)) : null,
      industry,
      province: city.province,
      city: city.city,
      // Coded as the daily job (server/modules/accounts/backfill.ts) codes an install's text.
      region_code: city.division,
      industry_code: matchIndustry(industry),
      address: `${city.city}市${rng.pick(['人民路', '中山路', '建设大道', '科技园路', '解放路'])}${rng.int(1, 999)}号`,
      website: null,
      employees: rng.int(20, 50000),
      annual_revenue: moneyWan(rng, 500, 5_000_000),
      our_revenue: `${ourWan * 10000}.00`,
      potential: moneyWan(rng, 10, 20000),
      financial_status: rng.pick(FINANCIAL_STATUSES),
      market_strength: rng.int(1, 5),
      relationship_stage: rng.pick(RELATIONSHIP_STAGES),
      tier,
      owner_id: ownerId,
      tags,
      needs: tier === 'A' ? `${name}正在推进数字化转型，需要统一的数据平台与业务协同系统。` : null,
      background: tier === 'A' ? `${city.province}重点单位，信息化投入逐年增长。` : null,
      purchase_motives: null,
      profit_model: null,
      decision_process: null,
      upstream_downstream: null,
      core_competencies: null,
      search_grams: doc.grams,
      search_text: doc.text,
      archived_at: i % 50 === 49 ? new Date(updated).toISOString() : null,
      version: 1,
      created_by: createdBy,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(updated).toISOString(),
    });
    const kind =
      type === 'government'
        ? 'government'
        : industry === '医疗卫生'
          ? 'hospital'
          : industry === '教育'
            ? 'education'
            : 'enterprise';
    meta.push({ id, ownerId, areaCode: city.areaCode, kind });
  }
  return { rows, meta };
}

/** Account ids are a pure function of the index, so contacts and parents can refer to them. */
export function accountId(i: number): string {
  return seededId(createRng(7_919 * (i + 1)), EPOCH - 900 * DAY + i * 1000);
}

/** Contacts per account cycle through 3, 5, 7, 4, 6: five on average, some variety. */
const CONTACTS_PATTERN = [3, 5, 7, 4, 6];
export const contactsFor = (i: number) => CONTACTS_PATTERN[i % CONTACTS_PATTERN.length];

export function contactBatch(orgId: string, batch: AccountBatch, firstIndex: number): Row[] {
  const rows: Row[] = [];
  batch.meta.forEach((a, k) => {
    const i = firstIndex + k;
    const rng = createRng(2_000_003 * (i + 1));
    const ids: string[] = [];
    const titles = TITLES[a.kind];
    for (let c = 0; c < contactsFor(i); c++) {
      const id = seededId(rng, EPOCH - 900 * DAY + i * 1000 + c);
      ids.push(id);
      const [title, department] = titles[c % titles.length];
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : '');
      const phone = rng.chance(0.5) ? landline(rng, a.areaCode) : null;
      const mob = rng.chance(0.9) ? mobile(rng) : null;
      const doc = contactSearchDocument({ name, phone, mobile: mob });
      const updated = new Date(EPOCH - rng.int(0, 700) * DAY - rng.int(0, DAY - 1)).toISOString();
      rows.push({
        org_id: orgId,
        id,
        account_id: a.id,
        name,
        title,
        department,
        // Everyone reports to someone listed before them in the same account: a tree.
        reports_to_id: c === 0 ? null : ids[c === 1 ? 0 : rng.int(0, 1)],
        phone,
        mobile: mob,
        email: null,
        wechat: null,
        birthday: rng.chance(0.3) ? birthday(rng) : null,
        notes: null,
        influence: c === 0 ? 'high' : rng.pick(INFLUENCE_LEVELS),
        attitude: rng.int(-5, 5),
        coverage: rng.pick(COVERAGE_LEVELS),
        counterpart_id: rng.chance(0.5) ? a.ownerId : null,
        interests: null,
        goals: null,
        search_grams: doc.grams,
        search_text: doc.text,
        archived_at: null,
        version: 1,
        created_by: a.ownerId,
        created_at: updated,
        updated_at: updated,
      });
    }
  });
  return rows;
}
