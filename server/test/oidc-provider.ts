// A real OpenID Connect provider for the SSO tests (oidc-provider, its development sign-in pages), on
// loopback on a port of its own: one client (code flow, PKCE required, client_secret_basic) whose
// redirect URIs the test names. Whoever signs in gets the claims the test set for their login, or an
// e-mail equal to the login, verified. signIn() walks the provider's pages with plain HTTP requests —
// the sign-in form, the consent form — the way a browser would, and hands back the redirect to the app.
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

export interface IdpClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims by login; a login not here signs in as `{ email: login, email_verified: true }`. */
  accounts: Map<string, IdpClaims>;
  /**
   * Follows the authorization URL through the provider's pages, signing `login` in and consenting
   * (or cancelling, with `abort`), and returns where the provider sends the browser back to.
   */
  signIn(authorizationUrl: string, login: string, opts?: { abort?: boolean }): Promise<URL>;
  close(): Promise<void>;
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );

export async function startIdp(redirectUris: string[]): Promise<TestIdp> {
  const server = createServer();
  const issuer = `http://127.0.0.1:${await listen(server)}`;
  const clientId = `openkam-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, IdpClaims>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Every client must prove its PKCE verifier, not only public ones: the app always sends one.
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // A key and lifetimes of its own, so the provider does not warn about its development defaults.
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(accounts.get(id) ?? { email: id, email_verified: true }) }),
    }),
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, login: string, opts: { abort?: boolean } = {}): Promise<URL> {
    const jar = new Map<string, string>();
    const go = async (url: string, form?: Record<string, string>) => {
      const res = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form) : undefined,
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return res;
    };
    let res = await go(authorizationUrl);
    for (let hop = 0; hop < 12; hop++) {
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
      const next = new URL(location, issuer);
      if (next.origin !== issuer) return next;
      if (!next.pathname.startsWith('/interaction/')) {
        res = await go(next.href);
        continue;
      }
      if (opts.abort) {
        res = await go(`${next.href}/abort`);
        continue;
      }
      const page = await (await go(next.href)).text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!prompt) throw new Error(`no form on the provider's page: ${page.slice(0, 500)}`);
      res = await go(next.href, prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    }
    throw new Error('the provider kept redirecting');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
