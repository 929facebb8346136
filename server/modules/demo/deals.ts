// The demo's deals: a product and competitor catalogue, and ~40 opportunities across the funnel
// with Blue Sheets (buying influences, strengths, competition). Created through the services, so
// history, stage history, red flags and health are exactly what real use would produce.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, competitors, contacts, orgs, products, users } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { organisationActor } from '../../access/index.ts';
import { opportunitiesService } from '../opportunities/service.ts';
import { blueSheetService } from '../opportunities/blue-sheet.service.ts';
import { funnelStages } from '../stages/service.ts';
import { createRng } from './random.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { addDays, localDate } from '../../../core/time.ts';
import { BUYING_ROLES, RESPONSE_MODES } from '../../../core/blue-sheet.ts';
import { COVERAGE_LEVELS } from '../../../core/enums.ts';

const PRODUCTS = [
  ['智慧医院集成平台', '软件', '1200000.00'],
  ['区域卫生信息平台', '软件', '2600000.00'],
  ['政务数据中台', '软件', '1800000.00'],
  ['超融合一体机', '硬件', '380000.00'],
  ['数据中心网络设备', '硬件', '95000.00'],
  ['实施与集成服务（人天）', '服务', '2800.00'],
  ['年度运维服务', '服务', '160000.00'],
] as const;

const COMPETITORS = [
  {
    name: '东方软件',
    strengths: '本地化团队强，政府关系深',
    weaknesses: '产品老旧，交付质量不稳定',
    pricePosition: 'low',
  },
  { name: '卫宁数科', strengths: '医疗行业案例多', weaknesses: '跨行业能力弱', pricePosition: 'similar' },
  { name: '国际云科技', strengths: '品牌与技术领先', weaknesses: '价格高，本地服务慢', pricePosition: 'high' },
] as const;

const DEAL_NAMES = [
  '信息化二期',
  '数据中台建设',
  '智慧病房改造',
  '网络升级',
  '运维服务续约',
  '云平台迁移',
  '统一门户',
  '安全等保整改',
];

export async function seedDemoDeals(db: Db): Promise<number> {
  const rng = createRng(20250101);
  const [org] = await db.select().from(orgs).limit(1);
  if (!org) return 0;
  const orgId = org.id;
  const productIds = PRODUCTS.map(() => newId());
  await db
    .insert(products)
    .values(
      PRODUCTS.map(([name, category, listPrice], i) => ({ orgId, id: productIds[i], name, category, listPrice })),
    );
  const competitorIds = COMPETITORS.map(() => newId());
  await db.insert(competitors).values(COMPETITORS.map((c, i) => ({ orgId, id: competitorIds[i], ...c })));

  const open = (await funnelStages(db, orgId)).filter((s) => s.kind !== 'lost');
  const lastOpen = open.filter((s) => s.kind === 'open').sort((a, b) => b.position - a.position)[0];
  const targets = await db
    .select({
      id: accounts.id,
      name: accounts.shortName,
      full: accounts.name,
      ownerId: accounts.ownerId,
      tier: accounts.tier,
    })
    .from(accounts)
    .where(eq(accounts.orgId, orgId))
    .orderBy(asc(accounts.name));
  const people = await db
    .select({ id: contacts.id, accountId: contacts.accountId })
    .from(contacts)
    .where(eq(contacts.orgId, orgId));
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.createdAt))
    .limit(1);

  const today = localDate(new Date(), await orgTimeZone(db, orgId));
  let created = 0;
  for (const [k, account] of targets.filter((a) => a.tier !== 'C').entries()) {
    const ownerId = account.ownerId ?? admin.id;
    const actor = organisationActor(orgId, ownerId, 'manager');
    const stage = open[Math.min(open.length - 1, Math.floor(rng.next() * open.length))];
    const qty = String(rng.int(1, 4));
    const product = rng.int(0, PRODUCTS.length - 1);
    // Relative to today, so the demo's forecast has deals closing this quarter and the next ones;
    // about one in seven is already overdue (the close_date_passed red flag).
    const closeIn = rng.chance(0.15) ? -rng.int(5, 60) : rng.int(3, 330);
    const deals = opportunitiesService(db);
    // A won deal is won once its Blue Sheet is filled in, as in real use: a closed deal keeps its
    // judgement as of closing, so one created won would keep the empty sheet's.
    const won = stage.kind === 'won' && lastOpen;
    const deal = await deals.create(actor, {
      accountId: account.id,
      name: `${account.name ?? account.full}${DEAL_NAMES[k % DEAL_NAMES.length]}`,
      expectedCloseDate: addDays(today, closeIn),
      stageId: won ? lastOpen.id : stage.id,
      source: rng.pick(['老客户转介绍', '招投标公告', '合作伙伴', '展会']),
      items: [{ productId: productIds[product], quantity: qty, discount: String(rng.pick([0, 5, 10])) }],
      objectiveWhat: `签订${PRODUCTS[product][0]}合同`,
      nextStep: rng.pick(['安排高层拜访', '提交技术方案', '组织现场演示', '确认招标时间']),
      ourOutcome: '树立行业标杆案例，带动后续运维收入',
      customerOutcome: '提升业务效率，满足考核要求',
      winWinOurs: true,
      winWinCustomer: rng.chance(0.85),
    });
    const sheet = blueSheetService(db);
    const theirs = people.filter((p) => p.accountId === account.id).slice(0, rng.int(1, 4));
    for (const [j, person] of theirs.entries()) {
      await sheet.addInfluence(actor, deal.id, {
        contactId: person.id,
        roles: [BUYING_ROLES[(j + k) % BUYING_ROLES.length]],
        influence: rng.pick(['high', 'medium', 'low'] as const),
        mode: rng.pick(RESPONSE_MODES),
        rating: rng.int(-5, 5),
        coverage: rng.pick(COVERAGE_LEVELS),
        counterpartId: ownerId,
        preferredCompetitorId: rng.chance(0.2) ? rng.pick(competitorIds) : null,
      });
    }
    if (rng.chance(0.5))
      await sheet.addNote(actor, deal.id, { kind: 'strength', text: '我方有同级医院/单位的成功案例' });
    if (rng.chance(0.4))
      await sheet.setCompetitors(actor, deal.id, {
        competitors: [
          { competitorId: rng.pick(competitorIds), position: rng.pick(['ahead', 'even', 'behind'] as const) },
        ],
      });
    if (won)
      await deals.update(actor, deal.id, {
        version: (await deals.detail(actor, deal.id)).version,
        stageId: stage.id,
        confirmUnmetCriteria: true,
      });
    created++;
  }
  return created;
}
