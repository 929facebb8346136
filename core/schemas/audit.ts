// The audit log (issue 23, item 7): every change the history holds, every sign-in and failed sign-in,
// token use, exports and imports — one organisation-wide, newest-first list for admins.
import { Type, type Static } from 'typebox';
import { ExportQuery, Id, IsoDate, IsoDateTime, Nullable, Page, PageQuery } from './common.ts';

export const AuditQuery = Type.Object(
  {
    cursor: PageQuery.cursor,
    limit: PageQuery.limit,
    ...ExportQuery,
    /** Who did it. */
    userId: Type.Optional(Id),
    /** What it was done to: account, contact, opportunity, activity, task, user, token, export… */
    entity: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' })),
    /** create, update, delete, login, login_failed, token_used, export, merge… */
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' })),
    /** On or after / on or before (dates in the organisation's time zone, inclusive). */
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Id,
  at: IsoDateTime,
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  entityType: Type.String(),
  entityId: Id,
  /** The record's name as it is now (an account's, a user's, a token's), when it has one. */
  entityName: Nullable(Type.String()),
  action: Type.String(),
  changes: Type.Array(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() })),
  importId: Nullable(Id),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Page(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;
