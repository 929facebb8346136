import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../lib/app-type.ts';
import { actorOf } from '../../plugins/auth.ts';
import { AppError } from '../../lib/errors.ts';
import { setSessionCookie } from '../auth/routes.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';
import {
  SsoAvailability,
  SsoSettings,
  SsoSettingsBody,
  SsoStartQuery,
  SsoTestResult,
  type SsoError,
} from '../../../core/schemas/sso.ts';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_TTL_MS } from './flow-cookie.ts';
import { ssoService } from './service.ts';
import { ssoSettingsService } from './settings.ts';

const tags = ['sso'];
const CALLBACK_PATH = '/api/auth/sso/callback';

/** The origin people reach the app at: OPENKAM_PUBLIC_URL, else the request's own (proxy headers when trusted). */
function publicOrigin(configured: string | undefined, req: FastifyRequest): string {
  try {
    return new URL(configured ?? `${req.protocol}://${req.host}`).origin;
  } catch {
    throw new AppError(400, 'validation', {}, [{ path: 'headers.host', code: 'invalid' }]);
  }
}

/** Back to the sign-in page, which says why in the person's language. */
const toLogin = (reply: FastifyReply, error: SsoError) => reply.redirect(`/login?sso_error=${error}`);

export async function ssoRoutes(app: App) {
  const sso = ssoService(app.db, app.auth);
  const settings = ssoSettingsService(app.db);
  const redirectUri = (req: FastifyRequest) => publicOrigin(app.config.publicUrl, req) + CALLBACK_PATH;

  app.get(
    '/auth/sso',
    { config: { public: true }, schema: { tags, response: { 200: SsoAvailability } } },
    async () => ({ enabled: await sso.available() }),
  );

  app.get(
    '/auth/sso/start',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'Starts signing in with the organisation’s OpenID Connect provider: 302 to the provider, or to /login?sso_error=… when no organisation uses SSO for the e-mail.',
        querystring: SsoStartQuery,
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const started = await sso.start(req.query.email, req.query.next, redirectUri(req), req.ip);
      if ('error' in started) return toLogin(reply, started.error);
      reply.setCookie(FLOW_COOKIE, started.cookie, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET navigation from its site, which carries it.
        sameSite: 'lax',
        secure: app.config.cookieSecure,
        path: FLOW_COOKIE_PATH,
        maxAge: FLOW_TTL_MS / 1000,
      });
      return reply.redirect(started.url);
    },
  );

  app.get(
    '/auth/sso/callback',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'The redirect URI to register at the provider: 302 into the app with a session, or to /login?sso_error=….',
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      // One callback per flow: whatever happens, the browser forgets it.
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      const query = new URL(req.url, 'http://callback').searchParams;
      const done = await sso.finish(req.cookies[FLOW_COOKIE], query, req.ip);
      if ('error' in done) return toLogin(reply, done.error);
      setSessionCookie(app, reply, done.session.cookie);
      return reply.redirect(done.next);
    },
  );

  app.get('/settings/sso', { schema: { tags, response: { 200: SsoSettings, 403: ErrorResponse } } }, (req) =>
    settings.get(actorOf(req), redirectUri(req)),
  );

  app.put(
    '/settings/sso',
    {
      // Whoever sets the provider decides who signs in as anyone: not something a token may do.
      config: { sessionOnly: true },
      schema: {
        tags,
        description:
          'Sets the organisation’s OpenID Connect provider (admin). Leave clientSecret out to keep the stored one; it is never returned.',
        body: SsoSettingsBody,
        response: { 200: SsoSettings, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (req) => settings.put(actorOf(req), req.body, redirectUri(req)),
  );

  app.post(
    '/settings/sso/test',
    {
      schema: {
        tags,
        description: 'Reads the issuer’s discovery document as a sign-in would; a 400 on issuer says what failed.',
        body: Type.Object({ issuer: SsoSettingsBody.properties.issuer }, { additionalProperties: false }),
        response: { 200: SsoTestResult, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (req) => settings.test(actorOf(req), req.body.issuer),
  );
}
