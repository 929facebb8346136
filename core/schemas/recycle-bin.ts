import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Money, Nullable, Page, PageQuery } from './common.ts';

/** What can be deleted into the recycle bin (回收站); mirrors server/db/trash.ts. */
export const BIN_ENTITIES = ['account', 'contact', 'opportunity', 'activity'] as const;
export type BinEntity = (typeof BIN_ENTITIES)[number];

export const RecycleBinItem = Type.Object({
  /** The deleted record's own id: restore it with POST /recycle-bin/{id}/restore. */
  id: Id,
  entity: Type.Enum([...BIN_ENTITIES]),
  name: Type.String(),
  accountId: Nullable(Id),
  accountName: Nullable(Type.String()),
  amount: Nullable(Money),
  deletedAt: IsoDateTime,
  deletedById: Id,
  deletedByName: Nullable(Type.String()),
  /** When the daily job purges it unless it is restored first. */
  purgeAt: IsoDateTime,
});
export type RecycleBinItem = Static<typeof RecycleBinItem>;

export const RecycleBinPage = Page(RecycleBinItem);

export const RecycleBinQuery = Type.Object(
  { entity: Type.Optional(Type.Enum([...BIN_ENTITIES])), ...PageQuery },
  { additionalProperties: false },
);
export type RecycleBinQuery = Static<typeof RecycleBinQuery>;

export const RecycleBinRestored = Type.Object({
  id: Id,
  entity: Type.Enum([...BIN_ENTITIES]),
  /** Linked rows that could not come back because what they point at is gone (an influence on a since-deleted deal). */
  skipped: Type.Integer({ minimum: 0 }),
});
export type RecycleBinRestored = Static<typeof RecycleBinRestored>;

export const DEFAULT_RETENTION_DAYS = 30;
export const RecycleBinSettings = Type.Object(
  {
    retentionDays: Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: 'Days a deleted record can be restored before the daily purge',
    }),
  },
  { additionalProperties: false },
);
export type RecycleBinSettings = Static<typeof RecycleBinSettings>;
