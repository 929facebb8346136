import { Type, type Static, type TSchema } from 'typebox';

export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id });

/** Money travels as a decimal string so it is exact end to end (numeric(18,2) in the database). */
export const Money = Type.String({
  pattern: '^-?\\d{1,16}(\\.\\d{1,2})?$',
  description: 'Decimal amount in CNY, e.g. "1250000.00"',
});
export const NonNegativeMoney = Type.String({
  pattern: '^\\d{1,16}(\\.\\d{1,2})?$',
  description: 'Decimal amount ≥ 0 in CNY',
});

export const IsoDate = Type.String({ format: 'date' });
export const IsoDateTime = Type.String({ format: 'date-time' });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const OptionalNullable = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
export type PageOf<T> = { items: T[]; nextCursor: string | null };

/**
 * A list's totals for the filter it is showing (共 N 条), over every match in the caller's data scope,
 * not the page: the count, and for a list with money the exact sum of its amount.
 */
export const ListSummary = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  amount: Type.Optional(Money),
  /** True when the list counts no further than `count` and more match (shown as 共 1000+ 条). */
  capped: Type.Optional(Type.Boolean()),
});
export type ListSummary = Static<typeof ListSummary>;

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
};

/**
 * `?format=xlsx|csv` turns a list's GET into a download of every row its filter matches, in its sort
 * (issue 22); without it the list answers its JSON page as before.
 */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ExportQuery = { format: Type.Optional(Type.Enum([...EXPORT_FORMATS])) };

export const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one answers 409' });

export const FieldError = Type.Object({
  path: Type.String(),
  code: Type.String(),
  message: Type.String(),
  messages: Type.Object({ zh: Type.String(), en: Type.String() }),
});

/**
 * One record a duplicate check (查重) found. In the caller's data scope: its id, name and owner (and for
 * a contact its account). Outside it: only the owner's name ("已由 张三 登记") — nothing else leaks. An
 * account in the shared pool has no owner: `pool` is true and `ownerName` says 公海 / Shared pool.
 */
export const DuplicateMatch = Type.Object({
  /** What matched: the credit code (never overridable), the normalised name, the mobile or the e-mail. */
  field: Type.Enum(['creditCode', 'name', 'mobile', 'email']),
  inScope: Type.Boolean(),
  ownerName: Nullable(Type.String()),
  pool: Type.Boolean(),
  id: Type.Optional(Id),
  name: Type.Optional(Type.String()),
  accountId: Type.Optional(Id),
  accountName: Type.Optional(Type.String()),
  /** Archived records count as registered; deleted ones (the recycle bin) do not. */
  archived: Type.Optional(Type.Boolean()),
});
export type DuplicateMatch = Static<typeof DuplicateMatch>;
export const DuplicateMatches = Type.Object({ matches: Type.Array(DuplicateMatch) });
export type DuplicateMatches = Static<typeof DuplicateMatches>;

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  messages: Type.Object({ zh: Type.String(), en: Type.String() }),
  fields: Type.Optional(Type.Array(FieldError)),
  /** 409 duplicate_account / duplicate_contact / duplicate_deal: what was found. */
  matches: Type.Optional(Type.Array(DuplicateMatch)),
});
export type ErrorBody = Static<typeof ErrorResponse>;

export const HistoryEntry = Type.Object({
  id: Id,
  entityType: Type.String(),
  entityId: Id,
  action: Type.Enum([
    'create',
    'update',
    'archive',
    'restore',
    'delete',
    'undelete',
    'purge',
    'export',
    'import',
    'merge',
    'unmerge',
  ]),
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  at: IsoDateTime,
  changes: Type.Array(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() })),
});
export type HistoryEntry = Static<typeof HistoryEntry>;
