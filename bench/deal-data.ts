// The small JavaScript side of the deals data set: project names, Blue Sheet profiles and the
// stored judgement of every (profile, influences used, stage, close date passed) combination,
// computed with the app's own judge(). The million rows themselves are built in SQL (deals.ts).
import { judge, type Funnel } from '../server/modules/opportunities/judgement.ts';
import type { OpportunityRow } from '../server/modules/opportunities/repository.ts';
import { BUYING_ROLES, RESPONSE_MODES, type BuyingRole } from '../core/blue-sheet.ts';
import { type COVERAGE_LEVELS, INFLUENCE_LEVELS } from '../core/enums.ts';
import { normalizeSearch } from '../core/search.ts';
import { createRng } from '../server/modules/demo/random.ts';

/**
 * Project names appended to the account's name (as the demo does: 北京市卫生健康委员会数据中台建设).
 * `平台` occurs in three of them and in some account names, so `q=平台` matches roughly 9 % of deals.
 */
export const PROJECTS = [
  '信息化二期',
  '数据中台建设',
  '智慧病房改造',
  '网络升级',
  '运维服务续约',
  '云平台迁移',
  '统一门户',
  '安全等保整改',
  '视频会议系统',
  '财务共享中心',
  '人力资源系统',
  '客户关系管理系统',
  '办公自动化升级',
  '档案数字化',
  '智慧园区',
  '数据中心扩容',
  '灾备中心建设',
  '移动办公平台',
  '协同办公',
  '电子病历升级',
  '互联网医院',
  '一网通办',
  '智慧教室',
  '供应链协同',
  '智能制造执行系统',
  '物联网监测',
  '大数据分析平台',
  '桌面云',
  '机房改造',
  '年度维保',
  '软件正版化',
  '网络安全态势感知',
] as const;
export const DEAL_SEARCH_TERM = '平台';
export const SOURCES = ['老客户', '招标公告', '渠道推荐', '市场活动', '官网咨询'] as const;
export const LOST_REASONS = ['价格偏高', '竞争对手关系更强', '项目取消', '需求不匹配'] as const;

/** Influence slot of a profile: who the deal's n-th buying influence is. */
export interface Slot {
  roles: BuyingRole[];
  influence: (typeof INFLUENCE_LEVELS)[number];
  mode: (typeof RESPONSE_MODES)[number] | null;
  rating: number;
  coverage: (typeof COVERAGE_LEVELS)[number];
  counterpart: boolean;
}

export interface Profile {
  slots: Slot[];
}

/** 40 profiles with 1–5 influences, 3.1 on average (accounts with 3–4 contacts cap it: ≈ 3.0). */
export function profiles(seed = 11): Profile[] {
  const rng = createRng(seed);
  const counts = [
    ...Array(3).fill(1),
    ...Array(6).fill(2),
    ...Array(20).fill(3),
    ...Array(6).fill(4),
    ...Array(5).fill(5),
  ] as number[];
  // Deterministic shuffle, so neighbouring deals get different shapes.
  for (let i = counts.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [counts[i], counts[j]] = [counts[j], counts[i]];
  }
  const roleWeights = [
    ['economic', 3],
    ['technical', 3],
    ['user', 3],
    ['coach', 2],
  ] as const;
  return counts.map((count) => ({
    slots: Array.from({ length: count }, (): Slot => {
      const first = rng.weighted<BuyingRole>(roleWeights);
      const second = rng.chance(0.2) ? rng.pick(BUYING_ROLES) : first;
      return {
        roles: second === first ? [first] : [first, second],
        influence: rng.pick(INFLUENCE_LEVELS),
        mode: rng.chance(0.2) ? null : rng.pick(RESPONSE_MODES),
        rating: rng.int(-5, 5),
        coverage: rng.weighted([
          ['none', 2],
          ['brief', 3],
          ['multiple', 3],
          ['in_depth', 2],
        ] as const),
        counterpart: rng.chance(0.6),
      };
    }),
  }));
}

/** A full row for judge(): only status, stage, probability, close date and activity matter to it. */
function judgeRow(stageId: string, status: string, probability: number, expectedCloseDate: string): OpportunityRow {
  const t = new Date(0);
  return {
    orgId: '',
    id: '',
    accountId: '',
    name: '',
    amount: '0.00',
    expectedCloseDate,
    ownerId: null,
    accountOwnerId: null,
    accountName: '',
    stageId,
    probability,
    probabilityReason: null,
    forecastCategory: 'pipeline',
    source: null,
    status,
    lostReason: null,
    wonByCompetitorId: null,
    objectiveWhat: null,
    objectiveAmount: null,
    objectiveBy: null,
    ourPosition: null,
    nextStep: null,
    nextStepDate: null,
    ourOutcome: null,
    customerOutcome: null,
    winWinOurs: null,
    winWinCustomer: null,
    criteriaDone: {},
    stageEnteredAt: t,
    lastActivityAt: null,
    closedAt: null,
    health: 0,
    redFlagCodes: [],
    closingJudgement: null,
    searchGrams: [],
    searchText: '',
    nameKey: null,
    version: 1,
    createdBy: null,
    createdAt: t,
    updatedAt: t,
  };
}

/** Stages the generator uses, in key order: the open funnel, then won, then lost. */
export interface StageChoice {
  key: number;
  id: string;
  probability: number;
  forecastCategory: string;
  kind: 'open' | 'won' | 'lost';
  /** Share of the open deals in this stage (open stages only), in percent. */
  weight: number;
}

export function stageChoices(funnel: Funnel): StageChoice[] {
  const { open, won, lost } = funnel;
  if (!open.length || !won || !lost) throw new Error('the bench org needs a funnel with open, won and lost stages');
  // Early stages hold more deals: weights n, n-1, …, 1.
  const total = (open.length * (open.length + 1)) / 2;
  const weights = open.map((_, i) => Math.round(((open.length - i) / total) * 100));
  weights[0] += 100 - weights.reduce((s, w) => s + w, 0);
  const choice = (key: number, s: typeof won, kind: StageChoice['kind'], weight: number): StageChoice => ({
    key,
    id: s.id,
    probability: s.probability,
    forecastCategory: s.forecastCategory,
    kind,
    weight,
  });
  return [
    ...open.map((s, i) => choice(i, s, 'open', weights[i])),
    choice(open.length, won, 'won', 0),
    choice(open.length + 1, lost, 'lost', 0),
  ];
}

export interface JudgementRow {
  p: number;
  k: number;
  sk: number;
  passed: boolean;
  health: number;
  codes: string[];
}

/**
 * The stored health and red-flag codes for every combination a deal can have: which profile, how
 * many of its influences the account's contacts allowed, which stage, and whether the expected
 * close date lies before `now`. No deal has activities yet, so none is stale; probability is the
 * stage's, so none is overridden.
 */
export function judgementTable(all: Profile[], stages: StageChoice[], funnel: Funnel, now: Date): JudgementRow[] {
  const out: JudgementRow[] = [];
  all.forEach((profile, p) => {
    for (let k = 1; k <= profile.slots.length; k++) {
      const infl = profile.slots
        .slice(0, k)
        .map((s) => ({ roles: s.roles, mode: s.mode, rating: s.rating, coverage: s.coverage }));
      for (const st of stages) {
        for (const passed of [false, true]) {
          const row = judgeRow(st.id, st.kind, st.probability, passed ? '2000-01-01' : '2999-12-31');
          const j = judge(row, infl, funnel, now);
          out.push({ p, k, sk: st.key, passed, health: j.health.score, codes: j.flags.map((f) => f.code) });
        }
      }
    }
  });
  return out;
}

/** Normalised project names: the SQL side appends them to the account's normalised name. */
export const projectRows = () => PROJECTS.map((name, i) => ({ i, name, norm: normalizeSearch(name) }));
