// 合并: pick the duplicate (the 查重 matches first, or any account in scope), see both records side by
// side with a choice per differing field, merge; the success notice offers the undo.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import type { DuplicateMatches } from '../../../core/schemas/common.ts';
import { ACCOUNT_MERGE_FIELDS, MERGE_FIELD_COMPANIONS, type AccountMergeField } from '../../../core/schemas/merges.ts';
import { api } from '../../lib/api.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ACCOUNT_GROUPS, type FieldDef } from '../accounts/fields.ts';
import { AccountFieldValue } from '../accounts/AccountFieldValue.tsx';
import { useMergeAccounts, useUndoMerge } from './api.ts';

type Side = 'target' | 'source';
const MERGEABLE = new Set<string>(ACCOUNT_MERGE_FIELDS);

/** The fields whose values differ between the two accounts (a field with its companions). */
function differing(target: AccountDetail, source: AccountDetail): FieldDef[] {
  const values = (a: AccountDetail, name: string) => {
    const columns = [name, ...(MERGE_FIELD_COMPANIONS[name as AccountMergeField] ?? [])];
    return JSON.stringify(columns.map((c) => (a as unknown as Record<string, unknown>)[c] ?? null));
  };
  return ACCOUNT_GROUPS.flatMap((g) => g.fields).filter(
    (def) => MERGEABLE.has(def.name) && values(target, def.name) !== values(source, def.name),
  );
}

export function MergeAccountDialog({ target, onClose }: { target: AccountDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const fail = useApiFeedback();
  const [sourceId, setSourceId] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const merge = useMergeAccounts(target.id);
  const undo = useUndoMerge();

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
  const matches = (suggestions.data?.matches ?? []).filter((m) => m.inScope && m.id);
  const rows = source.data ? differing(target, source.data) : [];

  const submit = async () => {
    if (!source.data) return;
    const fields = Object.fromEntries(Object.entries(choices).filter(([, v]) => v === 'source'));
    try {
      const m = await merge.mutateAsync({
        sourceId: source.data.id,
        version: target.version,
        sourceVersion: source.data.version,
        fields,
      });
      const count = Object.values(m.moved).reduce((a, b) => a + b, 0);
      const key = `merge-${m.id}`;
      notification.success({
        key,
        title: t('merges.done', { count }),
        duration: 30,
        actions: (
          <Button
            size="small"
            data-testid="merge-undo"
            onClick={async () => {
              try {
                await undo.mutateAsync(m.id);
                notification.destroy(key);
                notification.info({ title: t('merges.undone') });
              } catch (e) {
                fail(e);
              }
            }}
          >
            {t('merges.undo')}
          </Button>
        ),
      });
      onClose();
    } catch (e) {
      fail(e, { onReload: () => void source.refetch() });
    }
  };

  const choose = (name: string, side: Side) => setChoices((c) => ({ ...c, [name]: side }));
  const sideCell = (def: FieldDef, side: Side, account: AccountDetail) => (
    <Radio
      checked={(choices[def.name] ?? 'target') === side}
      onChange={() => choose(def.name, side)}
      data-testid={`merge-${def.name}-${side}`}
      aria-label={`${t(`field.account.${def.name}`)}: ${side === 'target' ? t('merges.keep', { name: target.name }) : t('merges.take', { name: account.name })}`}
    >
      <AccountFieldValue def={def} account={account} />
    </Radio>
  );

  return (
    <Modal
      open
      width={860}
      title={t('merges.title', { name: target.name })}
      okText={t('merges.confirm')}
      okButtonProps={{ disabled: !source.data, danger: true, 'data-testid': 'merge-confirm' }}
      confirmLoading={merge.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Typography.Text strong>{t('merges.pick')}</Typography.Text>
          {matches.length > 0 && (
            <Flex gap={4} wrap style={{ margin: '6px 0' }} data-testid="merge-suggestions">
              <Typography.Text type="secondary">{t('merges.suggested')}:</Typography.Text>
              {matches.map((m) => (
                <Tag.CheckableTag key={m.id} checked={sourceId === m.id} onChange={() => setSourceId(m.id)}>
                  {m.name}
                </Tag.CheckableTag>
              ))}
            </Flex>
          )}
          <AccountSelect
            style={{ width: '100%' }}
            placeholder={t('merges.search')}
            excludeId={target.id}
            value={sourceId}
            currentLabel={source.data?.name ?? matches.find((m) => m.id === sourceId)?.name}
            onChange={(v) => {
              setSourceId(v);
              setChoices({});
            }}
            aria-label={t('merges.pick')}
            data-testid="merge-source"
          />
        </div>
        {source.data && (
          <>
            <Alert type="info" showIcon title={t('merges.intro', { name: target.name })} />
            {rows.length ? (
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={rows}
                data-testid="merge-fields"
                columns={[
                  { title: t('merges.field'), render: (_, def) => t(`field.account.${def.name}`), width: 140 },
                  {
                    title: t('merges.keep', { name: target.name }),
                    render: (_, def) => sideCell(def, 'target', target),
                  },
                  {
                    title: t('merges.take', { name: source.data.name }),
                    render: (_, def) => sideCell(def, 'source', source.data),
                  },
                ]}
              />
            ) : (
              <Empty description={t('merges.same')} />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
