// Builds the Blue Sheet's facts for a deal and runs the core rules; both the API presenter and the
// stored judgement (health, red-flag codes for filters and the board) come from here. A closed deal's
// judgement is the one kept at its closing (closing_judgement), never computed again.
import { bothReads, type Db } from '../../db/client.ts';
import { orgSettings } from '../../kernel/settings.ts';
import { OrgCache, orgChangesOf, type OrgChanges } from '../../db/org-changes.ts';
import { everyStage, type StageRow } from '../stages/service.ts';
import type { opportunities } from '../../db/schema.ts';
import type { InfluenceRow } from './blue-sheet.repository.ts';
import {
  computeHealth,
  computeRedFlags,
  type BuyingRole,
  type Coverage,
  type Health,
  type RedFlag,
  type ResponseMode,
} from '../../../core/blue-sheet.ts';

/** A deal as stored (the repository's row), named here so the repository can name the judgement it stores. */
type OpportunityRow = typeof opportunities.$inferSelect;

export interface Funnel {
  byId: Map<string, StageRow>;
  open: StageRow[];
  won: StageRow | undefined;
  lost: StageRow | undefined;
  /** "At or past the proposal stage": the first open stage at ≥ 50 %, the course's 提供方案. */
  proposalIndex: number;
  staleDays: number;
  probabilityTolerance: number;
  /** The organisation's zone, whose days say when a close date has passed. */
  timeZone: string;
}

const openInOrder = (live: StageRow[]) => live.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);

const funnels = new WeakMap<OrgChanges, OrgCache<readonly StageRow[]>>();

/**
 * Every stage of the organisation (removed ones too), read by every board and deal write: kept per
 * instance until a stage changes (db/org-changes.ts), frozen because every caller shares it. Inside a
 * transaction it is always read afresh.
 */
function allStages(db: Db, orgId: string): Promise<readonly StageRow[]> {
  const changes = orgChangesOf(db);
  if (!changes) return everyStage(db, orgId);
  let cache = funnels.get(changes);
  if (!cache) funnels.set(changes, (cache = new OrgCache(changes, { ttlMs: 60_000, max: 1_000 })));
  return cache.get(orgId, 'stages', async () =>
    Object.freeze((await everyStage(db, orgId)).map((s) => Object.freeze(s))),
  );
}

/** The funnel's open stages in order, without the rest of the funnel's settings (the board's columns). */
export async function loadOpenStages(db: Db, orgId: string): Promise<StageRow[]> {
  return openInOrder((await allStages(db, orgId)).filter((s) => !s.removedAt));
}

export async function loadFunnel(db: Db, orgId: string): Promise<Funnel> {
  const [all, settings] = await bothReads(
    db,
    () => allStages(db, orgId),
    () => orgSettings(db, orgId),
  );
  const live = all.filter((s) => !s.removedAt);
  const open = openInOrder(live);
  const proposal = open.findIndex((s) => s.probability >= 50);
  return {
    byId: new Map(all.map((s) => [s.id, s])),
    open,
    won: live.find((s) => s.kind === 'won'),
    lost: live.find((s) => s.kind === 'lost'),
    proposalIndex: proposal < 0 ? Number.MAX_SAFE_INTEGER : proposal,
    staleDays: settings.staleDays,
    probabilityTolerance: settings.probabilityTolerance,
    timeZone: settings.timeZone,
  };
}

export function stageIndex(funnel: Funnel, stageId: string): number {
  const i = funnel.open.findIndex((s) => s.id === stageId);
  if (i >= 0) return i;
  return funnel.byId.get(stageId)?.kind === 'won' ? funnel.open.length : -1;
}

export interface Judgement {
  flags: RedFlag[];
  health: Health;
}

/** The judgement kept when the deal closed, while it stays closed. */
export function closingJudgement(o: Pick<OpportunityRow, 'status' | 'closingJudgement'>): Judgement | null {
  return o.status !== 'open' && o.closingJudgement ? (o.closingJudgement as Judgement) : null;
}

/** What a deal shows: its judgement as of closing once closed, else computed from its facts now. */
export function judgementOf(
  o: OpportunityRow,
  infl: Pick<InfluenceRow, 'roles' | 'mode' | 'rating' | 'coverage'>[],
  funnel: Funnel,
  now = new Date(),
): Judgement {
  return closingJudgement(o) ?? judge(o, infl, funnel, now);
}

export function judge(
  o: OpportunityRow,
  infl: Pick<InfluenceRow, 'roles' | 'mode' | 'rating' | 'coverage'>[],
  funnel: Funnel,
  now = new Date(),
): Judgement {
  const facts = {
    status: o.status as 'open' | 'won' | 'lost',
    expectedCloseDate: o.expectedCloseDate,
    probability: o.probability,
    stageProbability: funnel.byId.get(o.stageId)?.probability ?? o.probability,
    stageIndex: stageIndex(funnel, o.stageId),
    proposalStageIndex: funnel.proposalIndex,
    lastActivityAt: o.lastActivityAt,
    influences: infl.map((i) => ({
      roles: i.roles as BuyingRole[],
      mode: i.mode as ResponseMode | null,
      rating: i.rating,
      coverage: i.coverage as Coverage,
    })),
  };
  const flags = computeRedFlags(facts, {
    now,
    timeZone: funnel.timeZone,
    staleDays: funnel.staleDays,
    probabilityTolerance: funnel.probabilityTolerance,
  });
  return { flags, health: computeHealth(facts, flags) };
}
