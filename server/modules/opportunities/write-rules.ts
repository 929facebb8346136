// The rules a deal's write obeys, shared by its create and update (service.ts) and the import
// (import.ts): the stage move with its probability, category and exit criteria; line items priced from
// the catalogue; the references a rep may set; the health and red flags judged again afterwards.
import type { Db } from '../../db/client.ts';
import { opportunitiesRepository, type NewOpportunity, type OpportunityRow } from './repository.ts';
import { blueSheetRepository } from './blue-sheet.repository.ts';
import { activeUserIds } from '../accounts/service.ts';
import { closingJudgement, judge, loadFunnel, stageIndex, type Funnel } from './judgement.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import { dealListValues } from './lists.ts';
import { userInScope, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { fromCents, lineTotal, toCents } from '../../../core/funnel.ts';
import type { OpportunityCreate, OpportunityUpdate } from '../../../core/schemas/deals.ts';

type Repo = ReturnType<typeof opportunitiesRepository>;

/**
 * Recomputes and stores a deal's health and red-flag codes after any change to it. A deal judged
 * since it closed keeps that judgement: later edits and time do not move a won or lost deal. A
 * closed deal without one (it just closed, or closed before they were kept) is judged and frozen.
 */
export async function rejudge(tx: Db, orgId: string, id: string, funnel?: Funnel, now = new Date()) {
  const r = opportunitiesRepository(tx);
  const row = await r.row(orgId, id);
  if (!row || closingJudgement(row)) return;
  const infl = await blueSheetRepository(tx).influences(orgId, [id]);
  const j = judge(
    row,
    infl.map((i) => i.i),
    funnel ?? (await loadFunnel(tx, orgId)),
    now,
  );
  await r.setJudgement(
    orgId,
    id,
    j.health.score,
    j.flags.map((fl) => fl.code),
    row.status === 'open' ? null : j,
  );
}

/** Line items: known products, list price by default; the amount is their sum unless given. */
export async function checkItems(
  r: Repo,
  actor: Actor,
  opportunityId: string,
  input: NonNullable<OpportunityCreate['items']>,
) {
  const known = new Map(
    (
      await r.products(
        actor.orgId,
        input.map((i) => i.productId),
      )
    ).map((p) => [p.id, p]),
  );
  let sum = 0n;
  const rows = input.map((item, position) => {
    const product = known.get(item.productId);
    if (!product) throw fieldError(`items.${position}.productId`, 'unknown_product');
    const price = item.price ?? product.listPrice;
    const discount = item.discount ?? '0';
    sum += toCents(lineTotal(item.quantity, price, discount));
    return {
      orgId: actor.orgId,
      id: newId(),
      opportunityId,
      productId: item.productId,
      quantity: item.quantity,
      price,
      discount,
      position,
    };
  });
  return { rows, sum: fromCents(sum) };
}

/**
 * Stage, status, probability and forecast category move together: a stage brings its default
 * probability and category; won/lost stages close the deal; an override needs a reason; moving
 * forward past unmet exit criteria needs confirmation, which is recorded.
 */
export function applyStage(funnel: Funnel, current: OpportunityRow | null, input: Partial<OpportunityUpdate>) {
  const stageId = input.stageId ?? current?.stageId ?? funnel.open[0]?.id;
  const stage = stageId ? funnel.byId.get(stageId) : undefined;
  if (!stage || stage.removedAt) throw fieldError('stageId', 'unknown_stage');
  const moved = !current || current.stageId !== stage.id;
  const patch: Partial<NewOpportunity> = {};
  let unmet: string[] = [];
  if (moved) {
    patch.stageId = stage.id;
    patch.stageEnteredAt = new Date();
    patch.status = stage.kind;
    patch.closedAt = stage.kind === 'open' ? null : new Date();
    // Judged again after the move: live when reopened, frozen anew when closed (won ↔ lost too).
    patch.closingJudgement = null;
    patch.forecastCategory = stage.forecastCategory;
    patch.probability = stage.probability;
    patch.probabilityReason = null;
    if (current && stageIndex(funnel, stage.id) > stageIndex(funnel, current.stageId)) {
      const from = funnel.byId.get(current.stageId);
      const done = (current.criteriaDone as Record<string, string[]>)[current.stageId] ?? [];
      unmet = ((from?.exitCriteria ?? []) as { id: string; label: string }[])
        .filter((c) => !done.includes(c.id))
        .map((c) => c.label);
      if (unmet.length && !input.confirmUnmetCriteria)
        throw new AppError(409, 'unmet_criteria', { criteria: unmet.join('、') });
    }
  }
  if (input.forecastCategory !== undefined && stage.kind === 'open') patch.forecastCategory = input.forecastCategory;
  if (input.probability !== undefined) patch.probability = input.probability;
  if (input.probabilityReason !== undefined) patch.probabilityReason = input.probabilityReason;
  const probability = patch.probability ?? current?.probability ?? stage.probability;
  const reason = patch.probabilityReason !== undefined ? patch.probabilityReason : current?.probabilityReason;
  if (probability !== stage.probability && !reason?.trim()) throw fieldError('probabilityReason', 'reason_required');
  return { patch, stage, moved, unmet };
}

/** Runs on the caller's transaction: PGlite has one connection, so a query outside it would wait forever. */
export async function checkRefs(tx: Db, actor: Actor, input: Partial<OpportunityCreate>) {
  // Free text outside the lists is kept as "其他：<text>"; written back into the input it is read from.
  Object.assign(input, await dealListValues(tx, actor.orgId, input));
  if (input.ownerId && !(await activeUserIds(tx, actor.orgId, [input.ownerId])).has(input.ownerId))
    throw fieldError('ownerId', 'unknown_user');
  if (input.ownerId && !userInScope(actor, input.ownerId)) throw fieldError('ownerId', 'unknown_user');
  if (
    input.wonByCompetitorId &&
    !(await blueSheetRepository(tx).knownCompetitors(actor.orgId, [input.wonByCompetitorId])).has(
      input.wonByCompetitorId,
    )
  ) {
    throw fieldError('wonByCompetitorId', 'unknown_competitor');
  }
}
