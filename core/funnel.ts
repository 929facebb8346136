// The course's default funnel: six stages with their probabilities, won and lost, and the exit
// checklist that follows the course's six phases of a key-account project.
import type { ForecastCategory } from './enums.ts';

export interface StageTemplate {
  name: string;
  nameEn: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
  forecastCategory: ForecastCategory;
  exitCriteria: { id: string; label: string; labelEn: string }[];
}

const c = (id: string, label: string, labelEn: string) => ({ id, label, labelEn });

export const DEFAULT_STAGES: StageTemplate[] = [
  {
    name: '培训/交流',
    nameEn: 'Training',
    probability: 10,
    kind: 'open',
    forecastCategory: 'pipeline',
    exitCriteria: [
      c('research', '拜访前完成客户调研', 'Research done before the visit'),
      c('needs', '了解客户的初步需求', 'First needs understood'),
    ],
  },
  {
    name: '见负责人',
    nameEn: 'Meeting the decision owner',
    probability: 20,
    kind: 'open',
    forecastCategory: 'pipeline',
    exitCriteria: [
      c('educate', '向关键决策者讲清问题与价值', 'Key decision maker educated on the problem and value'),
      c('sponsor', '决策者同意推进立项', 'Decision maker agrees to move forward'),
    ],
  },
  {
    name: '咨询/诊断',
    nameEn: 'Consulting',
    probability: 45,
    kind: 'open',
    forecastCategory: 'pipeline',
    exitCriteria: [c('plan', '与客户共同制定项目规划与里程碑', 'Joint project plan with milestones agreed')],
  },
  {
    name: '提供方案',
    nameEn: 'Proposal',
    probability: 50,
    kind: 'open',
    forecastCategory: 'best_case',
    exitCriteria: [c('execution', '与客户商定项目实施与招标方式', 'Agreed how the project is executed and tendered')],
  },
  {
    name: '标书/谈判',
    nameEn: 'Tender & negotiation',
    probability: 80,
    kind: 'open',
    forecastCategory: 'commit',
    exitCriteria: [c('bid', '完成投标与商务谈判', 'Bid submitted and terms negotiated')],
  },
  {
    name: '签约',
    nameEn: 'Signed',
    probability: 100,
    kind: 'won',
    forecastCategory: 'closed',
    exitCriteria: [c('service', '交付与售后服务计划已落实', 'Delivery and service plan in place')],
  },
  { name: '输单', nameEn: 'Lost', probability: 0, kind: 'lost', forecastCategory: 'omitted', exitCriteria: [] },
];

/** Σ amount × probability, exactly: amounts are decimal strings, probabilities whole percents. */
export function weightedAmount(amount: string, probability: number): string {
  const cents = toCents(amount) * BigInt(probability);
  return fromCents(divRound(cents, 100n));
}

export function toCents(amount: string): bigint {
  const [int, frac = ''] = amount.split('.');
  const sign = int.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(int.replace('-', '') || '0') * 100n + BigInt((frac + '00').slice(0, 2)));
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function divRound(n: bigint, d: bigint): bigint {
  return n >= 0n ? (n + d / 2n) / d : -((-n + d / 2n) / d);
}

/** Line total: quantity × price × (1 − discount%), rounded to the cent. */
export function lineTotal(quantity: string, price: string, discountPercent: string): string {
  const q = toCents(quantity); // quantity with 2 decimals, scaled ×100
  const p = toCents(price);
  const keep = 10000n - toCents(discountPercent); // (100 − discount) ×100
  return fromCents(divRound(q * p * keep, 100n * 10000n));
}
