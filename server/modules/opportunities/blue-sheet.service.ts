// The Blue Sheet's editable parts: buying influences, manual red flags and strengths, competition.
// Every change re-judges the deal, so its stored health and red flags are never stale.
import type { Db } from '../../db/client.ts';
import { opportunitiesRepository } from './repository.ts';
import { blueSheetRepository } from './blue-sheet.repository.ts';
import { contactAccountId, contactsService, orgUserExists } from '../contacts/service.ts';
import { opportunitiesService } from './service.ts';
import { presentInfluence } from './present.ts';
import { fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type {
  DealCompetitorsPut,
  DealNote,
  Influence,
  InfluenceCreate,
  InfluenceUpdate,
} from '../../../core/schemas/deals.ts';

export function blueSheetService(db: Db) {
  const sheet = blueSheetRepository(db);

  /** Locks the deal for a Blue Sheet change; out of scope reads as 404. */
  async function lockDeal(tx: Db, actor: Actor, opportunityId: string) {
    assertCan(actor, 'update', 'deal');
    const deal = await opportunitiesRepository(tx).lockForWrite(actor, opportunityId);
    if (!deal) throw notFound();
    return deal;
  }

  async function checkRefs(tx: Db, actor: Actor, input: Partial<InfluenceCreate>) {
    if (input.counterpartId && !(await orgUserExists(tx, actor.orgId, input.counterpartId)))
      throw fieldError('counterpartId', 'unknown_user');
    if (
      input.preferredCompetitorId &&
      !(await blueSheetRepository(tx).knownCompetitors(actor.orgId, [input.preferredCompetitorId])).has(
        input.preferredCompetitorId,
      )
    ) {
      throw fieldError('preferredCompetitorId', 'unknown_competitor');
    }
  }

  async function influenceView(actor: Actor, opportunityId: string, id: string): Promise<Influence> {
    const row = (await sheet.influences(actor.orgId, [opportunityId])).find((i) => i.i.id === id);
    if (!row) throw notFound();
    return presentInfluence(row);
  }

  return {
    async addInfluence(actor: Actor, opportunityId: string, input: InfluenceCreate): Promise<Influence> {
      const id = newId();
      await db.transaction(async (tx) => {
        const deal = await lockDeal(tx, actor, opportunityId);
        const r = blueSheetRepository(tx);
        if (!!input.contactId === !!input.newContact) throw fieldError('contactId', 'contact_or_new');
        let contactId = input.contactId;
        if (contactId) {
          const accountId = await contactAccountId(tx, actor.orgId, contactId);
          if (!accountId) throw fieldError('contactId', 'unknown_contact');
          if (accountId !== deal.accountId) throw fieldError('contactId', 'other_account_contact');
          if (await r.hasContact(actor.orgId, opportunityId, contactId))
            throw fieldError('contactId', 'duplicate_influence');
        } else if (input.newContact) {
          contactId = (await contactsService(tx).create(actor, { accountId: deal.accountId, ...input.newContact })).id;
        }
        await checkRefs(tx, actor, input);
        const { contactId: _c, newContact: _n, ...fields } = input;
        await r.insertInfluence({
          ...fields,
          roles: [...new Set(fields.roles ?? [])],
          orgId: actor.orgId,
          id,
          opportunityId,
          contactId: contactId!,
        });
        await opportunitiesService(tx).rejudge(tx, actor.orgId, opportunityId);
      });
      return influenceView(actor, opportunityId, id);
    },

    async updateInfluence(actor: Actor, opportunityId: string, id: string, input: InfluenceUpdate): Promise<Influence> {
      await db.transaction(async (tx) => {
        await lockDeal(tx, actor, opportunityId);
        const r = blueSheetRepository(tx);
        const current = await r.influence(actor.orgId, opportunityId, id);
        if (!current) throw notFound();
        await checkRefs(tx, actor, input);
        const { version, ...patch } = input;
        if (patch.roles) patch.roles = [...new Set(patch.roles)];
        if (!(await r.updateInfluence(actor.orgId, id, version, patch))) throw staleVersion();
        await opportunitiesService(tx).rejudge(tx, actor.orgId, opportunityId);
      });
      return influenceView(actor, opportunityId, id);
    },

    async removeInfluence(actor: Actor, opportunityId: string, id: string) {
      await db.transaction(async (tx) => {
        await lockDeal(tx, actor, opportunityId);
        const r = blueSheetRepository(tx);
        if (!(await r.influence(actor.orgId, opportunityId, id))) throw notFound();
        await r.removeInfluence(actor.orgId, id);
        await opportunitiesService(tx).rejudge(tx, actor.orgId, opportunityId);
      });
    },

    async addNote(
      actor: Actor,
      opportunityId: string,
      input: { kind: DealNote['kind']; text: string },
    ): Promise<DealNote> {
      const id = newId();
      await db.transaction(async (tx) => {
        await lockDeal(tx, actor, opportunityId);
        await blueSheetRepository(tx).insertNote({
          orgId: actor.orgId,
          id,
          opportunityId,
          kind: input.kind,
          text: input.text.trim(),
          createdBy: actor.userId,
        });
      });
      const note = (await sheet.notes(actor.orgId, opportunityId)).find((n) => n.n.id === id)!;
      return {
        id,
        kind: input.kind,
        text: note.n.text,
        createdByName: note.createdByName,
        createdAt: note.n.createdAt.toISOString(),
      };
    },

    async removeNote(actor: Actor, opportunityId: string, id: string) {
      await db.transaction(async (tx) => {
        await lockDeal(tx, actor, opportunityId);
        if (!(await blueSheetRepository(tx).removeNote(actor.orgId, opportunityId, id))) throw notFound();
      });
    },

    async setCompetitors(actor: Actor, opportunityId: string, input: DealCompetitorsPut) {
      await db.transaction(async (tx) => {
        await lockDeal(tx, actor, opportunityId);
        const r = blueSheetRepository(tx);
        const ids = input.competitors.map((c) => c.competitorId);
        const known = await r.knownCompetitors(actor.orgId, ids);
        const bad = ids.findIndex((c) => !known.has(c));
        if (bad >= 0) throw fieldError(`competitors.${bad}.competitorId`, 'unknown_competitor');
        const unique = [...new Map(input.competitors.map((c) => [c.competitorId, c])).values()];
        await r.replaceCompetitors(
          actor.orgId,
          opportunityId,
          unique.map((c) => ({ ...c, orgId: actor.orgId, opportunityId })),
        );
      });
      return opportunitiesService(db).detail(actor, opportunityId);
    },
  };
}
