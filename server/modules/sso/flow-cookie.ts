// A sign-in with SSO in flight — its state, nonce, PKCE verifier, organisation, redirect URI and the
// page to land on — kept in the browser between the start and the provider's callback, so that any
// app instance can finish what another began without a table. The cookie is readable by nobody but the
// server (httpOnly) and cannot be forged: it is signed with a key derived from the organisation's
// client secret, which only the server knows, and expires with the flow (10 minutes).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SsoConfig } from '../../../core/schemas/sso.ts';

export const FLOW_COOKIE = 'okam_sso';
/** Only the SSO routes need it back. */
export const FLOW_COOKIE_PATH = '/api/auth/sso';
export const FLOW_TTL_MS = 10 * 60_000;

export interface Flow {
  orgId: string;
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  /** The in-app path to land on after signing in. */
  next: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Changing the provider, the client or its secret ends the sign-ins begun with the old one. */
const keyOf = (sso: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>) =>
  createHash('sha256').update(`openkam-sso-flow\0${sso.issuer}\0${sso.clientId}\0${sso.clientSecret}`).digest();

const macOf = (payload: string, sso: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>) =>
  createHmac('sha256', keyOf(sso)).update(payload).digest();

export function sealFlow(flow: Flow, sso: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${macOf(payload, sso).toString('base64url')}`;
}

const FIELDS = ['orgId', 'state', 'nonce', 'verifier', 'redirectUri', 'next'] as const;

/** What a cookie says, unchecked: its organisation names the secret that checks it (openFlow). */
export function peekFlow(value: string | undefined): Flow | null {
  const payload = value?.split('.')[0];
  if (!payload) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const d = data as Record<string, unknown>;
    if (!FIELDS.every((f) => typeof d[f] === 'string') || typeof d.expiresAt !== 'number') return null;
    return d as unknown as Flow;
  } catch {
    return null;
  }
}

/** The flow, when the cookie is this organisation's provider's, unaltered and not expired. */
export function openFlow(
  value: string | undefined,
  sso: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>,
  now = Date.now(),
): Flow | null {
  const [payload, mac, ...rest] = value?.split('.') ?? [];
  if (!payload || !mac || rest.length) return null;
  const expected = macOf(payload, sso);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const flow = peekFlow(value);
  return flow && flow.expiresAt > now ? flow : null;
}
