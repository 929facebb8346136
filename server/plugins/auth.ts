// Resolves the session cookie, or an API token sent as `Authorization: Bearer`, to an Actor on every /api
// request; routes marked `config.public` skip it, and the API docs do when the deployment makes them
// public (OPENKAM_PUBLIC_API_DOCS). Cookie auth is CSRF-safe: SameSite=Lax, only JSON bodies are
// accepted, and a foreign Origin is refused. A token skips the Origin check (a page on another site
// cannot send one: browsers do not attach it, and setting the header needs CORS, which the API refuses)
// and nothing else; a read-only token cannot write, and `config.sessionOnly` routes refuse tokens.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { pickLang } from '../../core/messages.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from '../access/index.ts';
import { authService, type AuthService } from '../modules/auth/service.ts';
import { tokenService, type TokenService } from '../modules/auth/tokens.ts';
import { orgChangesOf } from '../db/org-changes.ts';

export const SESSION_COOKIE = 'okam_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The API token the request came with, when it came with one. */
    tokenId: string | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /** Needs a signed-in browser session: an API token answers 403 (minting tokens, changing a password). */
    sessionOnly?: boolean;
  }
  interface FastifyInstance {
    auth: AuthService;
    tokens: TokenService;
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

/** The bearer token of `Authorization: Bearer …`, if the request has one. */
function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : null;
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
  app.decorate('tokens', tokenService(app.db));
  app.decorateRequest('actor', null);
  app.decorateRequest('tokenId', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const bearer = bearerOf(req);
    if (!bearer && UNSAFE.has(req.method) && !sameOrigin(req)) throw new AppError(403, 'csrf');
    const lang = pickLang(req.headers['accept-language']);
    if (req.routeOptions.config?.public || (app.config.publicApiDocs && isApiDocs(req.routeOptions.url))) {
      // Public routes still learn who is calling when they can (e.g. GET /api/setup).
      return;
    }
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    if (bearer) {
      const caller = await app.tokens.callerOf(bearer, lang);
      if (!caller) throw new AppError(401, 'token_invalid');
      if (req.routeOptions.config?.sessionOnly) throw new AppError(403, 'token_session_only');
      if (caller.readOnly && UNSAFE.has(req.method)) throw new AppError(403, 'token_read_only');
      req.actor = caller.actor;
      req.tokenId = caller.tokenId;
      return;
    }
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
