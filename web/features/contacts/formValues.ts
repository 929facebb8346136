import type { Contact, ContactCreate, ContactUpdate } from '../../../core/schemas/contacts.ts';

export const CONTACT_FIELDS = [
  'name',
  'title',
  'department',
  'reportsToId',
  'mobile',
  'phone',
  'email',
  'wechat',
  'birthday',
  'influence',
  'attitude',
  'coverage',
  'counterpartId',
  'interests',
  'goals',
  'notes',
  'govPosition',
  'govSupplierSelection',
  'govAchievements',
  'govCostAwareness',
] as const;
/** Asked only on contacts of government accounts (the course's intelligence on officials). */
export const GOV_FIELDS = ['govPosition', 'govSupplierSelection', 'govAchievements', 'govCostAwareness'] as const;
export type ContactFieldName = (typeof CONTACT_FIELDS)[number];
export type ContactFormValues = Partial<Record<ContactFieldName | 'accountId', unknown>>;

export function toContactFormValues(c: Contact | undefined, accountId?: string): ContactFormValues {
  if (!c) return { accountId, coverage: 'none' };
  const out: ContactFormValues = { accountId: c.accountId };
  for (const f of CONTACT_FIELDS) out[f] = c[f] ?? undefined;
  return out;
}

function clean(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  return v;
}

export function toContactCreate(v: ContactFormValues): ContactCreate {
  const body: Record<string, unknown> = { accountId: v.accountId };
  for (const f of CONTACT_FIELDS) {
    const x = clean(v[f]);
    if (x !== null) body[f] = x;
  }
  return body as ContactCreate;
}

/** Only what changed, with the version read, so concurrent edits of other fields survive. */
export function toContactUpdate(v: ContactFormValues, c: Contact): ContactUpdate {
  const body: Record<string, unknown> = { version: c.version };
  for (const f of CONTACT_FIELDS) {
    const next = clean(v[f]);
    if (JSON.stringify(next) === JSON.stringify(clean(c[f]))) continue;
    if (next === null && (f === 'name' || f === 'coverage')) continue;
    body[f] = next;
  }
  return body as ContactUpdate;
}
