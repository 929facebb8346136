import { Type, type Static } from 'typebox';
import { COVERAGE_LEVELS, INFLUENCE_LEVELS, LINK_KINDS } from '../enums.ts';
import {
  ExportQuery,
  Id,
  IsoDate,
  IsoDateTime,
  Nullable,
  OptionalNullable,
  Page,
  PageQuery,
  Version,
} from './common.ts';

const Text = (max = 200) => Type.String({ maxLength: max });

const writable = {
  title: OptionalNullable(Text(100)),
  department: OptionalNullable(Text(100)),
  reportsToId: OptionalNullable(Id),
  phone: OptionalNullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' })),
  mobile: OptionalNullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' })),
  email: OptionalNullable(Type.String({ maxLength: 200, format: 'email' })),
  wechat: OptionalNullable(Text(100)),
  birthday: OptionalNullable(IsoDate),
  notes: OptionalNullable(Type.String({ maxLength: 10000 })),
  influence: OptionalNullable(Type.Enum([...INFLUENCE_LEVELS])),
  attitude: OptionalNullable(Type.Integer({ minimum: -5, maximum: 5 })),
  coverage: Type.Optional(Type.Enum([...COVERAGE_LEVELS])),
  counterpartId: OptionalNullable(Id),
  interests: OptionalNullable(Type.String({ maxLength: 2000 })),
  goals: OptionalNullable(Type.String({ maxLength: 2000 })),
  /** Stakeholder grid, 1–5; null hands the value back to the derivation from influence, coverage and attitude. */
  power: OptionalNullable(Type.Integer({ minimum: 1, maximum: 5 })),
  interest: OptionalNullable(Type.Integer({ minimum: 1, maximum: 5 })),
  /** Government accounts' intelligence (the course's 收集关键信息). */
  govPosition: OptionalNullable(Type.String({ maxLength: 2000 })),
  govSupplierSelection: OptionalNullable(Type.String({ maxLength: 2000 })),
  govAchievements: OptionalNullable(Type.String({ maxLength: 2000 })),
  govCostAwareness: OptionalNullable(Type.String({ maxLength: 2000 })),
};

/**
 * 查重: a mobile or e-mail another contact of the organisation has answers 409 duplicate_contact unless
 * this is true (the form shows the match and asks). Deals use the same flag name.
 */
const allowDuplicate = Type.Optional(
  Type.Boolean({ description: 'Save even though another contact has the same mobile or e-mail (查重 confirmed)' }),
);

export const ContactCreate = Type.Object(
  { accountId: Id, name: Type.String({ minLength: 1, maxLength: 100 }), allowDuplicate, ...writable },
  { additionalProperties: false },
);
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    allowDuplicate,
    ...writable,
  },
  { additionalProperties: false },
);
export type ContactUpdate = Static<typeof ContactUpdate>;

/** GET /api/contacts/duplicates: contacts with this mobile or e-mail (excludeId: the contact being edited). */
export const ContactDuplicatesQuery = Type.Object(
  {
    mobile: Type.Optional(Type.String({ maxLength: 50 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    excludeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ContactDuplicatesQuery = Static<typeof ContactDuplicatesQuery>;

export const Contact = Type.Object({
  id: Id,
  accountId: Id,
  accountName: Type.String(),
  name: Type.String(),
  title: Nullable(Type.String()),
  department: Nullable(Type.String()),
  reportsToId: Nullable(Id),
  reportsToName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  email: Nullable(Type.String()),
  wechat: Nullable(Type.String()),
  birthday: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  influence: Nullable(Type.Enum([...INFLUENCE_LEVELS])),
  attitude: Nullable(Type.Integer()),
  coverage: Type.Enum([...COVERAGE_LEVELS]),
  counterpartId: Nullable(Id),
  counterpartName: Nullable(Type.String()),
  interests: Nullable(Type.String()),
  goals: Nullable(Type.String()),
  power: Nullable(Type.Integer()),
  interest: Nullable(Type.Integer()),
  govPosition: Nullable(Type.String()),
  govSupplierSelection: Nullable(Type.String()),
  govAchievements: Nullable(Type.String()),
  govCostAwareness: Nullable(Type.String()),
  archived: Type.Boolean(),
  /** 合并: the contact this one was merged into (it is archived and lives on as that one); null otherwise. */
  mergedIntoId: Nullable(Id),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Contact = Static<typeof Contact>;

export const CONTACT_SORTS = ['updatedAt', '-updatedAt', 'name', '-name', 'createdAt', '-createdAt'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const ContactListQuery = Type.Object({
  ...PageQuery,
  ...ExportQuery,
  sort: Type.Optional(Type.Enum([...CONTACT_SORTS])),
  accountId: Type.Optional(Id),
  influence: Type.Optional(Type.Enum([...INFLUENCE_LEVELS])),
  coverage: Type.Optional(Type.Enum([...COVERAGE_LEVELS])),
  counterpartId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  archived: Type.Optional(Type.Boolean()),
});
export type ContactListQuery = Static<typeof ContactListQuery>;
/**
 * A list row: the contact without its long notes, interests, goals, grid placement and government
 * intelligence; lists never show a merged contact, so without its pointer too.
 */
export const ContactListItem = Type.Omit(Contact, [
  'mergedIntoId',
  'notes',
  'interests',
  'goals',
  'power',
  'interest',
  'govPosition',
  'govSupplierSelection',
  'govAchievements',
  'govCostAwareness',
]);
export type ContactListItem = Static<typeof ContactListItem>;
export const ContactPage = Page(ContactListItem);

export const ContactLinkCreate = Type.Object(
  {
    fromContactId: Id,
    toContactId: Id,
    kind: Type.Enum([...LINK_KINDS]),
    note: OptionalNullable(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ContactLinkCreate = Static<typeof ContactLinkCreate>;
export const ContactLink = Type.Object({
  id: Id,
  fromContactId: Id,
  fromName: Type.String(),
  toContactId: Id,
  toName: Type.String(),
  kind: Type.Enum([...LINK_KINDS]),
  note: Nullable(Type.String()),
});
export type ContactLink = Static<typeof ContactLink>;

/** Org chart of one account: every contact node plus reporting lines and relationship links. */
export const OrgChart = Type.Object({
  nodes: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      title: Nullable(Type.String()),
      department: Nullable(Type.String()),
      reportsToId: Nullable(Id),
      influence: Nullable(Type.Enum([...INFLUENCE_LEVELS])),
      attitude: Nullable(Type.Integer()),
      coverage: Type.Enum([...COVERAGE_LEVELS]),
    }),
  ),
  links: Type.Array(ContactLink),
});
export type OrgChart = Static<typeof OrgChart>;
