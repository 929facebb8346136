import type { Db } from '../../db/client.ts';
import { usersRepository, type NewUser } from './repository.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { assertStrongPassword } from '../../lib/password-strength.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { newId } from '../../lib/ids.ts';
import { DEFAULT_SCOPE_BY_ROLE, type Role } from '../../../core/enums.ts';
import type { User, UserCreate, UserUpdate } from '../../../core/schemas/org.ts';

type UserRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof usersRepository>['get']>>>;

export const presentUser = (u: UserRecord): User => ({
  ...u,
  role: u.role as User['role'],
  dataScope: u.dataScope as User['dataScope'],
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

/**
 * Creates a user inside an existing transaction; set-up and the demo seed use it too. The password's
 * strength is the caller's to check: the demo's documented `openkam123` is loaded without the check.
 */
export async function insertUser(db: Db, orgId: string, input: UserCreate): Promise<string> {
  const repo = usersRepository(db);
  const email = input.email.trim().toLowerCase();
  if (await repo.emailTaken(email)) throw fieldError('email', 'email_taken');
  if (input.teamId && !(await repo.teamExists(orgId, input.teamId))) throw fieldError('teamId', 'unknown_team');
  if (input.managerId && !(await repo.raw(orgId, input.managerId))) throw fieldError('managerId', 'unknown_user');
  const id = newId();
  const row: NewUser = {
    orgId,
    id,
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    dataScope: input.dataScope ?? DEFAULT_SCOPE_BY_ROLE[input.role],
    teamId: input.teamId ?? null,
    managerId: input.managerId ?? null,
  };
  await repo.insert(row);
  return id;
}

export function usersService(db: Db) {
  const repo = usersRepository(db);

  async function get(actor: Actor, id: string): Promise<User> {
    const u = await repo.get(actor.orgId, id);
    if (!u) throw notFound();
    return presentUser(u);
  }

  return {
    get,
    list: async (actor: Actor) => ({ items: (await repo.list(actor.orgId)).map(presentUser) }),

    async create(actor: Actor, input: UserCreate): Promise<User> {
      assertCan(actor, 'create', 'user');
      await assertStrongPassword('password', input.password, [input.email, input.name]);
      const id = await db.transaction((tx) => insertUser(tx, actor.orgId, input));
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
      assertCan(actor, 'update', 'user');
      await db.transaction(async (tx) => {
        const r = usersRepository(tx);
        const current = await r.raw(actor.orgId, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw staleVersion();
        const patch: Partial<NewUser> = {};
        if (input.email !== undefined) {
          const email = input.email.trim().toLowerCase();
          if (email !== current.email && (await r.emailTaken(email, id))) throw fieldError('email', 'email_taken');
          patch.email = email;
        }
        if (input.name !== undefined) patch.name = input.name.trim();
        if (input.password !== undefined) {
          await assertStrongPassword('password', input.password, [
            input.email ?? current.email,
            input.name ?? current.name,
          ]);
          patch.passwordHash = await hashPassword(input.password);
        }
        if (input.role !== undefined) {
          patch.role = input.role;
          // A role change brings the role's default scope unless one is given explicitly.
          if (input.dataScope === undefined && input.role !== current.role)
            patch.dataScope = DEFAULT_SCOPE_BY_ROLE[input.role as Role];
        }
        if (input.dataScope !== undefined) patch.dataScope = input.dataScope;
        if (input.teamId !== undefined) {
          if (input.teamId && !(await r.teamExists(actor.orgId, input.teamId)))
            throw fieldError('teamId', 'unknown_team');
          patch.teamId = input.teamId;
        }
        if (input.managerId !== undefined) {
          if (input.managerId) {
            if (input.managerId === id) throw fieldError('managerId', 'cycle');
            if (!(await r.raw(actor.orgId, input.managerId))) throw fieldError('managerId', 'unknown_user');
            if ((await r.managerChain(actor.orgId, input.managerId)).includes(id))
              throw fieldError('managerId', 'cycle');
          }
          patch.managerId = input.managerId;
        }
        if (input.active !== undefined) patch.active = input.active;
        const demotes = (patch.role && patch.role !== 'admin') || patch.active === false;
        if (id === actor.userId && demotes) throw new AppError(400, 'cannot_remove_self');
        if (!(await r.update(actor.orgId, id, input.version, patch))) throw staleVersion();
        if (patch.active === false || patch.passwordHash) await r.deleteSessions(actor.orgId, id);
      });
      return get(actor, id);
    },
  };
}
