// The contacts list as a file (issue 22), headed as the contact form heads its fields.
import { dayOf, enumLabel, fieldLabel, type ExportSpec } from '../../kernel/export.ts';
import type { ContactListItem } from '../../../core/schemas/contacts.ts';

const f = (field: Parameters<typeof fieldLabel<'contact'>>[1]) => fieldLabel('contact', field);

export const CONTACTS_EXPORT: ExportSpec<ContactListItem> = {
  list: 'contacts',
  title: { zh: '联系人', en: 'Contacts' },
  columns: [
    { ...f('name'), kind: 'text', width: 14, value: (c) => c.name },
    { ...f('accountId'), kind: 'text', width: 32, value: (c) => c.accountName },
    { ...f('title'), kind: 'text', value: (c) => c.title },
    { ...f('department'), kind: 'text', value: (c) => c.department },
    { ...f('mobile'), kind: 'text', width: 16, value: (c) => c.mobile },
    { ...f('phone'), kind: 'text', width: 16, value: (c) => c.phone },
    { ...f('email'), kind: 'text', value: (c) => c.email },
    { ...f('wechat'), kind: 'text', width: 16, value: (c) => c.wechat },
    { ...f('influence'), kind: 'text', width: 10, value: (c, x) => enumLabel('influence', c.influence, x.lang) },
    { ...f('attitude'), kind: 'integer', width: 8, value: (c) => c.attitude },
    { ...f('coverage'), kind: 'text', width: 12, value: (c, x) => enumLabel('coverage', c.coverage, x.lang) },
    { ...f('counterpartId'), kind: 'text', width: 12, value: (c) => c.counterpartName },
    { ...f('reportsToId'), kind: 'text', width: 12, value: (c) => c.reportsToName },
    { ...f('birthday'), kind: 'date', value: (c) => c.birthday },
    { ...fieldLabel('common', 'updatedAt'), kind: 'date', value: (c, x) => dayOf(c.updatedAt, x) },
  ],
};
