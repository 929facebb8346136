// Factories that build what a record needs: a user gets a team if none is given, an account an
// owner, a contact an account (outline's buildShare()).
import { randomBytes } from 'node:crypto';
import type { App } from '../lib/app-type.ts';
import { clientFor, login, onSharedDatabase, sessionCookie, type Client } from './helper.ts';
import { createOrg } from '../modules/setup/service.ts';
import type { Role, DataScope } from '../../core/enums.ts';
import type { User, Team } from '../../core/schemas/org.ts';
import type { AccountCreate, AccountDetail } from '../../core/schemas/accounts.ts';
import type { Contact, ContactCreate } from '../../core/schemas/contacts.ts';
import type { OpportunityCreate, OpportunityDetail } from '../../core/schemas/deals.ts';

export const PASSWORD = 'secret-pass-1';
const uniq = () => randomBytes(4).toString('hex');

export interface Factories {
  /** The file's own organisation (on the shared database, other files' organisations live beside it). */
  orgId: string;
  admin: Client;
  team(input?: { name?: string; parentId?: string | null }): Promise<Team>;
  user(input?: {
    role?: Role;
    teamId?: string | null;
    managerId?: string | null;
    dataScope?: DataScope;
    name?: string;
  }): Promise<User & { client: Client }>;
  account(client?: Client, input?: Partial<AccountCreate>): Promise<AccountDetail>;
  contact(client?: Client, input?: Partial<ContactCreate>): Promise<Contact>;
  /** A deal (on a new account of the caller's when none is given). */
  deal(client?: Client, input?: Partial<OpportunityCreate>): Promise<OpportunityDetail>;
}

function ok<T>(res: { statusCode: number; body: string; json(): unknown }, expected = [200, 201]): T {
  if (!expected.includes(res.statusCode)) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/**
 * Creates the file's organisation and its first admin, and returns the factories. On a fresh database
 * through first-run set-up (POST /api/setup); on the worker's shared database, where set-up is long
 * done, as one more organisation beside the others (what set-up does, without its once-only check).
 */
export async function seedOrg(app: App): Promise<Factories> {
  const input = { orgName: '测试公司', name: '管理员', email: `admin-${uniq()}@example.com`, password: PASSWORD };
  let admin: Client;
  let orgId: string;
  if (onSharedDatabase(app)) {
    ({ orgId } = await app.db.transaction((tx) => createOrg(tx, input)));
    admin = await login(app, input.email, PASSWORD);
  } else {
    const res = await app.inject({ method: 'POST', url: '/api/setup', payload: input });
    admin = clientFor(app, sessionCookie(res));
    orgId = ok<{ orgId: string }>(res).orgId;
  }

  const team: Factories['team'] = async (input = {}) =>
    ok<Team>(
      await admin.post('/api/teams', { name: input.name ?? `团队-${uniq()}`, parentId: input.parentId ?? null }),
    );

  const user: Factories['user'] = async (input = {}) => {
    const teamId = input.teamId === undefined ? (await team()).id : input.teamId;
    const email = `u-${uniq()}@example.com`;
    const u = ok<User>(
      await admin.post('/api/users', {
        email,
        name: input.name ?? `用户${uniq()}`,
        password: PASSWORD,
        role: input.role ?? 'rep',
        teamId,
        managerId: input.managerId ?? null,
        ...(input.dataScope ? { dataScope: input.dataScope } : {}),
      }),
    );
    return { ...u, client: await login(app, email, PASSWORD) };
  };

  // Fixtures reuse names, mobiles and e-mails across a file's tests on purpose: they confirm the
  // duplicate check (查重) the way the form does. Its own tests (duplicates.test.ts) pass false.
  const account: Factories['account'] = async (client = admin, input = {}) =>
    ok<AccountDetail>(
      await client.post('/api/accounts', {
        name: `客户${uniq()}`,
        ownershipType: 'soe',
        allowDuplicateName: true,
        ...input,
      }),
    );

  const contact: Factories['contact'] = async (client = admin, input = {}) => {
    const accountId = input.accountId ?? (await account(client)).id;
    return ok<Contact>(
      await client.post('/api/contacts', { name: `联系人${uniq()}`, allowDuplicate: true, ...input, accountId }),
    );
  };

  const deal: Factories['deal'] = async (client = admin, input = {}) => {
    const accountId = input.accountId ?? (await account(client)).id;
    return ok<OpportunityDetail>(
      await client.post('/api/opportunities', {
        name: `商机${uniq()}`,
        amount: '100000',
        confirmUnmetCriteria: true,
        allowDuplicate: true,
        ...input,
        accountId,
      }),
    );
  };

  return { orgId, admin, team, user, account, contact, deal };
}
