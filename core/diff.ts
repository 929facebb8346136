export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

const DECIMAL = /^-?\d+\.\d*$/;

/**
 * A decimal string without the zeros its scale pads it with: the database answers money as "500.00" while
 * a form or a spreadsheet sends "500", and those are the same amount (not a change to record or write).
 * Only a fraction's trailing zeros go: "0100" and "100" stay different (codes, numbers kept as text).
 */
function unpadded(v: string): string {
  return DECIMAL.test(v) ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (typeof a === 'string' && typeof b === 'string') return a === b || unpadded(a) === unpadded(b);
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
