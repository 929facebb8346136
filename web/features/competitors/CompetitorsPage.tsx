import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Competitor } from '../../../core/schemas/catalog.ts';
import { useMe } from '../../lib/session.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useCompetitors, useDeleteCompetitor } from './api.ts';
import { ListCount } from '../../components/ListCount.tsx';
import { CompetitorFormModal, type CompetitorDialog } from './CompetitorFormModal.tsx';

const PRICE_COLORS: Record<string, string> = { low: 'green', similar: 'default', high: 'orange' };
const preWrap = { whiteSpace: 'pre-wrap' } as const;

export function CompetitorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = me.role === 'admin';
  // The catalogue is the organisation's: managers and admins keep it, only admins delete; reps read it.
  const keeper = admin || me.role === 'manager';
  const competitors = useCompetitors();
  const del = useDeleteCompetitor();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<CompetitorDialog | null>(null);

  const remove = async (c: Competitor) => {
    try {
      await del.mutateAsync(c.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  const columns: ColumnsType<Competitor> = [
    {
      key: 'name',
      title: t('field.competitor.name'),
      width: 180,
      render: (_, c) => <strong data-testid="competitor-name">{c.name}</strong>,
    },
    {
      key: 'pricePosition',
      title: t('field.competitor.pricePosition'),
      width: 120,
      render: (_, c) =>
        c.pricePosition ? (
          <Tag color={PRICE_COLORS[c.pricePosition]}>{t(`enum.pricePosition.${c.pricePosition}`)}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'strengths',
      title: t('field.competitor.strengths'),
      render: (_, c) => <span style={preWrap}>{c.strengths ?? '—'}</span>,
    },
    {
      key: 'weaknesses',
      title: t('field.competitor.weaknesses'),
      render: (_, c) => <span style={preWrap}>{c.weaknesses ?? '—'}</span>,
    },
  ];
  if (keeper) {
    columns.push({
      key: 'actions',
      width: 96,
      render: (_, c) => (
        <Space size={2}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => setDialog({ mode: 'edit', competitor: c })}
            aria-label={t('common.edit')}
            data-testid="competitor-edit"
          />
          {admin && (
            <Popconfirm
              title={t('catalog.deleteCompetitorConfirm', { name: c.name })}
              onConfirm={() => void remove(c)}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <div data-testid="competitors-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.competitors')}
        </Typography.Title>
        {keeper && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ mode: 'create' })}
            data-testid="new-competitor"
          >
            {t('catalog.newCompetitor')}
          </Button>
        )}
      </Flex>
      {competitors.data && <ListCount count={competitors.data.length} block />}
      {competitors.isError ? (
        <FullPageError error={competitors.error} onRetry={() => void competitors.refetch()} />
      ) : (
        <Table<Competitor>
          data-testid="competitors-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={competitors.data ?? []}
          loading={competitors.isPending}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description={t('catalog.noCompetitors')} /> }}
        />
      )}
      <CompetitorFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
