import type { Db } from '../../db/client.ts';
import { dealNameKey } from '../../db/duplicate-keys.ts';
import { assertNoDuplicateDeal, dealDuplicates } from './duplicates.ts';
import { opportunitiesRepository, type NewOpportunity } from './repository.ts';
import { blueSheetRepository } from './blue-sheet.repository.ts';
import { visibleAccount } from '../accounts/service.ts';
import { historyWriter } from '../../kernel/history.ts';
import { historyOf } from '../history/service.ts';
import { moveToBin } from '../../db/trash.ts';
import { scheduleAfterSales } from './after-sales.ts';
import { applyStage, checkItems, checkRefs, rejudge } from './write-rules.ts';
import { judgementOf, loadFunnel, loadOpenStages } from './judgement.ts';
import { presentHealthParts, presentInfluence, presentItem, presentListItem, presentOpportunity } from './present.ts';
import { fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { keysetPage } from '../../lib/cursor.ts';
import { searchDocument, searchQuery } from '../../../core/search.ts';
import { diffFields, initialFields } from '../../../core/diff.ts';
import { DAY_MS, localDate } from '../../../core/time.ts';
import type {
  Board,
  BoardQuery,
  OpportunityCreate,
  OpportunityDetail,
  OpportunityDuplicatesQuery,
  OpportunityListQuery,
  OpportunityUpdate,
  OpportunityListItem,
} from '../../../core/schemas/deals.ts';
import type { DuplicateMatches, ListSummary, PageOf } from '../../../core/schemas/common.ts';

const HISTORY_IGNORED = [
  'version',
  'searchGrams',
  'searchText',
  'updatedAt',
  'health',
  'redFlagCodes',
  'closingJudgement',
  'criteriaDone',
  'stageEnteredAt',
] as const;

export function opportunitiesService(db: Db) {
  const repo = opportunitiesRepository(db);
  const sheet = blueSheetRepository(db);

  async function detail(actor: Actor, id: string): Promise<OpportunityDetail> {
    const row = await repo.get(actor, id);
    if (!row) throw notFound();
    const funnel = await loadFunnel(db, actor.orgId);
    const [items, infl, notes, comps, history] = await Promise.all([
      repo.items(actor.orgId, [id]),
      sheet.influences(actor.orgId, [id]),
      sheet.notes(actor.orgId, id),
      sheet.dealCompetitors(actor.orgId, id),
      repo.stageHistory(actor.orgId, id),
    ]);
    const j = judgementOf(
      row.o,
      infl.map((i) => i.i),
      funnel,
    );
    const stage = funnel.byId.get(row.o.stageId);
    const done = (row.o.criteriaDone as Record<string, string[]>)[row.o.stageId] ?? [];
    // Stage names in the reader's language (the English name, when the stage has one).
    const name = (stageId: string | null) => {
      const s = stageId ? funnel.byId.get(stageId) : undefined;
      return s ? (actor.lang === 'en' && s.nameEn ? s.nameEn : s.name) : null;
    };
    return {
      ...presentOpportunity(row, j, actor.lang),
      items: items.map(presentItem),
      influences: infl.map(presentInfluence),
      notes: notes.map(({ n, createdByName }) => ({
        id: n.id,
        kind: n.kind as 'red_flag' | 'strength',
        text: n.text,
        createdByName,
        createdAt: n.createdAt.toISOString(),
      })),
      competitors: comps.map(({ c, name: compName }) => ({
        competitorId: c.competitorId,
        name: compName,
        position: c.position as 'ahead' | 'even' | 'behind',
        ourAdvantages: c.ourAdvantages,
        notes: c.notes,
        preferredBy: infl
          .filter((i) => i.i.preferredCompetitorId === c.competitorId)
          .map((i) => ({ influenceId: i.i.id, contactName: i.contactName })),
      })),
      stageHistory: history.map(({ h, actorName }, k) => ({
        id: h.id,
        fromStageId: h.fromStageId,
        fromStageName: name(h.fromStageId),
        toStageId: h.toStageId,
        toStageName: name(h.toStageId) ?? '',
        at: h.at.toISOString(),
        actorName,
        unmetCriteria: h.unmetCriteria as string[],
        daysInFromStage: k > 0 ? Math.floor((h.at.getTime() - history[k - 1].h.at.getTime()) / DAY_MS) : null,
      })),
      healthParts: presentHealthParts(j, actor.lang),
      criteria: ((stage?.exitCriteria ?? []) as { id: string; label: string; labelEn?: string | null }[]).map((c) => ({
        id: c.id,
        label: actor.lang === 'en' && c.labelEn ? c.labelEn : c.label,
        done: done.includes(c.id),
      })),
    };
  }

  return {
    detail,
    rejudge,

    /**
     * The scheduled pass: a close date passing or activity going quiet changes a deal's red flags
     * without anyone editing it, so the stored health used by filters and the board is refreshed.
     * Deals closed before closing judgements were kept are frozen as they stand.
     */
    async rejudgeDue(now = new Date(), batch = 500) {
      let total = 0;
      for (const orgId of await repo.orgIds()) {
        const funnel = await loadFunnel(db, orgId);
        const staleBefore = new Date(now.getTime() - funnel.staleDays * DAY_MS);
        const passes = [
          () => repo.dueForRejudgement(orgId, localDate(now, funnel.timeZone), staleBefore, batch),
          () => repo.unfrozenClosed(orgId, batch),
        ];
        for (const dueNow of passes) {
          const seen = new Set<string>();
          for (;;) {
            const due = (await dueNow()).filter((d) => !seen.has(d.id));
            for (const { id } of due) {
              seen.add(id);
              await rejudge(db, orgId, id, funnel, now);
            }
            total += due.length;
            if (due.length === 0) break;
          }
        }
      }
      return total;
    },

    async list(actor: Actor, query: OpportunityListQuery): Promise<PageOf<OpportunityListItem>> {
      const key = (query.sort ?? '-updatedAt').replace('-', '') as
        | 'updatedAt'
        | 'amount'
        | 'expectedCloseDate'
        | 'name'
        | 'health';
      const { rows, nextCursor } = await keysetPage(
        query,
        (args) => repo.list(actor, { query, ...args }),
        (o) => [
          key === 'updatedAt'
            ? o.updatedAt.toISOString()
            : key === 'expectedCloseDate'
              ? (o.expectedCloseDate ?? '9999-12-31')
              : o[key],
          o.id,
        ],
      );
      return { items: rows.map(presentListItem), nextCursor };
    },

    /** The list's totals for the same filter: every match in scope, not the page. */
    summary: (actor: Actor, query: OpportunityListQuery): Promise<ListSummary> =>
      repo.summary(actor, query, query.q ? searchQuery(query.q) : null),

    /** 撞单 while a form is typed: open deals of the account with this name. */
    async duplicates(actor: Actor, query: OpportunityDuplicatesQuery): Promise<DuplicateMatches> {
      if (!(await visibleAccount(db, actor, query.accountId))) throw fieldError('accountId', 'unknown_account');
      return { matches: await dealDuplicates(db, actor, query) };
    },

    async create(actor: Actor, input: OpportunityCreate): Promise<OpportunityDetail> {
      assertCan(actor, 'create', 'deal');
      const id = newId();
      await db.transaction(async (tx) => {
        const r = opportunitiesRepository(tx);
        if (!(await visibleAccount(tx, actor, input.accountId))) throw fieldError('accountId', 'unknown_account');
        await checkRefs(tx, actor, input);
        const funnel = await loadFunnel(tx, actor.orgId);
        const { patch, stage } = applyStage(funnel, null, input);
        if (stage.kind === 'open' && !input.allowDuplicate)
          await assertNoDuplicateDeal(tx, actor, { accountId: input.accountId, name: input.name });
        const items = input.items ? await checkItems(r, actor, id, input.items) : null;
        const { items: _i, confirmUnmetCriteria: _c, allowDuplicate: _d, ...fields } = input;
        const now = new Date();
        const row: NewOpportunity = {
          ...fields,
          ...patch,
          name: input.name.trim(),
          amount: input.amount ?? items?.sum ?? '0.00',
          ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
          stageId: stage.id,
          probability: patch.probability ?? stage.probability,
          forecastCategory: patch.forecastCategory ?? stage.forecastCategory,
          orgId: actor.orgId,
          id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          ...searchColumns(input.name.trim()),
        };
        await r.insert(row);
        if (items) await r.replaceItems(actor.orgId, id, items.rows);
        await r.recordStageChange({
          orgId: actor.orgId,
          id: newId(),
          opportunityId: id,
          fromStageId: null,
          toStageId: stage.id,
          actorId: actor.userId,
        });
        const { orgId: _o, id: _id, createdBy: _cb, createdAt: _ca, ...logged } = row;
        await historyWriter(tx).record(
          actor.orgId,
          'opportunity',
          id,
          'create',
          actor.userId,
          initialFields(logged, HISTORY_IGNORED),
        );
        await rejudge(tx, actor.orgId, id, funnel);
        if (stage.kind === 'won') await scheduleAfterSales(tx, actor.orgId, id);
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, input: OpportunityUpdate): Promise<OpportunityDetail> {
      assertCan(actor, 'update', 'deal');
      await db.transaction(async (tx) => {
        const r = opportunitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        await checkRefs(tx, actor, input);
        const funnel = await loadFunnel(tx, actor.orgId);
        const { patch: stagePatch, stage, moved, unmet } = applyStage(funnel, current, input);
        const {
          version,
          items: itemInput,
          confirmUnmetCriteria: _c,
          stageId: _s,
          probability: _p,
          probabilityReason: _pr,
          forecastCategory: _f,
          allowDuplicate,
          ...fields
        } = input;
        // A rename of a deal that stays open is checked (撞单); a name it already shared before is kept.
        if (
          fields.name !== undefined &&
          dealNameKey(fields.name) !== current.nameKey &&
          stage.kind === 'open' &&
          !allowDuplicate
        )
          await assertNoDuplicateDeal(tx, actor, { accountId: current.accountId, name: fields.name, excludeId: id });
        const patch: Partial<NewOpportunity> = { ...fields, ...stagePatch };
        if (fields.name !== undefined)
          Object.assign(patch, { name: fields.name.trim() }, searchColumns(fields.name.trim()));
        if (itemInput) {
          const items = await checkItems(r, actor, id, itemInput);
          await r.replaceItems(actor.orgId, id, items.rows);
          if (input.amount === undefined) patch.amount = items.sum;
        }
        const changes = diffFields(current, patch, HISTORY_IGNORED);
        if (!changes.length && !itemInput) return;
        if (!(await r.update(actor.orgId, id, version, patch))) throw staleVersion();
        if (moved)
          await r.recordStageChange({
            orgId: actor.orgId,
            id: newId(),
            opportunityId: id,
            fromStageId: current.stageId,
            toStageId: stage.id,
            actorId: actor.userId,
            unmetCriteria: unmet,
          });
        await historyWriter(tx).record(
          actor.orgId,
          'opportunity',
          id,
          'update',
          actor.userId,
          itemInput ? [...changes, { field: 'items', old: null, new: itemInput.length }] : changes,
        );
        await rejudge(tx, actor.orgId, id, funnel);
        if (moved && stage.kind === 'won' && current.status !== 'won') await scheduleAfterSales(tx, actor.orgId, id);
      });
      return detail(actor, id);
    },

    async setCriteria(actor: Actor, id: string, version: number, doneIds: string[]) {
      assertCan(actor, 'update', 'deal');
      await db.transaction(async (tx) => {
        const r = opportunitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        if (current.version !== version) throw staleVersion();
        const stage = (await loadFunnel(tx, actor.orgId)).byId.get(current.stageId);
        const known = ((stage?.exitCriteria ?? []) as { id: string }[]).map((c) => c.id);
        const bad = doneIds.findIndex((d) => !known.includes(d));
        if (bad >= 0) throw fieldError(`done.${bad}`, 'invalid');
        const criteriaDone = {
          ...(current.criteriaDone as Record<string, string[]>),
          [current.stageId]: [...new Set(doneIds)],
        };
        await r.update(actor.orgId, id, version, { criteriaDone });
      });
      return detail(actor, id);
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'deal');
      await db.transaction(async (tx) => {
        const r = opportunitiesRepository(tx);
        const current = await r.lockForWrite(actor, id);
        if (!current) throw notFound();
        // Won and lost deals are the win/loss history: a rep may not delete them (403 closed_deal_delete).
        assertCan(actor, 'delete', { entity: 'deal', status: current.status });
        await moveToBin(tx, actor.orgId, actor.userId, 'opportunity', id, {
          name: current.name,
          accountId: current.accountId,
          amount: current.amount,
          ownerId: current.ownerId,
        });
        await historyWriter(tx).record(actor.orgId, 'opportunity', id, 'delete', actor.userId, [
          { field: 'name', old: current.name, new: null },
        ]);
      });
    },

    async history(actor: Actor, id: string) {
      if (!(await repo.get(actor, id))) throw notFound();
      return historyOf(db, actor.orgId, 'opportunity', id);
    },

    async board(actor: Actor, q: BoardQuery): Promise<Board> {
      const open = await loadOpenStages(db, actor.orgId);
      const [totals, cards] = await Promise.all([
        repo.boardTotals(actor, q),
        repo.boardCards(
          actor,
          q,
          open.map((s) => s.id),
          q.limit ?? 30,
        ),
      ]);
      return {
        columns: open.map((s) => {
          const t = totals.find((x) => x.stageId === s.id);
          return {
            stage: { id: s.id, name: s.name, nameEn: s.nameEn, probability: s.probability },
            count: t?.count ?? 0,
            amount: t?.amount ?? '0.00',
            weightedAmount: t?.weighted ?? '0.00',
            items: cards.filter((c) => c.stageId === s.id),
          };
        }),
      };
    },
  };
}

function searchColumns(name: string) {
  const doc = searchDocument([name]);
  return { searchGrams: doc.grams, searchText: doc.text };
}

// ---- For other modules: what they read of deals (never through the repository) ----

/** The deal, if the caller may see it. */
export const visibleDeal = (db: Db, actor: Actor, id: string) => opportunitiesRepository(db).get(actor, id);

/** Open deals in the caller's scope per stage (count, amount, weighted), as the board's columns sum them. */
export const stageTotals = (db: Db, actor: Actor, q: BoardQuery) => opportunitiesRepository(db).boardTotals(actor, q);
