import type { Db } from '../../db/client.ts';
import { teamsRepository } from './repository.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Team, TeamCreate, TeamUpdate } from '../../../core/schemas/org.ts';

type TeamRow = NonNullable<Awaited<ReturnType<ReturnType<typeof teamsRepository>['get']>>>;

const present = (t: TeamRow): Team => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export function teamsService(db: Db) {
  const repo = teamsRepository(db);

  async function get(actor: Actor, id: string) {
    const t = await repo.get(actor.orgId, id);
    if (!t) throw notFound();
    return present(t);
  }

  return {
    get,
    list: async (actor: Actor) => ({ items: (await repo.list(actor.orgId)).map(present) }),

    async create(actor: Actor, input: TeamCreate) {
      assertCan(actor, 'create', 'team');
      if (input.parentId && !(await repo.get(actor.orgId, input.parentId)))
        throw fieldError('parentId', 'unknown_team');
      const id = newId();
      await repo.insert({ orgId: actor.orgId, id, name: input.name.trim(), parentId: input.parentId ?? null });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: TeamUpdate) {
      assertCan(actor, 'update', 'team');
      await db.transaction(async (tx) => {
        const r = teamsRepository(tx);
        const current = await r.get(actor.orgId, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        if (input.parentId) {
          if (!(await r.get(actor.orgId, input.parentId))) throw fieldError('parentId', 'unknown_team');
          if ((await r.subtree(actor.orgId, id)).includes(input.parentId)) throw fieldError('parentId', 'cycle');
        }
        const ok = await r.update(actor.orgId, id, input.version, {
          name: input.name?.trim(),
          parentId: input.parentId,
        });
        if (!ok) throw staleVersion();
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      assertCan(actor, 'delete', 'team');
      await db.transaction(async (tx) => {
        const r = teamsRepository(tx);
        if (!(await r.get(actor.orgId, id))) throw notFound();
        if (await r.hasChildrenOrMembers(actor.orgId, id)) throw new AppError(409, 'team_not_empty');
        await r.remove(actor.orgId, id);
      });
    },
  };
}

/** For other modules' team filters: the team's and its sub-teams' members; null for an unknown team. */
export const teamMembers = (db: Db, orgId: string, teamId: string) => teamsRepository(db).teamMembers(orgId, teamId);
