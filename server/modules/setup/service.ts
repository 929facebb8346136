import type { Db } from '../../db/client.ts';
import { setupRepository } from './repository.ts';
import { insertUser } from '../users/service.ts';
import { insertDefaultStages } from '../stages/service.ts';
import { seedActivityTypes } from '../activity-types/service.ts';
import { AppError } from '../../lib/errors.ts';
import { assertStrongPassword } from '../../lib/password-strength.ts';
import { newId } from '../../lib/ids.ts';
import type { SetupBody } from '../../../core/schemas/org.ts';

/** An organisation with its default stages and its first admin, inside the caller's transaction. */
export async function createOrg(tx: Db, input: SetupBody): Promise<{ orgId: string; userId: string }> {
  const orgId = newId();
  await setupRepository(tx).insertOrg(orgId, input.orgName.trim());
  await insertDefaultStages(tx, orgId);
  await seedActivityTypes(tx, orgId);
  const userId = await insertUser(tx, orgId, {
    email: input.email,
    name: input.name,
    password: input.password,
    role: 'admin',
  });
  return { orgId, userId };
}

export function setupService(db: Db) {
  return {
    needsSetup: async () => (await setupRepository(db).orgCount()) === 0,

    /** The one-time creation of the first organisation and its admin; refused once done. */
    async createFirstOrg(input: SetupBody): Promise<{ orgId: string; userId: string }> {
      await assertStrongPassword('password', input.password, [input.email, input.name, input.orgName]);
      return db.transaction(async (tx) => {
        const repo = setupRepository(tx);
        await repo.lockOrgs();
        if ((await repo.orgCount()) > 0) throw new AppError(409, 'setup_done');
        return createOrg(tx, input);
      });
    },
  };
}
