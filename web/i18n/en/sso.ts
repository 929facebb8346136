import type { Widen } from '../types.ts';
import type { sso as zh } from '../zh-CN/sso.ts';

export const sso: Widen<typeof zh> = {
  sso: {
    button: 'Sign in with SSO',
    or: 'or',
    errors: {
      sso_unavailable:
        'Your organisation does not use single sign-on for this e-mail; sign in with your password or ask your administrator',
      sso_expired: 'The sign-in expired or was started in another window; choose Sign in with SSO again',
      sso_denied: 'The identity provider did not sign you in (perhaps you cancelled); try again',
      sso_failed:
        'The sign-in could not be verified with the identity provider; try again, and ask your administrator if it keeps failing',
      sso_no_email: 'The identity provider gave no verified e-mail address, so you cannot be signed in',
      sso_no_account: 'There is no account for this e-mail yet; ask your administrator to add you',
      sso_inactive: 'Your account is deactivated; ask your administrator',
      generic: 'Signing in with SSO did not work; try again',
    },
    settings: {
      title: 'Single sign-on (OpenID Connect)',
      hint: 'Members sign in with the company’s identity provider (Keycloak, Authing, Microsoft Entra ID, Okta…): authorization code flow with PKCE, matched by e-mail.',
      enabled: 'Turn on single sign-on',
      issuer: 'Issuer URL',
      clientId: 'Client ID',
      clientSecret: 'Client secret',
      secretSet: 'Set; leave empty to keep it',
      redirectUri: 'Redirect URI: register this at the identity provider',
      domains: 'Company e-mail domains',
      domainsHint:
        'Someone without an account who signs in with an e-mail of these domains finds this organisation; accounts are created only for them.',
      domainsPlaceholder: 'e.g. example.com, then Enter',
      jitEnabled: 'Create an account at the first sign-in',
      jitTeam: 'Team of new accounts',
      jitRole: 'Role of new accounts',
      passwordLoginDisabled: 'Turn off password sign-in for members',
      passwordLoginHint:
        'Members other than admins then sign in with SSO only; admins keep their password so that nobody is locked out when the identity provider fails. API tokens keep working.',
      test: 'Test connection',
      testOk: 'Connected: {{issuer}}',
      saved: 'Single sign-on saved',
    },
  },
};
