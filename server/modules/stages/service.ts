import type { Db } from '../../db/client.ts';
import { stagesRepository, type StageRow } from './repository.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { DEFAULT_STAGES } from '../../../core/funnel.ts';
import type { Stage, StageCreate, StageUpdate } from '../../../core/schemas/catalog.ts';

export const presentStage = (s: StageRow): Stage => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  position: s.position,
  probability: s.probability,
  kind: s.kind as Stage['kind'],
  forecastCategory: s.forecastCategory as Stage['forecastCategory'],
  exitCriteria: (s.exitCriteria as Stage['exitCriteria']).map((c) => ({
    id: c.id,
    label: c.label,
    labelEn: c.labelEn ?? null,
  })),
  version: s.version,
});

/**
 * Gives an organisation the course's default funnel (at set-up, and at start-up for older orgs).
 * The built-in activity types are mapped onto it afterwards (activity-types' seedActivityTypes).
 */
export async function insertDefaultStages(db: Db, orgId: string) {
  await stagesRepository(db).insert(
    DEFAULT_STAGES.map((s, i) => ({ orgId, id: newId(), ...s, position: s.kind === 'open' ? i : 100 + i })),
  );
}

export async function ensureDefaultStages(db: Db) {
  for (const orgId of await stagesRepository(db).orgsWithoutStages()) await insertDefaultStages(db, orgId);
}

// ---- For other modules: the funnel as stored (never through the repository) ----

export type { StageRow };

/** The funnel in order: open stages by position, then won, then lost (removed ones left out). */
export const funnelStages = (db: Db, orgId: string) => stagesRepository(db).list(orgId);

/** Every stage including removed ones, for names in old deals' history. */
export const everyStage = (db: Db, orgId: string) => stagesRepository(db).all(orgId);

/** A stage of the funnel (not removed), if it is the organisation's. */
export const funnelStage = (db: Db, orgId: string, id: string) => stagesRepository(db).get(orgId, id);

export function stagesService(db: Db) {
  const repo = stagesRepository(db);

  /** Renumbers open stages 0..n-1 in the given order. */
  async function renumber(r: ReturnType<typeof stagesRepository>, orgId: string, ids: string[]) {
    for (const [i, id] of ids.entries()) await r.setPosition(orgId, id, i);
  }

  async function list(actor: Actor) {
    return { items: (await repo.list(actor.orgId)).map(presentStage) };
  }

  return {
    list,

    async create(actor: Actor, input: StageCreate) {
      assertCan(actor, 'create', 'stage');
      const id = newId();
      const kind = input.kind ?? 'open';
      await db.transaction(async (tx) => {
        const r = stagesRepository(tx);
        const current = await r.list(actor.orgId);
        if (kind !== 'open' && current.some((s) => s.kind === kind)) throw fieldError('kind', 'invalid');
        const open = current.filter((s) => s.kind === 'open').map((s) => s.id);
        const at = Math.min(input.position ?? open.length, open.length);
        await r.insert([
          {
            orgId: actor.orgId,
            id,
            name: input.name.trim(),
            nameEn: input.nameEn ?? null,
            probability: input.probability,
            kind,
            forecastCategory:
              input.forecastCategory ?? (kind === 'won' ? 'closed' : kind === 'lost' ? 'omitted' : 'pipeline'),
            exitCriteria: input.exitCriteria ?? [],
            position: kind === 'open' ? at : 100,
          },
        ]);
        if (kind === 'open') await renumber(r, actor.orgId, [...open.slice(0, at), id, ...open.slice(at)]);
      });
      return presentStage((await repo.get(actor.orgId, id))!);
    },

    async update(actor: Actor, id: string, input: StageUpdate) {
      assertCan(actor, 'update', 'stage');
      const current = await repo.get(actor.orgId, id);
      if (!current) throw notFound();
      const { version, ...patch } = input;
      if (!(await repo.update(actor.orgId, id, version, patch))) throw staleVersion();
      return presentStage((await repo.get(actor.orgId, id))!);
    },

    /** Removes a stage from the funnel; deals that passed through it keep their history. */
    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'stage');
      await db.transaction(async (tx) => {
        const r = stagesRepository(tx);
        const current = await r.get(actor.orgId, id);
        if (!current) throw notFound();
        if (current.kind !== 'open') throw new AppError(409, 'stage_required');
        if ((await r.openDealsIn(actor.orgId, id)) > 0) throw new AppError(409, 'stage_in_use');
        const open = (await r.list(actor.orgId)).filter((s) => s.kind === 'open');
        if (open.length <= 1) throw new AppError(409, 'stage_required');
        await r.update(actor.orgId, id, current.version, { removedAt: new Date() });
        await renumber(
          r,
          actor.orgId,
          open.filter((s) => s.id !== id).map((s) => s.id),
        );
      });
    },

    async reorder(actor: Actor, ids: string[]) {
      assertCan(actor, 'update', 'stage');
      await db.transaction(async (tx) => {
        const r = stagesRepository(tx);
        const open = (await r.list(actor.orgId)).filter((s) => s.kind === 'open').map((s) => s.id);
        const same =
          ids.length === open.length && new Set(ids).size === ids.length && ids.every((i) => open.includes(i));
        if (!same) throw fieldError('ids', 'stage_order');
        await renumber(r, actor.orgId, ids);
      });
      return list(actor);
    },
  };
}
