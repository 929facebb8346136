import type { Db } from '../../db/client.ts';
import { competitorsRepository, type CompetitorRow, type NewCompetitor } from './repository.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Competitor, CompetitorCreate, CompetitorUpdate } from '../../../core/schemas/catalog.ts';

export const presentCompetitor = (c: CompetitorRow): Competitor => ({
  id: c.id,
  name: c.name,
  strengths: c.strengths,
  weaknesses: c.weaknesses,
  pricePosition: c.pricePosition as Competitor['pricePosition'],
  version: c.version,
});

/** Blank free text is stored as null so "no notes" has one spelling. */
const textOrNull = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

export function competitorsService(db: Db) {
  const repo = competitorsRepository(db);

  async function get(actor: Actor, id: string) {
    const c = await repo.get(actor.orgId, id);
    if (!c) throw notFound();
    return presentCompetitor(c);
  }

  return {
    get,
    list: async (actor: Actor) => ({ items: (await repo.list(actor.orgId)).map(presentCompetitor) }),

    async create(actor: Actor, input: CompetitorCreate) {
      assertCan(actor, 'create', 'competitor');
      const id = newId();
      await repo.insert({
        orgId: actor.orgId,
        id,
        name: input.name.trim(),
        strengths: textOrNull(input.strengths),
        weaknesses: textOrNull(input.weaknesses),
        pricePosition: input.pricePosition ?? null,
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: CompetitorUpdate) {
      assertCan(actor, 'update', 'competitor');
      await db.transaction(async (tx) => {
        const r = competitorsRepository(tx);
        const current = await r.lockForWrite(actor.orgId, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const patch: Partial<NewCompetitor> = {};
        if (input.name !== undefined) patch.name = input.name.trim();
        if (input.strengths !== undefined) patch.strengths = textOrNull(input.strengths);
        if (input.weaknesses !== undefined) patch.weaknesses = textOrNull(input.weaknesses);
        if (input.pricePosition !== undefined) patch.pricePosition = input.pricePosition;
        if (!(await r.update(actor.orgId, id, input.version, patch))) throw staleVersion();
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'competitor');
      await db.transaction(async (tx) => {
        const r = competitorsRepository(tx);
        if (!(await r.lockForWrite(actor.orgId, id))) throw notFound();
        // Deal competition and influencer preferences cascade, but who beat us on a lost deal is
        // history we keep: refuse rather than let the foreign key answer a bare 400.
        if (await r.wonDeals(actor.orgId, id)) throw new AppError(409, 'competitor_in_use');
        await r.remove(actor.orgId, id);
      });
    },
  };
}
