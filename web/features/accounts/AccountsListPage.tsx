import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountListItem } from '../../../core/schemas/accounts.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { EnumTag } from '../../components/EnumTag.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { DateText } from '../../components/DateText.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useAccountList } from './api.ts';
import { useAccountFilters } from './useAccountFilters.ts';
import { AccountFilters } from './AccountFilters.tsx';
import { AccountFormDrawer } from './AccountFormDrawer.tsx';
import { AccountHealthBadge } from '../account-health/HealthBadge.tsx';
import { regionText } from './region-text.ts';
import { ProvinceSummary } from './ProvinceSummary.tsx';
import { useTableColumns } from '../../components/ColumnChooser.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { ImportButton } from '../imports/ImportButton.tsx';

export function AccountsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { filters, sort } = useAccountFilters();
  const list = useAccountList(filters);
  // The order changes no total: left out of the summary's key, a new sort asks for nothing more.
  const { sort: _sort, ...matching } = filters;
  const summary = useListSummary('accounts', matching);
  const [creating, setCreating] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: ColumnsType<AccountListItem> = [
    {
      key: 'name',
      title: t('field.account.name'),
      fixed: 'left',
      width: 240,
      render: (_, a) => (
        <div>
          <Link to={`/accounts/${a.id}`} data-testid="account-link">
            {a.name}
          </Link>
          {a.archived && <Tag style={{ marginInlineStart: 6 }}>{t('common.archived')}</Tag>}
          {a.shortName && <div style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{a.shortName}</div>}
        </div>
      ),
    },
    {
      key: 'ownershipType',
      title: t('field.account.ownershipType'),
      width: 110,
      render: (_, a) => t(`enum.ownershipType.${a.ownershipType}`),
    },
    {
      key: 'tier',
      title: t('field.account.tier'),
      width: 80,
      render: (_, a) => <EnumTag group="tier" value={a.tier} />,
    },
    { key: 'scope', title: t('field.account.scope'), width: 100, render: (_, a) => t(`enum.scope.${a.scope}`) },
    {
      key: 'place',
      title: t('accounts.place'),
      width: 140,
      render: (_, a) => regionText(a),
    },
    { key: 'owner', title: t('field.account.ownerId'), width: 110, render: (_, a) => a.ownerName ?? '—' },
    {
      key: 'ourRevenue',
      title: t('field.account.ourRevenue'),
      width: 150,
      align: 'right',
      render: (_, a) => <MoneyText value={a.ourRevenue} />,
    },
    { key: 'health', title: t('health.title'), width: 130, render: (_, a) => <AccountHealthBadge score={a.health} /> },
    {
      key: 'relationshipStage',
      title: t('field.account.relationshipStage'),
      width: 120,
      render: (_, a) => <EnumTag group="relationshipStage" value={a.relationshipStage} />,
    },
    {
      key: 'updatedAt',
      title: t('field.common.updatedAt'),
      width: 120,
      render: (_, a) => <DateText value={a.updatedAt} />,
    },
  ];

  const table = useTableColumns('accounts', columns);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.accounts')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && table.chooser}
          {!mobile && <ExportButton path="/api/accounts" query={filters} />}
          <ImportButton entity="accounts" />
          {canWrite(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-account">
              {t('accounts.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <AccountFilters mobile={mobile} />
      <ProvinceSummary />
      <ListSummaryBar summary={summary} sort={t(`sort.${sort}`)} amountLabel={t('lists.revenueSum')} />
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : mobile ? (
        <List
          data-testid="accounts-table"
          loading={list.isPending}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('accounts.empty')} /> }}
          renderItem={(a) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="account-card">
              <Link to={`/accounts/${a.id}`} data-testid="account-link" style={{ fontWeight: 600 }}>
                {a.name}
              </Link>
              {a.archived && <Tag style={{ marginInlineStart: 6 }}>{t('common.archived')}</Tag>}
              <Flex wrap gap={4} style={{ marginTop: 6 }}>
                <Tag>{t(`enum.ownershipType.${a.ownershipType}`)}</Tag>
                {a.tier && <EnumTag group="tier" value={a.tier} />}
                <EnumTag group="relationshipStage" value={a.relationshipStage} />
                <AccountHealthBadge score={a.health} width={48} />
              </Flex>
              <Flex justify="space-between" style={{ marginTop: 6, color: '#666', fontSize: 12 }}>
                <span>
                  {regionText(a)} · {a.ownerName ?? '—'}
                </span>
                <MoneyText value={a.ourRevenue} />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<AccountListItem>
          data-testid="accounts-table"
          rowKey="id"
          size="middle"
          columns={table.columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: table.scrollX }}
          locale={{ emptyText: <Empty description={t('accounts.empty')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <AccountFormDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
