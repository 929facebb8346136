import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BIN_ENTITIES, type BinEntity, type RecycleBinItem } from '../../../core/schemas/recycle-bin.ts';
import { DateText } from '../../components/DateText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useSearchBox } from '../../components/useSearchBox.ts';
import { useListSummary } from '../../lib/list-summary.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { usePurgeFromBin, useRecycleBin, useRestoreFromBin } from './api.ts';
import { daysLeft, recordPath } from './paths.ts';
import { RetentionSetting } from './RetentionSetting.tsx';

const ENTITY_COLORS: Record<BinEntity, string> = {
  account: 'geekblue',
  contact: 'cyan',
  opportunity: 'gold',
  activity: 'purple',
};

/** 回收站: what was deleted in the caller's scope, restorable until its purge date; admins purge early. */
export function RecycleBinPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = me.role === 'admin';
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(['q', 'entity'] as const);
  const search = useSearchBox(p.values.q, (v) => p.set('q', v));
  const entity = BIN_ENTITIES.find((e) => e === p.values.entity);
  const bin = useRecycleBin({ entity, q: p.values.q });
  const summary = useListSummary('recycle-bin', { entity, q: p.values.q || undefined });
  const restore = useRestoreFromBin();
  const purge = usePurgeFromBin();
  const rows = bin.data?.pages.flatMap((pg) => pg.items) ?? [];

  const onRestore = async (item: RecycleBinItem) => {
    try {
      const r = await restore.mutateAsync(item.id);
      message.success({
        content: (
          <span data-testid="restored-message">
            {r.skipped ? t('recycleBin.restoredSkipped', { count: r.skipped }) : t('recycleBin.restored')}{' '}
            <Typography.Link onClick={() => navigate(recordPath(item.entity, item.id))}>
              {t('recycleBin.open')}
            </Typography.Link>
          </span>
        ),
      });
    } catch (e) {
      fail(e, { onReload: () => void bin.refetch() });
    }
  };
  const onPurge = async (item: RecycleBinItem) => {
    try {
      await purge.mutateAsync(item.id);
      message.success(t('recycleBin.purged'));
    } catch (e) {
      fail(e);
    }
  };

  const actions = (item: RecycleBinItem) => (
    <Space size={4}>
      {canWrite(me) && (
        <Button size="small" icon={<RollbackOutlined />} onClick={() => void onRestore(item)} data-testid="bin-restore">
          {t('recycleBin.restore')}
        </Button>
      )}
      {admin && (
        <Popconfirm
          title={t('recycleBin.purgeConfirm', { name: item.name })}
          onConfirm={() => onPurge(item)}
          okText={t('recycleBin.purge')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('recycleBin.purge')}
            data-testid="bin-purge"
          />
        </Popconfirm>
      )}
    </Space>
  );
  const kind = (item: RecycleBinItem) => (
    <Tag color={ENTITY_COLORS[item.entity]}>{t(`recycleBin.entity.${item.entity}`)}</Tag>
  );
  const account = (item: RecycleBinItem) =>
    item.accountName && item.entity !== 'account' ? (
      item.accountId ? (
        <Link to={`/accounts/${item.accountId}`}>{item.accountName}</Link>
      ) : (
        item.accountName
      )
    ) : (
      '—'
    );
  const left = (item: RecycleBinItem) => (
    <span data-testid="bin-days-left">{t('recycleBin.daysLeft', { count: daysLeft(item) })}</span>
  );

  const columns: ColumnsType<RecycleBinItem> = [
    { key: 'entity', title: t('recycleBin.kind'), width: 90, render: (_, i) => kind(i) },
    { key: 'name', title: t('recycleBin.name'), render: (_, i) => <span data-testid="bin-name">{i.name}</span> },
    { key: 'account', title: t('field.opportunity.accountId'), width: 200, render: (_, i) => account(i) },
    {
      key: 'amount',
      title: t('field.opportunity.amount'),
      width: 140,
      align: 'right',
      render: (_, i) => (i.amount ? <MoneyText value={i.amount} /> : '—'),
    },
    { key: 'deletedBy', title: t('recycleBin.deletedBy'), width: 110, render: (_, i) => i.deletedByName ?? '—' },
    {
      key: 'deletedAt',
      title: t('recycleBin.deletedAt'),
      width: 150,
      render: (_, i) => <DateText value={i.deletedAt} withTime />,
    },
    { key: 'left', title: t('recycleBin.purgeIn'), width: 110, render: (_, i) => left(i) },
    { key: 'actions', title: '', width: 130, align: 'right', render: (_, i) => actions(i) },
  ];

  return (
    <div data-testid="recycle-bin-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('recycleBin.title')}
        </Typography.Title>
        {admin && <RetentionSetting />}
      </Flex>
      <Typography.Paragraph type="secondary">{t('recycleBin.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<string>
          value={entity ?? 'all'}
          onChange={(v) => p.set('entity', v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('recycleBin.all') },
            ...BIN_ENTITIES.map((e) => ({ value: e, label: t(`recycleBin.entity.${e}`) })),
          ]}
          data-testid="bin-entity"
        />
        <Input.Search
          placeholder={t('recycleBin.searchPlaceholder')}
          {...search.input}
          allowClear
          style={{ width: mobile ? '100%' : 240 }}
          data-testid="bin-search"
        />
      </Flex>
      <ListSummaryBar summary={summary} sort={t('lists.sort.bin')} />
      {bin.isError ? (
        <FullPageError error={bin.error} onRetry={() => void bin.refetch()} />
      ) : mobile ? (
        <List
          data-testid="bin-table"
          loading={bin.isPending}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('recycleBin.empty')} /> }}
          renderItem={(i) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="bin-card">
              <Flex justify="space-between" align="start" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: 600 }} data-testid="bin-name">
                    {i.name}
                  </div>
                  <Flex wrap gap={4} style={{ marginTop: 6 }}>
                    {kind(i)}
                    {i.amount && <MoneyText value={i.amount} />}
                  </Flex>
                </div>
                {actions(i)}
              </Flex>
              <Flex justify="space-between" style={{ marginTop: 6, color: '#666', fontSize: 12 }}>
                <span>{account(i)}</span>
                {left(i)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<RecycleBinItem>
          data-testid="bin-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={bin.isPending}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('recycleBin.empty')} /> }}
        />
      )}
      <LoadMore
        hasMore={!!bin.hasNextPage}
        loading={bin.isFetchingNextPage}
        onLoad={() => void bin.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
    </div>
  );
}
