// Prospect qualification and the shared pool 公海 (issue 6): one contract for server and web.
import { Type, type Static } from 'typebox';
import { OWNERSHIP_TYPES, PROSPECT_DECISIONS, TIERS } from '../enums.ts';
import { ExportQuery, Id, IsoDateTime, Nullable, Version } from './common.ts';

// ---- Settings ----
export const ProspectSettings = Type.Object(
  {
    dropShare: Type.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: 'Share of the ranked prospects flagged to drop (the course: 0.35)',
    }),
    claimLimit: Type.Integer({
      minimum: 1,
      maximum: 10000,
      description: 'Accounts a rep may hold that they claimed from the pool',
    }),
  },
  { additionalProperties: false },
);
export type ProspectSettings = Static<typeof ProspectSettings>;

// ---- Prospects ----
export const ProspectQuery = Type.Object({
  owner: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000, default: 0 })),
});
export type ProspectQuery = Static<typeof ProspectQuery>;

export const ProspectItem = Type.Object({
  accountId: Id,
  name: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  /** 1 = the best prospect. */
  rank: Type.Integer(),
  score: Nullable(Type.Integer()),
  tier: Nullable(Type.Enum([...TIERS])),
  dropCandidate: Type.Boolean(),
  review: Nullable(Type.Enum([...PROSPECT_DECISIONS])),
  reviewedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});
export type ProspectItem = Static<typeof ProspectItem>;

export const ProspectList = Type.Object({
  items: Type.Array(ProspectItem),
  /** Prospects in the ranked list (the whole list, not the page). */
  total: Type.Integer(),
  /** How many of them are drop candidates: ⌈total × dropShare⌉. */
  dropCandidates: Type.Integer(),
  /** total × dropShare exactly, before rounding up (35% of 17 → "5.95"). */
  dropCut: Type.String(),
  unscored: Type.Integer(),
  dropShare: Type.Number(),
});
export type ProspectList = Static<typeof ProspectList>;

export const ProspectReview = Type.Object(
  { decision: Type.Enum([...PROSPECT_DECISIONS]), version: Version },
  { additionalProperties: false },
);
export type ProspectReview = Static<typeof ProspectReview>;

export const ProspectReviewResult = Type.Object({
  accountId: Id,
  decision: Type.Enum([...PROSPECT_DECISIONS]),
  ownerId: Nullable(Id),
  archived: Type.Boolean(),
  version: Type.Integer(),
});
export type ProspectReviewResult = Static<typeof ProspectReviewResult>;

// ---- The shared pool ----
export const PoolQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  ...ExportQuery,
});
export type PoolQuery = Static<typeof PoolQuery>;

export const PoolItem = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  ownershipType: Type.Enum([...OWNERSHIP_TYPES]),
  industry: Nullable(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  /** Null for an account left without owner some other way than a prospect review. */
  pooledAt: Nullable(IsoDateTime),
});
export type PoolItem = Static<typeof PoolItem>;

export const MyClaims = Type.Object({ count: Type.Integer(), limit: Type.Integer() });
export type MyClaims = Static<typeof MyClaims>;

export const PoolPage = Type.Object({
  items: Type.Array(PoolItem),
  nextCursor: Nullable(Type.String()),
  myClaims: MyClaims,
});
export type PoolPage = Static<typeof PoolPage>;

export const PoolClaim = Type.Object({ accountId: Id, ownerId: Id, claimedAt: IsoDateTime, myClaims: MyClaims });
export type PoolClaim = Static<typeof PoolClaim>;
