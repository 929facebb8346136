// Auth, set-up, teams and users: the organisation's own records.
import { Type, type Static } from 'typebox';
import { DATA_SCOPES, ROLES } from '../enums.ts';
import { Id, IsoDateTime, Nullable, OptionalNullable, Version } from './common.ts';
import { UserPreferences } from '../user-preferences.ts';

const Email = Type.String({ format: 'email', maxLength: 200 });
const Password = Type.String({ minLength: 8, maxLength: 200 });
const Locale = Type.Enum(['zh-CN', 'en']);

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const SetupBody = Type.Object(
  {
    orgName: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    email: Email,
    password: Password,
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;
export const SetupStatus = Type.Object({ needsSetup: Type.Boolean() });

export const Me = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum([...ROLES]),
  dataScope: Type.Enum([...DATA_SCOPES]),
  teamId: Nullable(Id),
  managerId: Nullable(Id),
  locale: Nullable(Locale),
  preferences: UserPreferences,
});
export type Me = Static<typeof Me>;

/** Wrong passwords for the account since its last sign-in, shown once at the next one. */
export const FailedLogins = Type.Object({
  count: Type.Integer({ minimum: 1 }),
  lastAt: IsoDateTime,
  lastAddress: Nullable(Type.String()),
});
export type FailedLogins = Static<typeof FailedLogins>;
export const LoginResponse = Type.Object({
  ...Me.properties,
  failedAttemptsSinceLastLogin: Type.Optional(FailedLogins),
});
export type LoginResponse = Static<typeof LoginResponse>;

export const Team = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: Nullable(Id),
  memberCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Team = Static<typeof Team>;
export const TeamCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), parentId: OptionalNullable(Id) },
  { additionalProperties: false },
);
export type TeamCreate = Static<typeof TeamCreate>;
export const TeamUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    parentId: OptionalNullable(Id),
  },
  { additionalProperties: false },
);
export type TeamUpdate = Static<typeof TeamUpdate>;

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum([...ROLES]),
  dataScope: Type.Enum([...DATA_SCOPES]),
  teamId: Nullable(Id),
  teamName: Nullable(Type.String()),
  managerId: Nullable(Id),
  managerName: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = Static<typeof User>;
export const UserCreate = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Password,
    role: Type.Enum([...ROLES]),
    dataScope: Type.Optional(Type.Enum([...DATA_SCOPES])),
    teamId: OptionalNullable(Id),
    managerId: OptionalNullable(Id),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;
export const UserUpdate = Type.Object(
  {
    version: Version,
    email: Type.Optional(Email),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    password: Type.Optional(Password),
    role: Type.Optional(Type.Enum([...ROLES])),
    dataScope: Type.Optional(Type.Enum([...DATA_SCOPES])),
    teamId: OptionalNullable(Id),
    managerId: OptionalNullable(Id),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserUpdate = Static<typeof UserUpdate>;
/** Everyone signed in may read the directory (names for owner pickers); only admins change it. */
export const UserList = Type.Object({ items: Type.Array(User) });
export const PreferencesBody = Type.Object({ locale: Locale }, { additionalProperties: false });

/** The organisation's time zone (orgs.settings.timeZone), as the settings page reads and an admin sets it. */
export const OrgTimeZone = Type.Object(
  {
    /** IANA zone the organisation's days, weeks, months and quarters are named in (Asia/Shanghai by default). */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type OrgTimeZone = Static<typeof OrgTimeZone>;
