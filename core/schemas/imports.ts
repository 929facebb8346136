// Spreadsheet import (issue 22): one contract for server and web. The upload itself is multipart form
// data (`file` plus the fields of ImportOptions as text), so only the answers are schemas here.
import { Type, type Static } from 'typebox';
import { IMPORT_ENTITIES } from '../import/headers.ts';
import { Id, IsoDateTime, Nullable } from './common.ts';

export const ImportEntity = Type.Enum([...IMPORT_ENTITIES]);

/** create: only new records; update: only rows that match an existing one; both: either. */
export const IMPORT_MATCHES = ['create', 'update', 'both'] as const;
export type ImportMatch = (typeof IMPORT_MATCHES)[number];
/** all: nothing is written unless every row is good; skip: good rows are written, bad ones reported. */
export const IMPORT_MODES = ['all', 'skip'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A mapping as sent and saved: the sheet's header text → the field it fills, or null to ignore the
 * column. Headers the mapping does not name map themselves by their words (core/import/headers.ts).
 */
export const ImportMapping = Type.Record(Type.String({ maxLength: 200 }), Nullable(Type.String({ maxLength: 40 })));
export type ImportMapping = Static<typeof ImportMapping>;

export const ImportColumn = Type.Object({
  column: Type.Integer({ minimum: 0 }),
  header: Type.String(),
  field: Nullable(Type.String()),
  /** A money column's multiplier named by its header (金额（万元） → "10000"). */
  unit: Type.Optional(Type.String()),
});
export type ImportColumn = Static<typeof ImportColumn>;

export const ImportRowError = Type.Object({
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportFieldInfo = Type.Object({
  field: Type.String(),
  kind: Type.String(),
  required: Type.Boolean(),
  /** The field's name in the caller's language, for the mapping's drop-downs. */
  label: Type.String(),
});

/** The first rows of a file as they would be stored, read before anything is written. */
export const ImportPreview = Type.Object({
  entity: ImportEntity,
  fileName: Type.String(),
  format: Type.Enum(['xlsx', 'csv']),
  /** How a CSV was decoded: utf-8 or gb18030 (what Excel on Chinese Windows writes). */
  encoding: Type.Optional(Type.String()),
  columns: Type.Array(ImportColumn),
  /** Required fields no column fills yet: the import refuses to start until they are mapped. */
  missing: Type.Array(Type.String()),
  fields: Type.Array(ImportFieldInfo),
  rows: Type.Array(
    Type.Object({
      /** The row's number in the sheet (the header is row 1). */
      row: Type.Integer(),
      values: Type.Record(Type.String(), Nullable(Type.String())),
      errors: Type.Array(ImportRowError),
    }),
  ),
});
export type ImportPreview = Static<typeof ImportPreview>;

export const ImportJob = Type.Object({
  id: Id,
  entity: ImportEntity,
  status: Type.Enum([...IMPORT_STATUSES]),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  mode: Type.Enum([...IMPORT_MODES]),
  match: Type.Enum([...IMPORT_MATCHES]),
  /** Data rows in the file (known once the file has been read through; 0 before). */
  total: Type.Integer(),
  /** Rows handled so far, good or bad. */
  done: Type.Integer(),
  rejected: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  /** Why a failed import stopped, in the caller's language (a bad file, all-or-nothing with bad rows). */
  error: Nullable(Type.String()),
  /** Rejected rows can be downloaded as .xlsx from /api/imports/:id/report. */
  reportAvailable: Type.Boolean(),
  userId: Id,
  userName: Nullable(Type.String()),
  createdAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
});
export type ImportJob = Static<typeof ImportJob>;

export const ImportJobList = Type.Object({ items: Type.Array(ImportJob) });
export type ImportJobList = Static<typeof ImportJobList>;

export const ImportMappingQuery = Type.Object({ entity: ImportEntity });
export const SavedImportMapping = Type.Object({ entity: ImportEntity, mapping: ImportMapping });
export type SavedImportMapping = Static<typeof SavedImportMapping>;
