import { useState } from 'react';
import { App, Button, Card, Dropdown, Flex, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIERS, type Tier } from '../../../core/enums.ts';
import type { ScoredAccount, TierBulk } from '../../../core/schemas/key-accounts.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { EnumTag } from '../../components/EnumTag.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useListSummary } from '../../lib/list-summary.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useScores, useSetTiers, type ScoreFilters } from './api.ts';
import { TierMatrix } from './TierMatrix.tsx';
import { ScoringModelDrawer } from './ScoringModelDrawer.tsx';

const TIER_FILTERS = [...TIERS, 'none'] as const;
type TierFilter = (typeof TIER_FILTERS)[number];

/** Which accounts are key: scores from the organisation's model, where they disagree with the assigned tiers, and re-tiering in bulk. */
export function ScoringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message, modal } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(['disagree', 'tier'] as const);
  const filters: ScoreFilters = {
    disagree: p.values.disagree === '1' || undefined,
    tier: TIER_FILTERS.includes(p.values.tier as TierFilter) ? (p.values.tier as TierFilter) : undefined,
  };
  const scores = useScores(filters);
  const summary = useListSummary('scores', filters);
  const setTiers = useSetTiers();
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [pendingTier, setPendingTier] = useState<Tier | null | undefined>(undefined);
  const items = scores.data?.pages.flatMap((pg) => pg.items) ?? [];
  const matrix = scores.data?.pages[0]?.matrix ?? [];
  const writable = canWrite(me);
  // A selection hidden by a new filter would still be re-tiered: start it afresh.
  const refilter = (key: 'disagree' | 'tier', value: string | null | undefined) => {
    setSelected([]);
    p.set(key, value);
  };

  const apply = async (body: TierBulk) => {
    try {
      const { updated } = await setTiers.mutateAsync(body);
      message.success(t('scoring.updated', { count: updated }));
      setSelected([]);
      setPendingTier(undefined);
    } catch (e) {
      fail(e);
    }
  };

  if (scores.isError) return <FullPageError error={scores.error} onRetry={() => void scores.refetch()} />;

  return (
    <div data-testid="scoring-page">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('scoring.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('scoring.hint')}</Typography.Paragraph>
        </div>
        {me.role === 'admin' && (
          <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="scoring-edit-model">
            {t('scoring.editModel')}
          </Button>
        )}
      </Flex>
      <Card size="small" title={t('scoring.matrixTitle')} style={{ marginBottom: 12 }}>
        <TierMatrix cells={matrix} loading={scores.isPending} />
      </Card>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Flex component="label" align="center" gap={8}>
          <Switch
            checked={!!filters.disagree}
            onChange={(v) => refilter('disagree', v ? '1' : null)}
            data-testid="scoring-disagree"
          />
          <span>{t('scoring.onlyDisagree')}</span>
        </Flex>
        <Select<TierFilter>
          allowClear
          placeholder={t('scoring.assignedFilter')}
          aria-label={t('scoring.assignedFilter')}
          value={filters.tier}
          onChange={(v) => refilter('tier', v)}
          style={{ width: 160 }}
          options={TIER_FILTERS.map((v) => ({
            value: v,
            label: v === 'none' ? t('scoring.untiered') : t(`enum.tier.${v}`),
          }))}
          data-testid="scoring-tier-filter"
        />
        {writable && selected.length > 0 && (
          <Space wrap data-testid="scoring-bulk">
            <Typography.Text>{t('scoring.selected', { count: selected.length })}</Typography.Text>
            <Button
              type="primary"
              loading={setTiers.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('scoring.applyConfirm', { count: selected.length }),
                  okText: t('common.confirm'),
                  cancelText: t('common.cancel'),
                  onOk: () => apply({ accountIds: selected, apply: 'recommended' }),
                })
              }
              data-testid="scoring-apply-recommended"
            >
              {t('scoring.applyRecommended')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...TIERS.map((v) => ({ key: v, label: t(`enum.tier.${v}`) })),
                  { key: 'none', label: t('scoring.clearTier') },
                ],
                onClick: ({ key }) => setPendingTier(key === 'none' ? null : (key as Tier)),
              }}
            >
              <Button data-testid="scoring-set-tier">{t('scoring.setTier')}</Button>
            </Dropdown>
          </Space>
        )}
      </Flex>
      <Modal
        open={pendingTier !== undefined}
        title={t('scoring.setConfirm', {
          count: selected.length,
          tier: pendingTier ? t(`enum.tier.${pendingTier}`) : t('scoring.untiered'),
        })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={setTiers.isPending}
        onOk={() => apply({ items: selected.map((accountId) => ({ accountId, tier: pendingTier ?? null })) })}
        onCancel={() => setPendingTier(undefined)}
      />
      <ListSummaryBar summary={summary} sort={t('lists.sort.scores')} />
      <Table<ScoredAccount>
        rowKey="id"
        size="small"
        pagination={false}
        loading={scores.isPending}
        dataSource={items}
        scroll={{ x: 560 }}
        data-testid="scoring-table"
        rowSelection={
          writable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        onRow={(r) =>
          ({
            'data-testid': `score-row-${r.id}`,
            style: r.disagree ? { background: 'rgba(250, 173, 20, 0.12)' } : undefined,
          }) as object
        }
        columns={[
          {
            key: 'name',
            title: t('field.account.name'),
            render: (_, r) => <Link to={`/accounts/${r.id}`}>{r.name}</Link>,
          },
          { key: 'owner', title: t('field.account.ownerId'), width: 110, render: (_, r) => r.ownerName ?? '—' },
          {
            key: 'score',
            title: t('scoring.score'),
            width: 80,
            align: 'right',
            render: (_, r) => <span data-testid="score-value">{r.score ?? '—'}</span>,
          },
          {
            key: 'tier',
            title: t('scoring.assigned'),
            width: 90,
            render: (_, r) => (
              <span data-testid="score-tier">
                {r.tier ? <EnumTag group="tier" value={r.tier} /> : t('scoring.untiered')}
              </span>
            ),
          },
          {
            key: 'recommended',
            title: t('scoring.recommended'),
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                <EnumTag group="tier" value={r.recommendedTier} />
                {r.disagree && <Tag color="warning">{t('scoring.disagree')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore
        hasMore={!!scores.hasNextPage}
        loading={scores.isFetchingNextPage}
        onLoad={() => void scores.fetchNextPage()}
        count={items.length}
        total={summary.data?.count}
      />
      {me.role === 'admin' && <ScoringModelDrawer open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
