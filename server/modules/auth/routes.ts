import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../lib/app-type.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { ChangePasswordBody, LoginBody, Me, PreferencesBody } from '../../../core/schemas/org.ts';
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
    { config: { public: true }, schema: { tags, body: LoginBody, response: { 200: Me, 401: ErrorResponse, 429: ErrorResponse } } },
    async (req, reply) => {
      const session = await app.auth.login(req.body.email, req.body.password, req.ip);
      setSessionCookie(app, reply, session.cookie);
      return app.auth.me(session);
    },
  );

  app.post('/auth/logout', { config: { public: true }, schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
    await app.auth.logout(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags, response: { 200: Me, 401: ErrorResponse } } }, async (req) => app.auth.me(actorOf(req)));

  app.post('/auth/password', { schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } }, async (req) => {
    await app.auth.changePassword(actorOf(req), req.cookies[SESSION_COOKIE], req.body.currentPassword, req.body.newPassword);
    return { ok: true };
  });

  app.put('/auth/preferences', { schema: { tags, body: PreferencesBody, response: { 200: Ok } } }, async (req) => {
    await app.auth.setLocale(actorOf(req), req.body.locale);
    return { ok: true };
  });
}
