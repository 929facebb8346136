import { Type, type Static } from 'typebox';
import {
  ACCOUNT_MEMBER_ROLES,
  ACCOUNT_SCOPES,
  FINANCIAL_STATUSES,
  OWNERSHIP_TYPES,
  RELATIONSHIP_STAGES,
  TIERS,
} from '../enums.ts';
import {
  ExportQuery,
  Id,
  IsoDateTime,
  NonNegativeMoney,
  Nullable,
  OptionalNullable,
  Page,
  PageQuery,
  Version,
} from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });
const LongText = Type.String({ maxLength: 10000 });

/** Fields a user may write; shared by create (name and ownershipType required) and update. */
const writable = {
  shortName: OptionalNullable(Text(100)),
  creditCode: OptionalNullable(Type.String({ maxLength: 18, description: '统一社会信用代码, checksum-validated' })),
  scope: Type.Optional(Type.Enum([...ACCOUNT_SCOPES])),
  parentId: OptionalNullable(Id),
  industry: OptionalNullable(Text(100)),
  /** GB/T 4754-2017 division (01–97) or section (A–T); sets `industry` to its name. */
  industryCode: OptionalNullable(Type.String({ maxLength: 2, description: 'GB/T 4754-2017 国民经济行业分类' })),
  province: OptionalNullable(Text(50)),
  city: OptionalNullable(Text(50)),
  /** GB/T 2260 code, the most specific level chosen; sets `province` and `city` to its names. */
  regionCode: OptionalNullable(Type.String({ maxLength: 6, description: 'GB/T 2260 行政区划代码' })),
  address: OptionalNullable(Text(300)),
  website: OptionalNullable(Text(300)),
  employees: OptionalNullable(Type.Integer({ minimum: 0, maximum: 100000000 })),
  annualRevenue: OptionalNullable(NonNegativeMoney),
  ourRevenue: OptionalNullable(NonNegativeMoney),
  potential: OptionalNullable(NonNegativeMoney),
  financialStatus: OptionalNullable(Type.Enum([...FINANCIAL_STATUSES])),
  marketStrength: OptionalNullable(Type.Integer({ minimum: 1, maximum: 5 })),
  relationshipStage: Type.Optional(Type.Enum([...RELATIONSHIP_STAGES])),
  tier: OptionalNullable(Type.Enum([...TIERS])),
  ownerId: OptionalNullable(Id),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 })),
  needs: OptionalNullable(LongText),
  background: OptionalNullable(LongText),
  purchaseMotives: OptionalNullable(LongText),
  profitModel: OptionalNullable(LongText),
  decisionProcess: OptionalNullable(LongText),
  upstreamDownstream: OptionalNullable(LongText),
  coreCompetencies: OptionalNullable(LongText),
};

/**
 * 查重: a name that matches another account's (width, spaces, punctuation and the legal-form suffix
 * ignored) answers 409 duplicate_account unless this is true — the form shows the match and asks. The
 * same credit code is refused whatever this says.
 */
const allowDuplicateName = Type.Optional(
  Type.Boolean({ description: 'Save even though another account has the same normalised name (查重 confirmed)' }),
);

export const AccountCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    ownershipType: Type.Enum([...OWNERSHIP_TYPES]),
    allowDuplicateName,
    ...writable,
  },
  { additionalProperties: false },
);
export type AccountCreate = Static<typeof AccountCreate>;

export const AccountUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ownershipType: Type.Optional(Type.Enum([...OWNERSHIP_TYPES])),
    allowDuplicateName,
    ...writable,
  },
  { additionalProperties: false },
);
export type AccountUpdate = Static<typeof AccountUpdate>;

/** GET /api/accounts/duplicates: what a write with this name or credit code would match (excludeId: the account being edited). */
export const AccountDuplicatesQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    creditCode: Type.Optional(Type.String({ maxLength: 18 })),
    excludeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AccountDuplicatesQuery = Static<typeof AccountDuplicatesQuery>;

export const Account = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  ownershipType: Type.Enum([...OWNERSHIP_TYPES]),
  scope: Type.Enum([...ACCOUNT_SCOPES]),
  /** The parent (集团) when the caller may see it; null too when it is outside their scope. */
  parentId: Nullable(Id),
  parentName: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  industryCode: Nullable(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  /** The names the region code stands for ("云南省 · 昆明市 · 五华区"); null without a code. */
  regionName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  website: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  annualRevenue: Nullable(Type.String()),
  ourRevenue: Nullable(Type.String()),
  potential: Nullable(Type.String()),
  financialStatus: Nullable(Type.Enum([...FINANCIAL_STATUSES])),
  marketStrength: Nullable(Type.Integer()),
  relationshipStage: Type.Enum([...RELATIONSHIP_STAGES]),
  tier: Nullable(Type.Enum([...TIERS])),
  /** Key-account score 0–100 and the tier it recommends (the organisation's scoring model). */
  score: Nullable(Type.Integer()),
  recommendedTier: Nullable(Type.Enum([...TIERS])),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  needs: Nullable(Type.String()),
  background: Nullable(Type.String()),
  purchaseMotives: Nullable(Type.String()),
  profitModel: Nullable(Type.String()),
  decisionProcess: Nullable(Type.String()),
  upstreamDownstream: Nullable(Type.String()),
  coreCompetencies: Nullable(Type.String()),
  archived: Type.Boolean(),
  /** 合并: the account this one was merged into (it is archived and lives on as that one); null otherwise. */
  mergedIntoId: Nullable(Id),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Account = Static<typeof Account>;

export const AccountDetail = Type.Intersect([
  Account,
  Type.Object({
    members: Type.Array(AccountMember()),
    subsidiaries: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    contactCount: Type.Integer(),
    health: AccountHealthScore(),
  }),
]);
export type AccountDetail = Static<typeof AccountDetail>;

/** Account health 0–100 (core/account-health), computed on read; null while there is nothing to judge. */
function AccountHealthScore() {
  return Nullable(Type.Integer({ minimum: 0, maximum: 100 }));
}

function AccountMember() {
  return Type.Object({ userId: Id, name: Type.String(), role: Type.Enum([...ACCOUNT_MEMBER_ROLES]) });
}
export const AccountMemberSchema = AccountMember();
export const AccountMembersPut = Type.Object(
  { members: Type.Array(Type.Object({ userId: Id, role: Type.Enum([...ACCOUNT_MEMBER_ROLES]) }), { maxItems: 50 }) },
  { additionalProperties: false },
);
export type AccountMembersPut = Static<typeof AccountMembersPut>;

export const ACCOUNT_SORTS = [
  'updatedAt',
  '-updatedAt',
  'name',
  '-name',
  'ourRevenue',
  '-ourRevenue',
  'potential',
  '-potential',
  'createdAt',
  '-createdAt',
] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const AccountListQuery = Type.Object({
  ...PageQuery,
  ...ExportQuery,
  sort: Type.Optional(Type.Enum([...ACCOUNT_SORTS])),
  ownershipType: Type.Optional(Type.Enum([...OWNERSHIP_TYPES])),
  scope: Type.Optional(Type.Enum([...ACCOUNT_SCOPES])),
  financialStatus: Type.Optional(Type.Enum([...FINANCIAL_STATUSES])),
  relationshipStage: Type.Optional(Type.Enum([...RELATIONSHIP_STAGES])),
  tier: Type.Optional(Type.Enum([...TIERS])),
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  parentId: Type.Optional(Id),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  province: Type.Optional(Type.String({ maxLength: 50 })),
  /** A GB/T 2260 code: accounts in that province, city or district. */
  region: Type.Optional(Type.String({ maxLength: 6 })),
  /** A GB/T 4754 section (A–T) or division (01–97). */
  industryCode: Type.Optional(Type.String({ maxLength: 2 })),
  archived: Type.Optional(Type.Boolean()),
  /** `false` leaves each row's health out (null): pickers that only need names skip its reads. */
  health: Type.Optional(Type.Boolean({ default: true })),
});
export type AccountListQuery = Static<typeof AccountListQuery>;

/** A list row: what the list screens show, without the long profile texts (lists stay light and fast). */
export const AccountListItem = Type.Intersect([
  AccountListFields(),
  Type.Object({
    industryCode: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    regionName: Nullable(Type.String()),
    health: AccountHealthScore(),
  }),
]);
export type AccountListItem = Static<typeof AccountListItem>;

function AccountListFields() {
  return Type.Pick(Account, [
    'id',
    'name',
    'shortName',
    'ownershipType',
    'scope',
    'parentId',
    'parentName',
    'industry',
    'province',
    'city',
    'ourRevenue',
    'potential',
    'financialStatus',
    'marketStrength',
    'relationshipStage',
    'tier',
    'score',
    'recommendedTier',
    'ownerId',
    'ownerName',
    'tags',
    'archived',
    'version',
    'createdAt',
    'updatedAt',
  ]);
}

export const AccountPage = Page(AccountListItem);

/** Accounts in scope by province (按省份): a GB/T 2260 province code, or null for those without a code. */
export const AccountsByProvince = Type.Object({
  items: Type.Array(
    Type.Object({ provinceCode: Nullable(Type.String()), name: Nullable(Type.String()), count: Type.Integer() }),
  ),
});
export type AccountsByProvince = Static<typeof AccountsByProvince>;
