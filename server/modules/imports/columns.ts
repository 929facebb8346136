// A sheet's header row → the columns an import reads: the words of each header (core/import/headers.ts),
// then the user's saved or sent mapping over them. A mapping that names a field the entity does not have
// is refused as a whole (400) rather than silently ignored.
import { IMPORT_FIELDS, matchHeaders, missingRequired, type ImportEntity } from '../../../core/import/headers.ts';
import type { ImportColumn, ImportMapping } from '../../../core/schemas/imports.ts';
import { AppError } from '../../lib/errors.ts';
import type { Lang } from '../../../core/messages.ts';

export function resolveColumns(entity: ImportEntity, headers: string[], mapping: ImportMapping = {}): ImportColumn[] {
  const known = new Set(IMPORT_FIELDS[entity].map((f) => f.field));
  for (const field of Object.values(mapping)) {
    if (field !== null && !known.has(field)) {
      throw new AppError(400, 'validation', {}, [{ path: 'mapping', code: 'import_unknown_field', params: { field } }]);
    }
  }
  const auto = matchHeaders(entity, headers);
  const taken = new Set<string>();
  const columns = auto.map((c): ImportColumn => {
    const chosen = Object.hasOwn(mapping, c.header) ? mapping[c.header] : c.field;
    return chosen === c.field ? c : { column: c.column, header: c.header, field: chosen };
  });
  // One column per field: the first keeps it (a mapping can point two columns at one field by mistake).
  return columns.map((c) => {
    if (!c.field) return c;
    if (taken.has(c.field)) return { column: c.column, header: c.header, field: null };
    taken.add(c.field);
    return c;
  });
}

export const missingFields = (entity: ImportEntity, columns: ImportColumn[]) =>
  missingRequired(
    entity,
    columns.map((c) => c.field),
  );

/** A field's name for a reader: the first Chinese or the first English word of its header synonyms. */
export function fieldLabel(entity: ImportEntity, field: string, lang: Lang): string {
  const f = IMPORT_FIELDS[entity].find((x) => x.field === field);
  if (!f) return field;
  const english = f.synonyms.find((w) => /^[a-z]/i.test(w));
  return lang === 'zh' ? f.synonyms[0] : english ? english[0].toUpperCase() + english.slice(1) : field;
}

/** The mapping to save for the user's next file: every header with the field it went to. */
export const mappingOf = (columns: ImportColumn[]): ImportMapping =>
  Object.fromEntries(columns.map((c) => [c.header, c.field]));
