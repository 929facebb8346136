import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../lib/app-type.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { ChangePasswordBody, LoginBody, LoginResponse, Me, PreferencesBody } from '../../../core/schemas/org.ts';
import { LoginLocked } from './service.ts';
import { UserPreferences, UserPreferencesPatch } from '../../../core/user-preferences.ts';
import { ErrorResponse } from '../../../core/schemas/common.ts';

const tags = ['auth'];
const Ok = Type.Object({ ok: Type.Boolean() });

export function setSessionCookie(app: App, reply: FastifyReply, value: string) {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.cookieSecure,
    path: '/',
    maxAge: app.config.sessionTtlDays * 24 * 3600,
  });
}

export async function authRoutes(app: App) {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        body: LoginBody,
        // 403: the organisation signs its members in with SSO only (admins keep their password).
        response: { 200: LoginResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      // req.ip: the address the nearest trusted proxy saw (OPENKAM_TRUST_PROXY), never a client-written hop.
      const session = await app.auth.login(req.body.email, req.body.password, req.ip).catch((err: unknown) => {
        if (err instanceof LoginLocked) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      });
      setSessionCookie(app, reply, session.cookie);
      const me = await app.auth.me(session);
      return session.failedAttempts ? { ...me, failedAttemptsSinceLastLogin: session.failedAttempts } : me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await app.auth.logout(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get('/auth/me', { schema: { tags, response: { 200: Me, 401: ErrorResponse } } }, async (req) =>
    app.auth.me(actorOf(req)),
  );

  app.post(
    '/auth/password',
    // A token acts for its user but is not them: it may not change how they sign in.
    { config: { sessionOnly: true }, schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      await app.auth.changePassword(
        actorOf(req),
        req.cookies[SESSION_COOKIE],
        req.body.currentPassword,
        req.body.newPassword,
      );
      return { ok: true };
    },
  );

  app.patch(
    '/auth/me/preferences',
    { schema: { tags, body: UserPreferencesPatch, response: { 200: UserPreferences } } },
    async (req) => app.auth.updatePreferences(actorOf(req), req.body),
  );

  app.put('/auth/preferences', { schema: { tags, body: PreferencesBody, response: { 200: Ok } } }, async (req) => {
    await app.auth.setLocale(actorOf(req), req.body.locale);
    return { ok: true };
  });
}
