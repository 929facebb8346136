// The organisation's OpenID Connect provider, through openid-client: discovery, the authorization
// URL (code flow with PKCE S256, state and nonce), and the code exchange, whose ID token openid-client
// checks (issuer, audience, expiry, nonce) before its claims are read here.
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SsoConfig } from '../../../core/schemas/sso.ts';
import type { Flow } from './flow-cookie.ts';

type Provider = Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>;

/** Seconds any request to the provider may take (discovery, token, userinfo). */
const TIMEOUT_S = 10;
/** Discovery is kept per instance this long, so a sign-in costs the provider two requests, not three. */
const CACHE_MS = 10 * 60_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on this machine only (a provider started by a test, or beside the app for a trial). */
export function issuerAllowed(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

const cache = new Map<string, { config: oidc.Configuration; at: number }>();
const cacheKey = (p: Provider) =>
  createHash('sha256').update(`${p.issuer}\0${p.clientId}\0${p.clientSecret}`).digest('hex');

/**
 * Discovery at <issuer>/.well-known/openid-configuration; the client authenticates with
 * client_secret_basic (a connection test, which has no secret to send, reads the document only).
 */
export async function discover(p: Provider): Promise<oidc.Configuration> {
  const insecure = new URL(p.issuer).protocol === 'http:';
  const auth = p.clientSecret ? oidc.ClientSecretBasic(p.clientSecret) : oidc.None();
  return oidc.discovery(new URL(p.issuer), p.clientId, undefined, auth, {
    timeout: TIMEOUT_S,
    execute: insecure ? [oidc.allowInsecureRequests] : [],
  });
}

async function configOf(p: Provider): Promise<oidc.Configuration> {
  const key = cacheKey(p);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = await discover(p);
  // What an earlier setting left (another issuer, client or secret) goes as it ages out.
  for (const [k, v] of cache) if (Date.now() - v.at >= CACHE_MS) cache.delete(k);
  cache.set(key, { config, at: Date.now() });
  return config;
}

/** Why a request to the provider failed, in a line an admin can act on (the cause's reason and code too). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 300);
  const cause = err.cause;
  const parts = [err.message];
  if (cause instanceof Error && cause.message && cause.message !== err.message) parts.push(cause.message);
  const code = cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && !parts.some((p) => p.includes(code))) parts.push(code);
  return parts.join(': ').slice(0, 300);
}

/** Where to send the browser: the provider's authorization endpoint with this flow's checks. */
export async function authorizationUrl(p: Provider, flow: Flow, loginHint: string): Promise<URL> {
  const config = await configOf(p);
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: flow.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
    login_hint: loginHint,
  });
}

/** The checks a new flow is made with. */
export const newChecks = () => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  verifier: oidc.randomPKCECodeVerifier(),
});

export interface Identity {
  sub: string;
  email: string | null;
  /** Absent when the provider does not say (many corporate providers never do). */
  emailVerified: boolean | undefined;
  name: string | null;
}

export class ProviderDenied extends Error {}

/**
 * Exchanges the code of the callback (its query, on the redirect URI the flow began with) and reads
 * who signed in: from the ID token, or from the userinfo endpoint when the token leaves the e-mail out.
 * Throws ProviderDenied when the provider answered with an error instead of a code.
 */
export async function exchange(p: Provider, flow: Flow, query: URLSearchParams): Promise<Identity> {
  const config = await configOf(p);
  const current = new URL(flow.redirectUri);
  current.search = query.toString();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    if (err instanceof oidc.AuthorizationResponseError) throw new ProviderDenied(err.error);
    throw err;
  }
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string') {
    source = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  }
  return {
    sub: claims.sub,
    email: typeof source.email === 'string' ? source.email : null,
    emailVerified: typeof source.email_verified === 'boolean' ? source.email_verified : undefined,
    name: typeof source.name === 'string' ? source.name : typeof claims.name === 'string' ? claims.name : null,
  };
}
