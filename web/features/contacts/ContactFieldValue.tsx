// One field of a contact as the reader sees it: the profile and the merge dialog's choices share this.
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { Contact } from '../../../core/schemas/contacts.ts';
import type { ContactMergeField } from '../../../core/schemas/merges.ts';
import { MailLink, TelLink } from '../../components/ContactChannel.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { AttitudeTag } from '../../components/AttitudeTag.tsx';
import { DateText } from '../../components/DateText.tsx';

export type ContactShownField = ContactMergeField | 'accountId';

const LONG = new Set<string>([
  'notes',
  'interests',
  'goals',
  'govPosition',
  'govSupplierSelection',
  'govAchievements',
  'govCostAwareness',
]);

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** `plain`: no links — inside a radio's label a tap must choose, not dial or navigate away. */
export function ContactFieldValue({
  field,
  contact: c,
  plain = false,
}: {
  field: ContactShownField;
  contact: Contact;
  plain?: boolean;
}) {
  switch (field) {
    case 'accountId':
      return plain ? c.accountName : <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>;
    case 'reportsToId':
      if (!c.reportsToId || plain) return text(c.reportsToName);
      return <Link to={`/contacts/${c.reportsToId}`}>{c.reportsToName ?? c.reportsToId}</Link>;
    case 'mobile':
    case 'phone': {
      const n = c[field];
      return n && !plain ? <TelLink number={n} /> : text(n);
    }
    case 'email':
      return c.email && !plain ? (
        <MailLink email={c.email} />
      ) : (
        <span style={{ overflowWrap: 'anywhere' }}>{text(c.email)}</span>
      );
    case 'birthday':
      return <DateText value={c.birthday} />;
    case 'influence':
    case 'coverage':
      return <EnumTag group={field} value={c[field]} />;
    case 'attitude':
      return <AttitudeTag value={c.attitude} />;
    case 'counterpartId':
      return text(c.counterpartName);
  }
  const v = c[field];
  if (!LONG.has(field)) return text(v);
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text(v)}</Typography.Paragraph>;
}
