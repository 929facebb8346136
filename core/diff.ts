export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return (a ?? null) === (b ?? null);
}

/** Field-level changes from `before` to the fields present in `patch` (history: field, old → new). */
export function diffFields(
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
  ignore: readonly string[] = ['version'],
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || ignore.includes(field)) continue;
    if (!same(before[field], value)) out.push({ field, old: before[field] ?? null, new: value ?? null });
  }
  return out;
}

/** A created record's non-empty fields, as changes from nothing. */
export function initialFields(record: Record<string, unknown>, ignore: readonly string[] = ['version']): FieldChange[] {
  return Object.entries(record)
    .filter(([f, v]) => !ignore.includes(f) && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([field, v]) => ({ field, old: null, new: v }));
}
