// 合并 of contacts: the duplicate is another contact of the same account — suggested when it has the
// same name, or the same mobile or e-mail (查重); any other of the account's contacts from the picker.
// The server would merge contacts of two accounts, but a reporting line or link taken across accounts
// would join people of different customers, so the dialog offers the account's own contacts only.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactListItem } from '../../../core/schemas/contacts.ts';
import type { DuplicateMatches } from '../../../core/schemas/common.ts';
import { CONTACT_MERGE_FIELDS, type ContactMergeField } from '../../../core/schemas/merges.ts';
import { personNameKey } from '../../../core/import/names.ts';
import { api } from '../../lib/api.ts';
import { useAccountContacts } from '../../lib/account-pickers.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ContactFieldValue } from '../contacts/ContactFieldValue.tsx';
import { contactKeys } from '../contacts/api.ts';
import { useMergeContacts } from './api.ts';
import { MergeDialog, useMergeNotice, useMergePick } from './MergeDialog.tsx';
import { differingFields } from './MergeFields.tsx';

type Why = 'name' | 'mobile' | 'email';

/** The account's contacts that look like the target: same name, then 查重's same mobile or e-mail. */
function suggest(target: Contact, peers: ContactListItem[], dupes: DuplicateMatches | undefined) {
  const out = new Map<string, { id: string; name: string; why: Why }>();
  const key = personNameKey(target.name);
  for (const p of peers)
    if (p.id !== target.id && key && personNameKey(p.name) === key)
      out.set(p.id, { id: p.id, name: p.name, why: 'name' });
  for (const m of dupes?.matches ?? [])
    if (m.inScope && m.id && m.accountId === target.accountId && !out.has(m.id) && m.field !== 'name')
      out.set(m.id, { id: m.id, name: m.name ?? m.id, why: m.field === 'mobile' ? 'mobile' : 'email' });
  return [...out.values()];
}

export function MergeContactDialog({ target, onClose }: { target: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useApiFeedback();
  const notify = useMergeNotice();
  const state = useMergePick();
  const { sourceId } = state;
  const merge = useMergeContacts(target.id);
  const peers = useAccountContacts(target.accountId);

  const probe = {
    ...(target.mobile ? { mobile: target.mobile } : {}),
    ...(target.email ? { email: target.email } : {}),
  };
  const dupes = useQuery({
    queryKey: ['contacts', 'duplicates', target.id, probe],
    queryFn: () => api.get<DuplicateMatches>('/api/contacts/duplicates', { ...probe, excludeId: target.id }),
    enabled: !!(target.mobile || target.email),
  });
  const source = useQuery({
    queryKey: contactKeys.detail(sourceId ?? ''),
    queryFn: () => api.get<Contact>(`/api/contacts/${sourceId}`),
    enabled: !!sourceId,
  });
  const suggestions = suggest(target, peers.data ?? [], dupes.data).map((s) => ({
    id: s.id,
    name: t(`merges.why.${s.why}`, { name: s.name }),
  }));
  const s = source.data;
  const fields = s ? differingFields(CONTACT_MERGE_FIELDS, target, s) : [];

  const options = (peers.data ?? [])
    .filter((p) => p.id !== target.id)
    .map((p) => ({ value: p.id, label: [p.name, p.title, p.mobile].filter(Boolean).join(' · ') }));
  // A suggested duplicate may be archived, which the account's list leaves out.
  if (s && !options.some((o) => o.value === s.id)) options.unshift({ value: s.id, label: s.name });

  const submit = async () => {
    if (!s) return;
    try {
      const m = await merge.mutateAsync({
        sourceId: s.id,
        version: target.version,
        sourceVersion: s.version,
        fields: state.taken(),
      });
      notify(m, (count) => t('merges.contact.done', { count }));
      onClose();
    } catch (e) {
      fail(e, { onReload: () => void source.refetch() });
    }
  };

  return (
    <MergeDialog
      title={t('merges.contact.title', { name: target.name })}
      pickLabel={t('merges.contact.pick')}
      intro={t('merges.contact.intro', { name: target.name })}
      suggestions={suggestions}
      picker={
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('merges.contact.search', { account: target.accountName })}
          loading={peers.isPending}
          options={options}
          value={sourceId}
          onChange={state.pick}
          aria-label={t('merges.contact.pick')}
          data-testid="merge-source"
        />
      }
      state={state}
      source={s}
      fields={fields}
      label={(f) => t(`field.contact.${f}`)}
      value={(f, side) => {
        const c = side === 'target' ? target : s;
        return c ? <ContactFieldValue field={f as ContactMergeField} contact={c} plain /> : null;
      }}
      targetName={target.name}
      pending={merge.isPending}
      onMerge={() => void submit()}
      onClose={onClose}
    />
  );
}
