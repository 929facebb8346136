import type { Lang } from '../../../core/messages.ts';
import { healthPartKey, redFlagMessage } from '../../../core/blue-sheet.ts';
import { weightedAmount } from '../../../core/funnel.ts';
import type { HealthPart, Influence, LineItem, Opportunity, OpportunityListItem } from '../../../core/schemas/deals.ts';
import type { Listed, opportunitiesRepository } from './repository.ts';
import type { Judgement } from './judgement.ts';
import type { InfluenceRow } from './blue-sheet.repository.ts';
import type { opportunityItems } from '../../db/schema.ts';
import { lineTotal } from '../../../core/funnel.ts';
import { DAY_MS } from '../../../core/time.ts';

export function presentOpportunity(
  { o, accountName, ownerName, stageName }: Listed,
  j: Judgement,
  lang: Lang,
  now = new Date(),
): Opportunity {
  const winWin =
    o.winWinOurs === null && o.winWinCustomer === null ? null : o.winWinOurs === true && o.winWinCustomer === true;
  return {
    id: o.id,
    accountId: o.accountId,
    accountName,
    name: o.name,
    amount: o.amount,
    weightedAmount: weightedAmount(o.amount, o.probability),
    expectedCloseDate: o.expectedCloseDate,
    ownerId: o.ownerId,
    ownerName,
    stageId: o.stageId,
    stageName,
    probability: o.probability,
    probabilityReason: o.probabilityReason,
    forecastCategory: o.forecastCategory as Opportunity['forecastCategory'],
    source: o.source,
    status: o.status as Opportunity['status'],
    lostReason: o.lostReason,
    wonByCompetitorId: o.wonByCompetitorId,
    objectiveWhat: o.objectiveWhat,
    objectiveAmount: o.objectiveAmount,
    objectiveBy: o.objectiveBy,
    ourPosition: o.ourPosition,
    nextStep: o.nextStep,
    nextStepDate: o.nextStepDate,
    ourOutcome: o.ourOutcome,
    customerOutcome: o.customerOutcome,
    winWinOurs: o.winWinOurs,
    winWinCustomer: o.winWinCustomer,
    winWin,
    stageEnteredAt: o.stageEnteredAt.toISOString(),
    daysInStage: Math.floor((now.getTime() - o.stageEnteredAt.getTime()) / DAY_MS),
    lastActivityAt: o.lastActivityAt?.toISOString() ?? null,
    health: j.health.score,
    redFlags: j.flags.map((f) => ({ code: f.code, severity: f.severity, message: redFlagMessage(f, lang) })),
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** The health breakdown, each flag's part labelled with that flag's message (two parts may share a code). */
export function presentHealthParts(j: Judgement, lang: Lang): HealthPart[] {
  const messages = new Map(j.flags.map((f) => [healthPartKey(f), redFlagMessage(f, lang)]));
  return j.health.parts.map((p) => {
    const label = messages.get(p.key);
    return label === undefined
      ? { key: p.key, points: p.points, max: p.max }
      : { key: p.key, points: p.points, max: p.max, label };
  });
}

export type ListRow = Awaited<ReturnType<ReturnType<typeof opportunitiesRepository>['list']>>[number];

export const presentListItem = (r: ListRow): OpportunityListItem => ({
  id: r.id,
  accountId: r.accountId,
  accountName: r.accountName,
  name: r.name,
  amount: r.amount,
  weightedAmount: weightedAmount(r.amount, r.probability),
  expectedCloseDate: r.expectedCloseDate,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  stageId: r.stageId,
  stageName: r.stageName,
  probability: r.probability,
  forecastCategory: r.forecastCategory as OpportunityListItem['forecastCategory'],
  status: r.status as OpportunityListItem['status'],
  health: r.health,
  redFlagCodes: r.redFlagCodes,
  nextStep: r.nextStep,
  nextStepDate: r.nextStepDate,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

type InfluenceListed = {
  i: InfluenceRow;
  contactName: string;
  contactTitle: string | null;
  counterpartName: string | null;
};

export const presentInfluence = ({ i, contactName, contactTitle, counterpartName }: InfluenceListed): Influence => ({
  id: i.id,
  contactId: i.contactId,
  contactName,
  contactTitle,
  roles: i.roles as Influence['roles'],
  influence: i.influence as Influence['influence'],
  mode: i.mode as Influence['mode'],
  rating: i.rating,
  coverage: i.coverage as Influence['coverage'],
  counterpartId: i.counterpartId,
  counterpartName,
  result: i.result,
  personalWin: i.personalWin,
  evidence: i.evidence,
  prefersUs: i.prefersUs,
  preferredCompetitorId: i.preferredCompetitorId,
  version: i.version,
});

export const presentItem = (r: {
  i: typeof opportunityItems.$inferSelect;
  productName: string;
  category: string;
}): LineItem => ({
  id: r.i.id,
  productId: r.i.productId,
  productName: r.productName,
  category: r.category,
  quantity: r.i.quantity,
  price: r.i.price,
  discount: r.i.discount,
  total: lineTotal(r.i.quantity, r.i.price, r.i.discount),
});
