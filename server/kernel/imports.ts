// What the import module (server/modules/imports) hands the module that owns an entity, and what it
// gets back per row. Here, not in either module, so the owners (accounts, contacts) need not import
// the import module and the import module need not know their tables.
import type { ImportMatch } from '../../core/schemas/imports.ts';
import type { MessageCode, Params } from '../../core/messages.ts';

export interface ImportIssue {
  field: string;
  code: MessageCode;
  params?: Params;
}

/** A row read, converted and schema-checked: the create body's fields, references as text. */
export interface ImportRow {
  row: number;
  data: Record<string, unknown>;
  refs: Partial<Record<'owner' | 'account' | 'stage' | 'type', string>>;
}

export interface ImportBatchContext {
  importId: string;
  match: ImportMatch;
  /** Rows write their owner column over a matched record's owner only when the user chose that column. */
  ownerOnUpdate: boolean;
  /** Matching keys seen earlier in this file → their row, so a repeated record is reported, not written twice. */
  seen: Map<string, number>;
}

export type ImportOutcome =
  | { row: number; outcome: 'created' | 'updated'; id: string }
  | { row: number; outcome: 'rejected'; issues: ImportIssue[] };
