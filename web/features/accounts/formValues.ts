import type { Account, AccountCreate, AccountUpdate } from '../../../core/schemas/accounts.ts';
import { normaliseMoney } from '../../lib/money.ts';
import { ALL_ACCOUNT_FIELDS, type FieldDef } from './fields.ts';

export type AccountFormValues = Record<string, unknown>;

export function toFormValues(a: Account | undefined): AccountFormValues {
  if (!a) return { scope: 'regional', relationshipStage: 'establish', tags: [] };
  const out: AccountFormValues = {};
  for (const f of ALL_ACCOUNT_FIELDS) {
    const v = a[f.name];
    out[f.name] = v === null ? undefined : v;
  }
  return out;
}

/** The wire value of one field: blanks become null, money keeps its exact string form. */
function clean(def: FieldDef, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (def.type.kind === 'money') return normaliseMoney(String(v));
  if (def.type.kind === 'tags') return Array.isArray(v) ? v.map((s) => String(s).trim()).filter(Boolean) : [];
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  return v;
}

export function toCreateBody(values: AccountFormValues): AccountCreate {
  const body: Record<string, unknown> = {};
  for (const f of ALL_ACCOUNT_FIELDS) {
    const v = clean(f, values[f.name]);
    if (v !== null) body[f.name] = v;
  }
  // The schema check in the form guarantees name and ownershipType; the server re-validates anyway.
  return body as AccountCreate;
}

/** Only changed fields go out, so a concurrent edit of another field is not overwritten. */
export function toUpdateBody(values: AccountFormValues, original: Account): AccountUpdate {
  const body: Record<string, unknown> = { version: original.version };
  for (const f of ALL_ACCOUNT_FIELDS) {
    const next = clean(f, values[f.name]);
    const prev = clean(f, original[f.name]);
    if (JSON.stringify(next) === JSON.stringify(prev)) continue;
    // Enum fields that are not nullable on the server cannot be cleared; leave them as they were.
    if (next === null && (f.name === 'scope' || f.name === 'relationshipStage' || f.required)) continue;
    body[f.name] = next;
  }
  return body as AccountUpdate;
}

export function hasChanges(body: AccountUpdate): boolean {
  return Object.keys(body).length > 1;
}
