// Resolves the session cookie to an Actor on every /api request; routes marked `config.public` skip it,
// and the API docs do when the deployment makes them public (OPENKAM_PUBLIC_API_DOCS).
// Cookie auth is CSRF-safe: SameSite=Lax, only JSON bodies are accepted, and a foreign Origin is refused.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { pickLang } from '../../core/messages.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from '../access/index.ts';
import { authService, type AuthService } from '../modules/auth/service.ts';
import { orgChangesOf } from '../db/org-changes.ts';

export const SESSION_COOKIE = 'okam_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyInstance {
    auth: AuthService;
  }
}

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    // req.host honours X-Forwarded-Host when the app is configured to trust its proxy.
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

/** Swagger UI (its page, assets and spec copies) and the OpenAPI document: by route, not by the raw URL. */
function isApiDocs(route: string | undefined): boolean {
  return route === '/api/openapi.json' || route === '/api/docs' || !!route?.startsWith('/api/docs/');
}

/** The signed-in caller; routes behind the auth hook always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'unauthenticated');
  return req.actor;
}

export const authPlugin = fp(async (app) => {
  app.decorate('auth', authService(app.db, app.config));
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (UNSAFE.has(req.method) && !sameOrigin(req)) throw new AppError(403, 'csrf');
    const lang = pickLang(req.headers['accept-language']);
    if (req.routeOptions.config?.public || (app.config.publicApiDocs && isApiDocs(req.routeOptions.url))) {
      // Public routes still learn who is calling when they can (e.g. GET /api/setup).
      return;
    }
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    req.actor = await app.auth.actorFromCookie(req.cookies[SESSION_COOKIE], lang);
    if (!req.actor) throw new AppError(401, 'unauthenticated');
  });

  // A write may have changed what this organisation's cached sessions or funnel hold; the database's
  // notice reaches this instance a moment after the commit, so the caller's next request could come
  // first. Forgetting the organisation here, before the response leaves, closes that gap.
  app.addHook('onSend', async (req) => {
    if (req.actor && UNSAFE.has(req.method)) orgChangesOf(app.db)?.changed(req.actor.orgId);
  });
});
