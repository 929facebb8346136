// The organisation's SSO setting (admins): read without its secret, saved whole after checking each
// field (a 400 naming every field that is wrong), each change in the audit log, and a test of the
// issuer's discovery document before anyone depends on it.
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import { mergeOrgSettings, orgSettings } from '../../kernel/settings.ts';
import { historyWriter } from '../../kernel/history.ts';
import { AppError, fieldError, type FieldIssue } from '../../lib/errors.ts';
import { diffFields } from '../../../core/diff.ts';
import type { SsoConfig, SsoSettings, SsoSettingsBody, SsoTestResult } from '../../../core/schemas/sso.ts';
import { ssoRepository } from './repository.ts';
import { describeError, discover, issuerAllowed } from './provider.ts';

/** A host name of two or more labels (IDN domains as their xn-- form). */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const view = ({ clientSecret, ...rest }: SsoConfig, redirectUri: string): SsoSettings => ({
  ...rest,
  clientSecretSet: clientSecret !== '',
  redirectUri,
});

export function ssoSettingsService(db: Db) {
  const repo = ssoRepository(db);

  /** The setting to store, or every field that is wrong. */
  async function checked(orgId: string, input: SsoSettingsBody, current: SsoConfig): Promise<SsoConfig> {
    const issues: FieldIssue[] = [];
    const issuer = input.issuer.trim();
    const clientId = input.clientId.trim();
    const clientSecret = input.clientSecret ?? current.clientSecret;
    if (input.enabled && !issuer) issues.push({ path: 'issuer', code: 'required' });
    else if (issuer && !issuerAllowed(issuer)) issues.push({ path: 'issuer', code: 'sso_issuer' });
    if (input.enabled && !clientId) issues.push({ path: 'clientId', code: 'required' });
    if (input.enabled && !clientSecret) issues.push({ path: 'clientSecret', code: 'required' });
    if (input.passwordLoginDisabled && !input.enabled)
      issues.push({ path: 'passwordLoginDisabled', code: 'sso_needs_enabled' });
    if (input.jitTeamId && !(await repo.teamExists(orgId, input.jitTeamId)))
      issues.push({ path: 'jitTeamId', code: 'unknown_team' });
    const domains: string[] = [];
    for (const [i, raw] of input.domains.entries()) {
      const domain = raw.trim().toLowerCase().replace(/^@/, '');
      if (!DOMAIN.test(domain)) issues.push({ path: `domains.${i}`, code: 'sso_domain' });
      else if (input.enabled && (await repo.domainTaken(domain, orgId)))
        issues.push({ path: `domains.${i}`, code: 'sso_domain_taken' });
      else if (!domains.includes(domain)) domains.push(domain);
    }
    if (issues.length) throw new AppError(400, 'validation', {}, issues);
    return {
      enabled: input.enabled,
      issuer,
      clientId,
      clientSecret,
      passwordLoginDisabled: input.passwordLoginDisabled,
      jitEnabled: input.jitEnabled,
      jitTeamId: input.jitTeamId,
      jitRole: input.jitRole,
      domains,
    };
  }

  return {
    async get(actor: Actor, redirectUri: string): Promise<SsoSettings> {
      assertCan(actor, 'read', 'sso');
      return view((await orgSettings(db, actor.orgId)).sso, redirectUri);
    },

    async put(actor: Actor, input: SsoSettingsBody, redirectUri: string): Promise<SsoSettings> {
      assertCan(actor, 'update', 'sso');
      const current = (await orgSettings(db, actor.orgId)).sso;
      const next = await checked(actor.orgId, input, current);
      await db.transaction(async (tx) => {
        await mergeOrgSettings(tx, actor.orgId, { sso: next });
        // The secret itself never reaches the log: only that it changed.
        const { clientSecret: before, ...rest } = current;
        const { clientSecret: after, ...saved } = next;
        const changes = diffFields(rest, saved);
        if (before !== after) changes.push({ field: 'clientSecret', old: before ? '***' : null, new: '***' });
        if (changes.length)
          await historyWriter(tx).record(actor.orgId, 'sso', actor.orgId, 'update', actor.userId, changes);
      });
      return view(next, redirectUri);
    },

    /** Discovery at the issuer, as a sign-in would run it; a 400 on `issuer` says what went wrong. */
    async test(actor: Actor, issuer: string): Promise<SsoTestResult> {
      assertCan(actor, 'update', 'sso');
      const url = issuer.trim();
      if (!issuerAllowed(url)) throw fieldError('issuer', 'sso_issuer');
      let meta: ReturnType<Awaited<ReturnType<typeof discover>>['serverMetadata']>;
      try {
        meta = (await discover({ issuer: url, clientId: 'openkam', clientSecret: '' })).serverMetadata();
      } catch (err) {
        throw fieldError('issuer', 'sso_discovery', { reason: describeError(err) });
      }
      if (!meta.authorization_endpoint || !meta.token_endpoint)
        throw fieldError('issuer', 'sso_discovery', { reason: 'no authorization_endpoint or token_endpoint' });
      const methods = meta.code_challenge_methods_supported;
      if (methods && !methods.includes('S256'))
        throw fieldError('issuer', 'sso_discovery', { reason: 'PKCE S256 is not supported' });
      return {
        issuer: meta.issuer,
        authorizationEndpoint: meta.authorization_endpoint,
        tokenEndpoint: meta.token_endpoint,
        userinfoEndpoint: meta.userinfo_endpoint ?? null,
      };
    },
  };
}
