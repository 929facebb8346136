// Single sign-on with an OpenID Connect provider (issue 23, item 4): the organisation's provider as
// stored (secret included, server-side only), as an admin reads it (no secret), as an admin saves it,
// and the public sign-in's query.
import { Type, type Static } from 'typebox';
import { Id, Nullable } from './common.ts';

/** The roles a user created at their first SSO sign-in may get: never admin (anyone at the provider could be one). */
export const SSO_JIT_ROLES = ['manager', 'rep', 'viewer'] as const;
export type SsoJitRole = (typeof SSO_JIT_ROLES)[number];

/** orgs.settings.sso: read by core/org-settings.ts, written only by server/modules/sso. */
export const SsoConfig = Type.Object({
  enabled: Type.Boolean(),
  /** The provider's issuer URL (discovery at <issuer>/.well-known/openid-configuration). */
  issuer: Type.String(),
  clientId: Type.String(),
  /** Write-only: never leaves the server (the settings answer `clientSecretSet`). */
  clientSecret: Type.String(),
  /** Members other than admins must sign in with SSO (admins keep their password as the way back in). */
  passwordLoginDisabled: Type.Boolean(),
  /** A person the provider signs in who has no user yet gets one (just-in-time), in this team and role. */
  jitEnabled: Type.Boolean(),
  jitTeamId: Nullable(Id),
  jitRole: Type.Enum([...SSO_JIT_ROLES]),
  /** E-mail domains of the organisation: they find it for an address that has no user yet, and bound JIT. */
  domains: Type.Array(Type.String()),
});
export type SsoConfig = Static<typeof SsoConfig>;

const Domain = Type.String({ minLength: 1, maxLength: 253 });

/** PUT /api/settings/sso: the whole setting; `clientSecret` left out keeps the stored one. */
export const SsoSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    issuer: Type.String({ maxLength: 500 }),
    clientId: Type.String({ maxLength: 255 }),
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    passwordLoginDisabled: Type.Boolean(),
    jitEnabled: Type.Boolean(),
    jitTeamId: Nullable(Id),
    jitRole: Type.Enum([...SSO_JIT_ROLES]),
    domains: Type.Array(Domain, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type SsoSettingsBody = Static<typeof SsoSettingsBody>;

/** GET /api/settings/sso: the setting without its secret, and the redirect URI to register at the provider. */
export const SsoSettings = Type.Object({
  enabled: Type.Boolean(),
  issuer: Type.String(),
  clientId: Type.String(),
  clientSecretSet: Type.Boolean(),
  passwordLoginDisabled: Type.Boolean(),
  jitEnabled: Type.Boolean(),
  jitTeamId: Nullable(Id),
  jitRole: Type.Enum([...SSO_JIT_ROLES]),
  domains: Type.Array(Type.String()),
  redirectUri: Type.String(),
});
export type SsoSettings = Static<typeof SsoSettings>;

/** POST /api/settings/sso/test: what discovery found at the issuer. */
export const SsoTestResult = Type.Object({
  issuer: Type.String(),
  authorizationEndpoint: Type.String(),
  tokenEndpoint: Type.String(),
  userinfoEndpoint: Nullable(Type.String()),
});
export type SsoTestResult = Static<typeof SsoTestResult>;

/** GET /api/auth/sso: whether the sign-in page offers SSO at all (some organisation here uses it). */
export const SsoAvailability = Type.Object({ enabled: Type.Boolean() });
export type SsoAvailability = Static<typeof SsoAvailability>;

/** GET /api/auth/sso/start: the e-mail finds the organisation; `next` is the in-app path to land on. */
export const SsoStartQuery = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 200 }),
    next: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SsoStartQuery = Static<typeof SsoStartQuery>;

/**
 * Why a sign-in with SSO did not happen, as the sign-in page's `?sso_error=` (shown in zh and en there)
 * and as the reason in the audit log.
 */
export const SSO_ERRORS = [
  /** No organisation uses SSO for this e-mail. */
  'sso_unavailable',
  /** The sign-in started too long ago, in another browser or window, or its state does not match. */
  'sso_expired',
  /** The provider said no (the person cancelled, or the provider refused the client). */
  'sso_denied',
  /** The code exchange or the ID token's checks (issuer, audience, nonce, expiry) failed. */
  'sso_failed',
  /** The provider gave no e-mail, or said it is not verified. */
  'sso_no_email',
  /** No user has this e-mail in the organisation, and none may be created for it. */
  'sso_no_account',
  /** The user is deactivated. */
  'sso_inactive',
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];
