import type { Db } from '../../db/client.ts';
import { activityTypesRepository, type ActivityTypeRow } from './repository.ts';
import { BUILTIN_TYPES } from './defaults.ts';
import { funnelStage, funnelStages, type StageRow } from '../stages/service.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { DEFAULT_STAGES } from '../../../core/funnel.ts';
import type { ActivityType, ActivityTypeCreate, ActivityTypeUpdate } from '../../../core/schemas/activities.ts';

export const presentActivityType = (t: ActivityTypeRow): ActivityType => ({
  key: t.key,
  name: t.name,
  nameEn: t.nameEn,
  stageId: t.stageId,
  builtin: t.builtin,
  active: t.active,
  position: t.position,
  version: t.version,
});

/**
 * The org's stage for a default-funnel stage: by its default name (zh or en) first, so a reordered
 * funnel still maps right; then by the same place among open stages; signing goes to the won stage.
 */
function stageFor(live: StageRow[], index: number): string | null {
  const template = DEFAULT_STAGES[index];
  if (!template) return null;
  if (template.kind !== 'open') return live.find((s) => s.kind === template.kind)?.id ?? null;
  const open = live.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  return (open.find((s) => s.name === template.name || s.nameEn === template.nameEn) ?? open[index])?.id ?? null;
}

/** Gives an organisation the built-in activity types it lacks; existing ones keep their edits. */
export async function seedActivityTypes(db: Db, orgId: string) {
  const live = await funnelStages(db, orgId);
  await activityTypesRepository(db).insertMissing(
    BUILTIN_TYPES.map((t, position) => ({
      orgId,
      key: t.key,
      name: t.name,
      nameEn: t.nameEn,
      stageId: t.stage === null ? null : stageFor(live, t.stage),
      builtin: true,
      position,
    })),
  );
}

/** At start-up: organisations created before activities existed get the built-ins too. */
export async function ensureActivityTypes(db: Db) {
  for (const orgId of await activityTypesRepository(db).orgsMissingBuiltins()) await seedActivityTypes(db, orgId);
}

/** The type an activity may use: known and active, else 400 on `type`. */
export async function requireActiveType(db: Db, orgId: string, key: string) {
  const t = await activityTypesRepository(db).get(orgId, key);
  if (!t || !t.active) throw fieldError('type', 'unknown_activity_type');
  return t;
}

export function activityTypesService(db: Db) {
  const repo = activityTypesRepository(db);

  async function checkStage(tx: Db, orgId: string, stageId: string | null | undefined) {
    if (stageId && !(await funnelStage(tx, orgId, stageId))) throw fieldError('stageId', 'unknown_stage');
  }

  async function get(orgId: string, key: string) {
    const row = await repo.get(orgId, key);
    if (!row) throw notFound();
    return presentActivityType(row);
  }

  return {
    list: async (actor: Actor) => ({ items: (await repo.list(actor.orgId)).map(presentActivityType) }),

    async create(actor: Actor, input: ActivityTypeCreate): Promise<ActivityType> {
      assertCan(actor, 'create', 'activityType');
      await db.transaction(async (tx) => {
        const r = activityTypesRepository(tx);
        if (await r.get(actor.orgId, input.key)) throw fieldError('key', 'activity_type_taken');
        await checkStage(tx, actor.orgId, input.stageId);
        await r.insertMissing([
          {
            orgId: actor.orgId,
            key: input.key,
            name: input.name.trim(),
            nameEn: input.nameEn ?? null,
            stageId: input.stageId ?? null,
            position: await r.nextPosition(actor.orgId),
          },
        ]);
      });
      return get(actor.orgId, input.key);
    },

    /** Built-ins too can be renamed, remapped to another stage or deactivated. */
    async update(actor: Actor, key: string, input: ActivityTypeUpdate): Promise<ActivityType> {
      assertCan(actor, 'update', 'activityType');
      await db.transaction(async (tx) => {
        const r = activityTypesRepository(tx);
        if (!(await r.lock(actor.orgId, key))) throw notFound();
        await checkStage(tx, actor.orgId, input.stageId);
        const { version, ...patch } = input;
        if (patch.name !== undefined) patch.name = patch.name.trim();
        if (!(await r.update(actor.orgId, key, version, patch))) throw staleVersion();
      });
      return get(actor.orgId, key);
    },

    /** Only admin-added types that no activity uses; built-ins and used types are deactivated instead. */
    async remove(actor: Actor, key: string) {
      assertCan(actor, 'delete', 'activityType');
      await db.transaction(async (tx) => {
        const r = activityTypesRepository(tx);
        const current = await r.lock(actor.orgId, key);
        if (!current) throw notFound();
        if (current.builtin) throw new AppError(409, 'builtin_activity_type');
        if (await r.inUse(actor.orgId, key)) throw new AppError(409, 'activity_type_in_use');
        await r.remove(actor.orgId, key);
      });
    },
  };
}
