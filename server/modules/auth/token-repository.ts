// The SQL of API tokens (tokens.ts): the caller a token signs in as, and the owner's list.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountMembers, apiTokens, users } from '../../db/schema.ts';

export type TokenRow = typeof apiTokens.$inferSelect & { userName: string };

const listed = {
  orgId: apiTokens.orgId,
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  tokenHash: apiTokens.tokenHash,
  readOnly: apiTokens.readOnly,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  revokedBy: apiTokens.revokedBy,
  createdAt: apiTokens.createdAt,
  userName: users.name,
};

export function tokenRepository(db: Db) {
  return {
    /** A live token's user as a session's is read (active users only), with the token's own terms. */
    async caller(orgId: string, tokenHash: string) {
      const [row] = await db
        .select({
          id: apiTokens.id,
          userId: users.id,
          role: users.role,
          dataScope: users.dataScope,
          teamId: users.teamId,
          readOnly: apiTokens.readOnly,
          expiresAt: apiTokens.expiresAt,
          revokedAt: apiTokens.revokedAt,
          lastUsedAt: apiTokens.lastUsedAt,
          teamAccountIds: sql<
            string[]
          >`array(select m.account_id from ${accountMembers} m where m.org_id = ${apiTokens.orgId} and m.user_id = ${apiTokens.userId})`,
        })
        .from(apiTokens)
        .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.tokenHash, tokenHash), eq(users.active, true)));
      return row;
    },

    touch: (orgId: string, id: string, at: Date) =>
      db
        .update(apiTokens)
        .set({ lastUsedAt: at })
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id))),

    insert: (row: typeof apiTokens.$inferInsert) => db.insert(apiTokens).values(row),

    /** Newest first; one user's, or (userId null) the organisation's. */
    list: (orgId: string, userId: string | null): Promise<TokenRow[]> =>
      db
        .select(listed)
        .from(apiTokens)
        .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
        .where(and(eq(apiTokens.orgId, orgId), userId ? eq(apiTokens.userId, userId) : undefined))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)),

    async get(orgId: string, id: string): Promise<TokenRow | undefined> {
      const [row] = await db
        .select(listed)
        .from(apiTokens)
        .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
      return row;
    },

    revoke: (orgId: string, id: string, by: string, at: Date) =>
      db
        .update(apiTokens)
        .set({ revokedAt: at, revokedBy: by })
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt))),
  };
}
