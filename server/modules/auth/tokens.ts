// Personal access tokens (issue 23): an integration (the ERP, a BI tool) calls the API as its user with
// `Authorization: Bearer okam_<org>.<secret>`, with the user's role and data scope and never more; a
// read-only token cannot write. The secret is shown once and stored as its hash, as a session's is.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { historyWriter } from '../../kernel/history.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { assertCan, type Actor } from '../../access/index.ts';
import type { Lang } from '../../../core/messages.ts';
import { TOKEN_PREFIX, type Token, type TokenCreate, type TokenCreated } from '../../../core/schemas/tokens.ts';
import { callerOfUser, sha256 } from './service.ts';
import { tokenRepository, type TokenRow } from './token-repository.ts';

const TOKEN = /^okam_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
/** Last use is written at most this often: a busy integration's reads stay reads. */
const TOUCH_MS = 60_000;

export interface TokenCaller {
  actor: Actor;
  tokenId: string;
  readOnly: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(row: TokenRow, now: Date): Token {
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    userName: row.userName,
    readOnly: row.readOnly,
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
    active: !row.revokedAt && (!row.expiresAt || row.expiresAt > now),
  };
}

export function tokenService(db: Db) {
  const repo = tokenRepository(db);
  return {
    /** The caller a bearer token signs in as; null for a malformed, unknown, expired or revoked token. */
    async callerOf(bearer: string, lang: Lang): Promise<TokenCaller | null> {
      const m = TOKEN.exec(bearer);
      if (!m) return null;
      const [, orgId, secret] = m;
      const row = await repo.caller(orgId, sha256(secret));
      const now = new Date();
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
        await repo.touch(orgId, row.id, now);
        // The audit log's trail of the token's use: one entry per minute of use at most.
        await historyWriter(db).record(orgId, 'token', row.id, 'token_used', row.userId);
      }
      return {
        tokenId: row.id,
        readOnly: row.readOnly,
        actor: { orgId, lang, ...(await callerOfUser(db, orgId, row)) },
      };
    },

    async create(actor: Actor, input: TokenCreate): Promise<TokenCreated> {
      assertCan(actor, 'create', 'token');
      const now = new Date();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= now) throw fieldError('expiresAt', 'token_expiry_past');
      const secret = randomBytes(32).toString('base64url');
      const id = newId();
      await repo.insert({
        orgId: actor.orgId,
        id,
        userId: actor.userId,
        name: input.name.trim(),
        tokenHash: sha256(secret),
        readOnly: input.readOnly ?? false,
        expiresAt,
        createdAt: now,
      });
      const row = await repo.get(actor.orgId, id);
      if (!row) throw notFound();
      return { ...present(row, now), token: `${TOKEN_PREFIX}${actor.orgId}.${secret}` };
    },

    /** The caller's own tokens; with `all`, an admin's view of every member's. */
    async list(actor: Actor, all = false): Promise<{ items: Token[] }> {
      if (all) assertCan(actor, 'read', 'token');
      const now = new Date();
      const rows = await repo.list(actor.orgId, all ? null : actor.userId);
      return { items: rows.map((r) => present(r, now)) };
    },

    /** Stops a token at once (its user's, or anyone's for an admin); revoking a revoked one changes nothing. */
    async revoke(actor: Actor, id: string): Promise<void> {
      const row = await repo.get(actor.orgId, id);
      if (!row) throw notFound();
      assertCan(actor, 'delete', { entity: 'token', userId: row.userId });
      await repo.revoke(actor.orgId, id, actor.userId, new Date());
    },
  };
}

export type TokenService = ReturnType<typeof tokenService>;
