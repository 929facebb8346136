// The demo's activity log: four weeks of calls around today for everyone who owns accounts — done
// ones with what came of them (some with the next meeting proposed and a follow-up task), a few
// cancelled, this week's still planned — and service records with satisfaction at key accounts.
// Created through the activities service, so deals' last activity and red flags follow as in real use.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, contacts, opportunities, orgs, users } from '../../db/schema.ts';
import { organisationActor } from '../../access/index.ts';
import { orgTimeZone } from '../../kernel/settings.ts';
import { addDays, dayStart, localDate } from '../../../core/time.ts';
import { activitiesService } from '../activities/service.ts';
import { createRng, type Rng } from './random.ts';

interface Plan {
  type: string;
  subject: (account: string, contact: string) => string;
  minutes: [number, number];
  place: string[];
}

const PLANS: readonly (readonly [Plan, number])[] = [
  [{ type: 'visit', subject: (_a, c) => `拜访${c}`, minutes: [60, 90], place: ['客户办公室', '客户会议室'] }, 5],
  [{ type: 'call', subject: (a) => `电话跟进 · ${a}`, minutes: [15, 30], place: ['电话', '微信语音'] }, 4],
  [{ type: 'training', subject: (a) => `${a}技术交流会`, minutes: [120, 180], place: ['客户会议室', '我司展厅'] }, 1],
  [
    { type: 'decision_maker_meeting', subject: (_a, c) => `高层拜访：${c}`, minutes: [45, 60], place: ['客户办公室'] },
    1,
  ],
  [{ type: 'consultation', subject: (a) => `${a}需求调研`, minutes: [90, 120], place: ['客户会议室'] }, 1],
  [{ type: 'proposal', subject: (a) => `${a}方案汇报`, minutes: [90, 120], place: ['客户会议室', '线上会议'] }, 1],
  [{ type: 'entertainment', subject: () => '商务宴请', minutes: [120, 150], place: ['附近粤菜馆', '酒店中餐厅'] }, 0.5],
];

const OBJECTIVES = [
  '了解项目预算与时间表',
  '确认关键决策人和决策流程',
  '介绍同级单位成功案例',
  '推动进入方案评审',
  '回应对价格的顾虑',
];
const STEPS = [
  ['寒暄，回顾上次交流', '介绍方案要点', '了解顾虑', '约定下一步'],
  ['确认需求清单', '演示系统', '答疑'],
];
const OUTCOMES: readonly (readonly [string, boolean])[] = [
  ['客户认可我方方案，要求补充实施计划', true],
  ['了解到预算已批复，下月启动招标', true],
  ['技术交流效果好，客户希望安排现场演示', true],
  ['对方对价格有顾虑，需要准备分期付款方案', false],
  ['决策人临时出差，只见到了科长', false],
  ['客户内部意见不一，暂无明确时间表', false],
];
const NEXT_STEPS = ['整理会议纪要并发给客户', '准备报价单', '安排高层拜访', '提交技术方案', '邀请参观样板客户'];

const minutesOf = (rng: Rng, [min, max]: [number, number]) => Math.round(rng.int(min, max) / 15) * 15;
/** Monday = 1 … Sunday = 7, for a YYYY-MM-DD date. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

export async function seedDemoActivities(db: Db, now = new Date()): Promise<number> {
  const rng = createRng(20250318);
  const [org] = await db.select({ id: orgs.id }).from(orgs).limit(1);
  if (!org) return 0;
  const orgId = org.id;
  const owned = await db
    .select({
      id: accounts.id,
      name: accounts.shortName,
      full: accounts.name,
      ownerId: accounts.ownerId,
      tier: accounts.tier,
      role: users.role,
      email: users.email,
    })
    .from(accounts)
    .innerJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
    .where(and(eq(accounts.orgId, orgId), isNotNull(accounts.ownerId)))
    .orderBy(asc(accounts.name));
  const ids = owned.map((a) => a.id);
  const people = await db
    .select({ id: contacts.id, accountId: contacts.accountId, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.accountId, ids)))
    .orderBy(asc(contacts.name));
  const deals = await db
    .select({ id: opportunities.id, accountId: opportunities.accountId, status: opportunities.status })
    .from(opportunities)
    .where(eq(opportunities.orgId, orgId))
    .orderBy(asc(opportunities.name));

  const service = activitiesService(db);
  const zone = await orgTimeZone(db, orgId);
  const today = localDate(now, zone);
  // By e-mail, not id: ids differ from run to run, and the order decides what the generator draws.
  const owners = [
    ...new Map(
      owned.filter((a) => a.role === 'rep' || a.role === 'manager').map((a) => [a.email, a.ownerId!]),
    ).entries(),
  ].sort(([a], [b]) => a.localeCompare(b));
  let created = 0;
  for (const [, ownerId] of owners) {
    const actor = organisationActor(orgId, ownerId, 'manager');
    const mine = owned.filter((a) => a.ownerId === ownerId);
    for (let offset = -21; offset <= 6; offset++) {
      const day = addDays(today, offset);
      if (weekday(day) > 5 || !rng.chance(0.7)) continue;
      const account = rng.pick(mine);
      const theirs = people.filter((p) => p.accountId === account.id);
      const contact = theirs.length ? theirs[Math.min(theirs.length - 1, rng.int(0, 2))] : null;
      const plan = rng.weighted(PLANS);
      const deal = deals.find((d) => d.accountId === account.id && d.status === 'open');
      const start = dayStart(day, zone, rng.pick([9, 10, 14, 15, 16])).getTime() + rng.pick([0, 30]) * 60_000;
      const a = await service.create(actor, {
        type: plan.type,
        subject: plan.subject(account.name ?? account.full, contact?.name ?? '客户'),
        accountId: account.id,
        opportunityId: deal && rng.chance(0.6) ? deal.id : null,
        contactIds: contact ? [contact.id] : [],
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + minutesOf(rng, plan.minutes) * 60_000).toISOString(),
        place: rng.pick(plan.place),
        objective: rng.pick(OBJECTIVES),
        steps: plan.type === 'call' ? [] : rng.pick(STEPS),
        talkingPoints:
          plan.type === 'visit' || plan.type === 'decision_maker_meeting' ? '强调同级单位案例与本地化服务团队' : null,
        diningPlan: plan.type === 'entertainment' ? '提前订好包间，控制在公司标准以内' : null,
      });
      created++;
      if (offset >= 0) continue;
      if (rng.chance(0.08)) {
        await service.update(actor, a.id, { version: a.version, status: 'cancelled', outcome: '客户临时有会，改期' });
        continue;
      }
      const [outcome, proposed] = rng.pick(OUTCOMES);
      const nextSteps = rng.pick(NEXT_STEPS);
      // Some follow-ups are already overdue, so the reminders have something to say.
      const followUp =
        proposed || rng.chance(0.3) ? { title: nextSteps, dueDate: addDays(day, rng.int(2, 10)) } : undefined;
      await service.complete(actor, a.id, {
        version: a.version,
        outcome,
        nextMeetingProposed: proposed,
        nextSteps,
        followUp,
      });
    }
    // Service records at key accounts: 服务 calls logged with the customer's satisfaction.
    for (const account of mine.filter((a) => a.tier === 'A').slice(0, 2)) {
      const day = addDays(today, -rng.int(8, 20));
      const start = dayStart(day, zone, 14).getTime();
      const s = await service.create(actor, {
        type: 'service',
        subject: `季度服务回访 · ${account.name ?? account.full}`,
        accountId: account.id,
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + 60 * 60_000).toISOString(),
        place: '客户信息中心',
        objective: '巡检系统运行情况，收集使用意见',
      });
      await service.complete(actor, s.id, {
        version: s.version,
        outcome: '系统运行稳定，提出两个报表优化需求',
        nextMeetingProposed: rng.chance(0.5),
        satisfaction: rng.weighted([
          [5, 3],
          [4, 3],
          [3, 1],
        ] as const),
      });
      created++;
    }
  }
  return created;
}
