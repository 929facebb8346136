import { App, Button, Card, Empty, Flex, Input, List, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PoolItem } from '../../../core/schemas/pool.ts';
import { DateText } from '../../components/DateText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useSearchBox } from '../../components/useSearchBox.ts';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useClaim, usePool } from './api.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

/** 公海: accounts nobody owns, open to every rep to claim, up to the organisation's claim limit. */
export function PoolPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(['q'] as const);
  const search = useSearchBox(p.values.q, (v) => p.set('q', v));
  const pool = usePool(p.values.q ?? '');
  const summary = useListSummary('pool', { q: p.values.q || undefined });
  const claim = useClaim();
  const rows = pool.data?.pages.flatMap((pg) => pg.items) ?? [];
  const claims = pool.data?.pages[0]?.myClaims;
  const full = !!claims && claims.count >= claims.limit;

  const onClaim = async (a: PoolItem) => {
    try {
      await claim.mutateAsync(a.id);
      message.success({
        content: (
          <span data-testid="claimed-message">
            {t('pool.claimed', { name: a.name })}{' '}
            <Typography.Link onClick={() => navigate(`/accounts/${a.id}`)}>{t('pool.openAccount')}</Typography.Link>
          </span>
        ),
      });
    } catch (e) {
      fail(e, { onReload: () => void pool.refetch() });
    }
  };

  const claimButton = (a: PoolItem) => (
    <Popconfirm
      title={t('pool.claimConfirm', { name: a.name })}
      description={claims ? t('pool.claimAfter', { count: claims.count + 1, limit: claims.limit }) : undefined}
      okText={t('pool.claim')}
      cancelText={t('common.cancel')}
      onConfirm={() => onClaim(a)}
      disabled={full}
    >
      <Button
        type="primary"
        size="small"
        disabled={full}
        title={full ? t('pool.limitReached') : undefined}
        data-testid="claim"
      >
        {t('pool.claim')}
      </Button>
    </Popconfirm>
  );
  const place = (a: PoolItem) => [a.province, a.city].filter(Boolean).join(' · ') || '—';

  const columns: ColumnsType<PoolItem> = [
    {
      key: 'name',
      title: t('field.account.name'),
      render: (_, a) => (
        <div>
          <span data-testid="pool-name">{a.name}</span>
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
    { key: 'industry', title: t('field.account.industry'), width: 140, render: (_, a) => a.industry ?? '—' },
    { key: 'place', title: t('accounts.place'), width: 140, render: (_, a) => place(a) },
    { key: 'score', title: t('pool.score'), width: 80, align: 'right', render: (_, a) => a.score ?? '—' },
    { key: 'pooledAt', title: t('pool.pooledAt'), width: 120, render: (_, a) => <DateText value={a.pooledAt} /> },
    { key: 'action', title: '', width: 90, align: 'right', render: (_, a) => claimButton(a) },
  ];

  return (
    <div data-testid="pool-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pool.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          {claims && (
            <Tag color={full ? 'red' : 'blue'} data-testid="my-claims">
              {t('pool.myClaims', { count: claims.count, limit: claims.limit })}
            </Tag>
          )}
          {!mobile && <ExportButton path="/api/pool" query={{ q: p.values.q ?? '' }} />}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('pool.hint')}</Typography.Paragraph>
      <Input.Search
        placeholder={t('pool.searchPlaceholder')}
        {...search.input}
        allowClear
        style={{ width: mobile ? '100%' : 280, marginBottom: 12 }}
        data-testid="pool-search"
      />
      <ListSummaryBar summary={summary} sort={t('lists.sort.pool')} />
      {pool.isError ? (
        <FullPageError error={pool.error} onRetry={() => void pool.refetch()} />
      ) : mobile ? (
        <List
          data-testid="pool-table"
          loading={pool.isPending}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('pool.empty')} /> }}
          renderItem={(a) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="pool-card">
              <Flex justify="space-between" align="start" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: 600 }} data-testid="pool-name">
                    {a.name}
                  </div>
                  <Flex wrap gap={4} style={{ marginTop: 6 }}>
                    <Tag>{t(`enum.ownershipType.${a.ownershipType}`)}</Tag>
                    {a.industry && <Tag>{a.industry}</Tag>}
                    {a.score !== null && <Tag color="blue">{t('pool.scoreN', { score: a.score })}</Tag>}
                  </Flex>
                </div>
                {claimButton(a)}
              </Flex>
              <Flex justify="space-between" style={{ marginTop: 6, color: '#666', fontSize: 12 }}>
                <span>{place(a)}</span>
                <DateText value={a.pooledAt} />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<PoolItem>
          data-testid="pool-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={pool.isPending}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('pool.empty')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!pool.hasNextPage}
        loading={pool.isFetchingNextPage}
        onLoad={() => void pool.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
    </div>
  );
}
