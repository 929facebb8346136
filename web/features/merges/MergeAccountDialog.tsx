// 合并 of accounts: the duplicate from the 查重 matches of the name and credit code, or any account in
// scope; the account fields in the profile's order.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { DuplicateMatches } from '../../../core/schemas/common.ts';
import { ACCOUNT_MERGE_FIELDS, MERGE_FIELD_COMPANIONS, type AccountMergeField } from '../../../core/schemas/merges.ts';
import { api } from '../../lib/api.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ALL_ACCOUNT_FIELDS } from '../accounts/fields.ts';
import { AccountFieldValue } from '../accounts/AccountFieldValue.tsx';
import { useMergeAccounts } from './api.ts';
import { MergeDialog, useMergeNotice, useMergePick } from './MergeDialog.tsx';
import { differingFields } from './MergeFields.tsx';

const MERGEABLE = new Set<string>(ACCOUNT_MERGE_FIELDS);
/** The mergeable fields in the order the profile shows them. */
const FIELDS = ALL_ACCOUNT_FIELDS.filter((d) => MERGEABLE.has(d.name));
const NAMES = FIELDS.map((d) => d.name);
const columnsOf = (name: string) => [name, ...(MERGE_FIELD_COMPANIONS[name as AccountMergeField] ?? [])];

export function MergeAccountDialog({ target, onClose }: { target: AccountDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useApiFeedback();
  const notify = useMergeNotice();
  const state = useMergePick();
  const { sourceId } = state;
  const merge = useMergeAccounts(target.id);

  const suggestions = useQuery({
    queryKey: ['accounts', 'duplicates', target.id, target.name],
    queryFn: () =>
      api.get<DuplicateMatches>('/api/accounts/duplicates', {
        name: target.name,
        ...(target.creditCode ? { creditCode: target.creditCode } : {}),
        excludeId: target.id,
      }),
  });
  const source = useQuery({
    queryKey: ['accounts', 'detail', sourceId],
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${sourceId}`),
    enabled: !!sourceId,
  });
  const matches = (suggestions.data?.matches ?? []).flatMap((m) =>
    m.inScope && m.id ? [{ id: m.id, name: m.name ?? m.id }] : [],
  );
  const s = source.data;
  const fields = s ? differingFields(NAMES, target, s, columnsOf) : [];

  const submit = async () => {
    if (!s) return;
    try {
      const m = await merge.mutateAsync({
        sourceId: s.id,
        version: target.version,
        sourceVersion: s.version,
        fields: state.taken(),
      });
      notify(m, (count) => t('merges.done', { count }));
      onClose();
    } catch (e) {
      fail(e, { onReload: () => void source.refetch() });
    }
  };

  return (
    <MergeDialog
      title={t('merges.title', { name: target.name })}
      pickLabel={t('merges.pick')}
      intro={t('merges.intro', { name: target.name })}
      suggestions={matches}
      picker={
        <AccountSelect
          style={{ width: '100%' }}
          placeholder={t('merges.search')}
          excludeId={target.id}
          value={sourceId}
          currentLabel={s?.name ?? matches.find((m) => m.id === sourceId)?.name}
          onChange={state.pick}
          aria-label={t('merges.pick')}
          data-testid="merge-source"
        />
      }
      state={state}
      source={s}
      fields={fields}
      label={(f) => t(`field.account.${f}`)}
      value={(f, side) => {
        const def = FIELDS.find((d) => d.name === f);
        const account = side === 'target' ? target : s;
        return def && account ? <AccountFieldValue def={def} account={account} /> : null;
      }}
      targetName={target.name}
      pending={merge.isPending}
      onMerge={() => void submit()}
      onClose={onClose}
    />
  );
}
