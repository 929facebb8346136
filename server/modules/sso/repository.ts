// The SQL of single sign-on: which organisation an e-mail belongs to (its user's, or the one whose SSO
// claims its domain), the user an e-mail is in an organisation, and the checks of the settings.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginIdentities, orgs, teams, users } from '../../db/schema.ts';

const ssoEnabled = sql`(${orgs.settings}->'sso'->>'enabled') = 'true'`;
const claimsDomain = (domain: string) => sql`${orgs.settings}->'sso'->'domains' @> ${JSON.stringify([domain])}::jsonb`;

export function ssoRepository(db: Db) {
  return {
    /** The organisation of the user with this e-mail (e-mails are unique across organisations). */
    async orgOfUser(email: string) {
      const [row] = await db
        .select({ orgId: orgs.id, settings: orgs.settings })
        .from(loginIdentities)
        .innerJoin(orgs, eq(orgs.id, loginIdentities.orgId))
        .where(eq(loginIdentities.email, email));
      return row;
    },

    /** Organisations whose SSO is on and names this e-mail domain as theirs. */
    orgsOfDomain: (domain: string) =>
      db
        .select({ orgId: orgs.id, settings: orgs.settings })
        .from(orgs)
        .where(and(ssoEnabled, claimsDomain(domain)))
        .limit(2),

    /** Another organisation whose SSO is on and already claims the domain. */
    async domainTaken(domain: string, orgId: string) {
      const [row] = await db
        .select({ id: orgs.id })
        .from(orgs)
        .where(and(ne(orgs.id, orgId), ssoEnabled, claimsDomain(domain)))
        .limit(1);
      return !!row;
    },

    async anyEnabled() {
      const [row] = await db.select({ id: orgs.id }).from(orgs).where(ssoEnabled).limit(1);
      return !!row;
    },

    async userByEmail(orgId: string, email: string) {
      const [row] = await db
        .select({ id: users.id, active: users.active, lastLoginAt: users.lastLoginAt })
        .from(users)
        .where(and(eq(users.orgId, orgId), eq(users.email, email)));
      return row;
    },

    /** Whether the e-mail is a user's anywhere (another organisation's user cannot be created here). */
    async emailTaken(email: string) {
      const [row] = await db
        .select({ userId: loginIdentities.userId })
        .from(loginIdentities)
        .where(eq(loginIdentities.email, email));
      return !!row;
    },

    async teamExists(orgId: string, teamId: string) {
      const [row] = await db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
      return !!row;
    },
  };
}
