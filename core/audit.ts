// How the audit log writes a change in a line, the same on the page and in its file.
import type { FieldChange } from './diff.ts';

/** A stored value as text: none as "—", text as it is, anything else as JSON. */
export const auditValue = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** One change: "field: old → new". */
export const changeLine = (c: FieldChange): string => `${c.field}: ${auditValue(c.old)} → ${auditValue(c.new)}`;
