// Personal access tokens (issue 23): what an integration signs in with. The secret is shown once, in
// the answer to its creation; afterwards a token is known by its name, its owner and when it was used.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Nullable } from './common.ts';

export const TokenCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    /** When it stops working; none: until revoked. */
    expiresAt: Type.Optional(Nullable(IsoDateTime)),
    /** Reads only: any write answers 403. */
    readOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TokenCreate = Static<typeof TokenCreate>;

export const Token = Type.Object({
  id: Id,
  name: Type.String(),
  userId: Id,
  userName: Type.String(),
  readOnly: Type.Boolean(),
  expiresAt: Nullable(IsoDateTime),
  lastUsedAt: Nullable(IsoDateTime),
  revokedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  /** Usable now: neither revoked nor expired. */
  active: Type.Boolean(),
});
export type Token = Static<typeof Token>;

/** The answer to a creation: the token and, this once, its secret. */
export const TokenCreated = Type.Intersect([Token, Type.Object({ token: Type.String() })]);
export type TokenCreated = Static<typeof TokenCreated>;

export const TokenList = Type.Object({ items: Type.Array(Token) });
export type TokenList = Static<typeof TokenList>;

export const TokenListQuery = Type.Object(
  {
    /** Admins: every member's tokens, not only their own. */
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TokenListQuery = Static<typeof TokenListQuery>;

/** How a token starts, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'okam_';
