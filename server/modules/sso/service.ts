// Signing in with the organisation's identity provider (issue 23, item 4). The e-mail finds the
// organisation before anyone is known (its user's, else the one whose SSO claims the domain); the
// browser goes to the provider with state, nonce and PKCE; the callback exchanges the code, takes the
// verified e-mail from the ID token (or userinfo), finds the user by it in that organisation — or
// creates them, when the organisation allows it — and starts the same session a password sign-in
// does. Every outcome past a genuine flow cookie is in the audit log: a sign-in on the user, a refusal
// on the user when there is one, else on the organisation's SSO ('sso') with the e-mail and the reason.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { AuthService, LoginResult } from '../auth/service.ts';
import { insertUser } from '../users/service.ts';
import { orgSettings } from '../../kernel/settings.ts';
import { historyWriter } from '../../kernel/history.ts';
import { sqlState } from '../../lib/errors.ts';
import { readOrgSettings } from '../../../core/org-settings.ts';
import type { FieldChange } from '../../../core/diff.ts';
import type { SsoConfig, SsoError } from '../../../core/schemas/sso.ts';
import { FLOW_TTL_MS, openFlow, peekFlow, sealFlow, type Flow } from './flow-cookie.ts';
import { authorizationUrl, describeError, exchange, newChecks, ProviderDenied, type Identity } from './provider.ts';
import { ssoRepository } from './repository.ts';

type Started = { url: string; cookie: string } | { error: SsoError };
type Finished = { session: LoginResult; next: string } | { error: SsoError };

/**
 * Only in-app paths, so `next` cannot send the person to another site after signing in: not `//host`,
 * nor `/\host` (browsers read a backslash as a slash). A path as browsers send it is printable ASCII
 * (the rest percent-encoded); anything else — a tab or line break hiding a `//` — lands on the start page.
 */
function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return [...next].every((c) => c >= '!' && c <= '~') ? next : '/';
}

const change = (field: string, value: unknown): FieldChange => ({ field, old: null, new: value });

export function ssoService(db: Db, auth: Pick<AuthService, 'signedIn' | 'recordFailure'>) {
  const repo = ssoRepository(db);
  const history = historyWriter(db);

  /** The organisation that signs this e-mail in with SSO, if exactly one does. */
  async function orgFor(email: string): Promise<{ orgId: string; sso: SsoConfig } | null> {
    const own = await repo.orgOfUser(email);
    if (own) {
      const { sso } = readOrgSettings(own.settings);
      return sso.enabled ? { orgId: own.orgId, sso } : null;
    }
    const rows = await repo.orgsOfDomain(email.slice(email.lastIndexOf('@') + 1));
    return rows.length === 1 ? { orgId: rows[0].orgId, sso: readOrgSettings(rows[0].settings).sso } : null;
  }

  /** A refusal nobody's user can carry: on the organisation's SSO, with the e-mail the provider gave. */
  const refuse = async (orgId: string, error: SsoError, address: string, details: FieldChange[]) => {
    await history.record(orgId, 'sso', orgId, 'login_failed', null, [
      change('address', address),
      change('reason', error),
      ...details,
    ]);
    return { error };
  };

  /** The user for a verified e-mail with no user yet: made into the default team and role when allowed. */
  async function createUser(orgId: string, sso: SsoConfig, email: string, who: Identity) {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!sso.jitEnabled) return 'jit_off';
    if (sso.domains.length && !sso.domains.includes(domain)) return 'domain_not_allowed';
    // E-mails are unique across organisations: another organisation's user stays theirs.
    if (await repo.emailTaken(email)) return 'email_of_another_organisation';
    if (sso.jitTeamId && !(await repo.teamExists(orgId, sso.jitTeamId))) return 'jit_team_missing';
    try {
      await db.transaction(async (tx) => {
        const id = await insertUser(tx, orgId, {
          email,
          name: who.name?.trim().slice(0, 100) || email.slice(0, email.lastIndexOf('@')).slice(0, 100),
          // Never told to anyone: the user signs in through the provider (an admin may set a password later).
          password: randomBytes(32).toString('base64url'),
          role: sso.jitRole,
          teamId: sso.jitTeamId,
        });
        await historyWriter(tx).record(orgId, 'user', id, 'create', id, [
          change('email', email),
          change('role', sso.jitRole),
          change('teamId', sso.jitTeamId),
          change('method', 'sso'),
        ]);
      });
    } catch (err) {
      // Two first sign-ins of the same person at once: the other one made the user.
      if (sqlState(err) !== '23505') throw err;
    }
    return repo.userByEmail(orgId, email);
  }

  return {
    /** Whether the sign-in page offers SSO: some organisation on this server has it on. */
    available: () => repo.anyEnabled(),

    /** The provider's authorization URL and the sealed flow for the cookie, or why SSO is not possible. */
    async start(email: string, next: string | undefined, redirectUri: string, address: string): Promise<Started> {
      const normalized = email.trim().toLowerCase();
      const found = await orgFor(normalized);
      if (!found) return { error: 'sso_unavailable' };
      const flow: Flow = {
        orgId: found.orgId,
        ...newChecks(),
        redirectUri,
        next: safeNext(next),
        expiresAt: Date.now() + FLOW_TTL_MS,
      };
      try {
        const url = await authorizationUrl(found.sso, flow, normalized);
        return { url: url.href, cookie: sealFlow(flow, found.sso) };
      } catch (err) {
        // The provider cannot be reached or its discovery document is wrong: the admin finds why here.
        return refuse(found.orgId, 'sso_failed', address, [
          change('email', normalized),
          change('detail', describeError(err)),
        ]);
      }
    },

    /** The provider's callback: a session for the person it signed in, or why not. */
    async finish(cookie: string | undefined, query: URLSearchParams, address: string): Promise<Finished> {
      // A cookie that is missing, forged, expired or another provider's says nothing to trust about an
      // organisation, so nothing is written to one's log.
      const claimed = peekFlow(cookie);
      const sso = claimed && (await orgSettings(db, claimed.orgId)).sso;
      const flow = sso?.enabled ? openFlow(cookie, sso) : null;
      if (!sso || !flow) return { error: 'sso_expired' };
      const { orgId } = flow;
      if (query.get('state') !== flow.state)
        return refuse(orgId, 'sso_expired', address, [change('detail', 'state does not match')]);

      let who: Identity;
      try {
        who = await exchange(sso, flow, query);
      } catch (err) {
        const denied = err instanceof ProviderDenied;
        return refuse(orgId, denied ? 'sso_denied' : 'sso_failed', address, [change('detail', describeError(err))]);
      }
      const email = who.email?.trim().toLowerCase();
      if (!email) return refuse(orgId, 'sso_no_email', address, [change('subject', who.sub)]);
      // A provider that says the address is unverified is not trusted with it; one that does not say
      // (many corporate directories never do) vouches for the addresses it manages.
      if (who.emailVerified === false)
        return refuse(orgId, 'sso_no_email', address, [
          change('email', email),
          change('detail', 'email_verified is false'),
        ]);

      const user = (await repo.userByEmail(orgId, email)) ?? (await createUser(orgId, sso, email, who));
      if (typeof user === 'string' || !user)
        return refuse(orgId, 'sso_no_account', address, [change('email', email), change('detail', user ?? 'no user')]);
      if (!user.active) {
        await auth.recordFailure(orgId, user.id, address, [change('method', 'sso'), change('reason', 'sso_inactive')]);
        return { error: 'sso_inactive' };
      }
      const session = await auth.signedIn({ orgId, id: user.id, lastLoginAt: user.lastLoginAt }, address, [
        change('method', 'sso'),
      ]);
      return { session, next: flow.next };
    },
  };
}
