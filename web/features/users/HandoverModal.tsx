import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Modal, Radio, Result, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/schemas/org.ts';
import type { HandoverInput, HandoverSummary } from '../../../core/schemas/handover.ts';
import { useMe } from '../../lib/session.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useHandover, useHandoverPeople, useHandoverPreview, useOwnedAccounts, useSaveUser } from './api.ts';

const COUNTS = ['accounts', 'openDeals', 'plannedActivities', 'openTasks', 'accountTeams', 'poolClaims'] as const;

function Counts({ summary, testId }: { summary: HandoverSummary; testId: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      data-testid={testId}
      items={COUNTS.map((k) => ({
        key: k,
        label: t(`handover.counts.${k}`),
        children: <span data-testid={`${testId}-${k}`}>{summary[k]}</span>,
      }))}
    />
  );
}

/**
 * 交接: hand one user's accounts and open work to another, all of it or chosen accounts. The counts
 * are the server's preview for exactly the choice on screen; the summary after is what moved, with
 * an admin's offer to deactivate a leaver (the usual reason for a handover). Receivers are the
 * active people the server accepts for this caller (a manager's scope), never one that answers 404.
 */
export function HandoverModal({ from, onClose }: { from: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const people = useHandoverPeople();
  const me = useMe();
  const [toUserId, setTo] = useState<string | undefined>();
  const [mode, setMode] = useState<'all' | 'selected'>('all');
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [done, setDone] = useState<HandoverSummary | null>(null);
  const owned = useOwnedAccounts(from?.id ?? '', useDebounced(search, 250));
  const perform = useHandover();
  const save = useSaveUser();

  useEffect(() => {
    setTo(undefined);
    setMode('all');
    setAccountIds([]);
    setSearch('');
    setDone(null);
  }, [from?.id]);

  const ready = !!from && !!toUserId && (mode === 'all' || accountIds.length > 0);
  const body: HandoverInput | null = ready
    ? { fromUserId: from.id, toUserId, ...(mode === 'selected' ? { accountIds } : {}) }
    : null;
  const preview = useHandoverPreview(done ? null : body);
  const nameOf = (id: string | undefined) => people.data?.find((u) => u.id === id)?.name ?? '';
  const receivers = (people.data ?? [])
    .filter((u) => u.active && u.id !== from?.id)
    .map((u) => ({ value: u.id, label: u.name }));
  // Chosen accounts stay labelled while the search shows others.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const accountOptions = (owned.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  for (const id of accountIds)
    if (!accountOptions.some((o) => o.value === id)) accountOptions.push({ value: id, label: labels[id] ?? id });

  const submit = async () => {
    if (!body) return;
    try {
      setDone(await perform.mutateAsync(body));
    } catch (e) {
      fail(e);
    }
  };

  const deactivate = async () => {
    if (!from) return;
    try {
      await save.mutateAsync({ id: from.id, body: { active: false, version: from.version } });
      message.success(t('handover.deactivated', { name: from.name }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const footer = done
    ? [
        // Deactivating is user administration: an admin's (policies.ts, user.update), not a manager's.
        me.role === 'admin' && from?.active && from.id !== me.id && (
          <Button
            key="deactivate"
            danger
            loading={save.isPending}
            onClick={deactivate}
            data-testid="handover-deactivate"
          >
            {t('handover.deactivate', { name: from.name })}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose} data-testid="handover-close">
          {t('handover.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          disabled={!preview.data || COUNTS.every((k) => preview.data[k] === 0)}
          loading={perform.isPending}
          onClick={submit}
          data-testid="handover-confirm"
        >
          {t('handover.confirm')}
        </Button>,
      ];

  return (
    <Modal
      open={!!from}
      title={from ? t('handover.title', { name: from.name }) : ''}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      data-testid="handover-modal"
    >
      {done ? (
        <Result
          status="success"
          title={t('handover.done')}
          subTitle={t('handover.doneText', { from: from?.name, to: nameOf(done.toUserId) })}
          extra={<Counts summary={done} testId="handover-summary" />}
        />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <div>
            <div style={{ marginBottom: 4 }}>{t('handover.to')}</div>
            <Select<string>
              style={{ width: '100%' }}
              showSearch={{ optionFilterProp: 'label' }}
              value={toUserId}
              onChange={setTo}
              options={receivers}
              loading={people.isPending}
              placeholder={t('common.choose')}
              aria-label={t('handover.to')}
              data-testid="handover-to"
            />
          </div>
          <div>
            <div style={{ marginBottom: 4 }}>{t('handover.scope')}</div>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as 'all' | 'selected')}
              aria-label={t('handover.scope')}
              options={[
                { value: 'all', label: t('handover.all') },
                { value: 'selected', label: t('handover.selected') },
              ]}
              data-testid="handover-mode"
            />
          </div>
          {mode === 'selected' && (
            <Select<string[]>
              mode="multiple"
              style={{ width: '100%' }}
              value={accountIds}
              onChange={(ids, options) => {
                const next = { ...labels };
                for (const o of [options].flat()) if (o?.value) next[String(o.value)] = String(o.label);
                setLabels(next);
                setAccountIds(ids);
              }}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={owned.isFetching}
              options={accountOptions}
              placeholder={t('handover.searchAccounts', { name: from?.name ?? '' })}
              aria-label={t('handover.accounts')}
              data-testid="handover-accounts"
            />
          )}
          <Typography.Text strong>{t('handover.preview')}</Typography.Text>
          {preview.data ? (
            <Counts summary={preview.data} testId="handover-preview" />
          ) : preview.isError ? (
            <Typography.Text type="danger" data-testid="handover-preview-error">
              {preview.error.message}
            </Typography.Text>
          ) : preview.isFetching ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
          <Typography.Text type="secondary">{t('handover.kept')}</Typography.Text>
        </div>
      )}
    </Modal>
  );
}
