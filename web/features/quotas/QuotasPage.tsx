import { useState } from 'react';
import { App, Button, DatePicker, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Quota } from '../../../core/schemas/forecast.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useDeleteQuota, useQuotas } from './api.ts';
import { QuotaFormModal, type QuotaDialog } from './QuotaFormModal.tsx';

const KIND_ORDER = { year: 0, quarter: 1, month: 2 } as const;

/** 配额: the year's quotas of the people and teams in scope; managers and admins set them, a rep reads their own. */
export function QuotasPage() {
  const { t } = useTranslation();
  const me = useMe();
  const p = useUrlParams(['year'] as const);
  const year = p.values.year && /^\d{4}$/.test(p.values.year) ? Number(p.values.year) : dayjs().year();
  const quotas = useQuotas({ year });
  const del = useDeleteQuota();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<QuotaDialog | null>(null);
  // Quotas are set from above; each row says whether the caller may change it (not a manager's own, not a team above theirs).
  const setter = me.role === 'admin' || me.role === 'manager';

  const remove = async (q: Quota) => {
    try {
      await del.mutateAsync(q.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  // Teams first, then people; within each the year before its quarters before its months.
  const rows = [...(quotas.data ?? [])].sort(
    (a, b) =>
      Number(!!b.teamId) - Number(!!a.teamId) ||
      (a.teamName ?? a.userName ?? '').localeCompare(b.teamName ?? b.userName ?? '', 'zh-CN') ||
      KIND_ORDER[a.periodKind] - KIND_ORDER[b.periodKind] ||
      a.period.localeCompare(b.period),
  );

  const columns: ColumnsType<Quota> = [
    {
      key: 'subject',
      title: t('quotas.subject'),
      render: (_, q) => (
        <Space size={4} data-testid="quota-subject">
          {q.teamId ? <TeamOutlined /> : <UserOutlined />}
          {q.teamName ?? q.userName ?? '—'}
        </Space>
      ),
    },
    {
      key: 'period',
      title: t('quotas.period'),
      width: 110,
      render: (_, q) => <span data-testid="quota-period">{q.period}</span>,
    },
    {
      key: 'kind',
      title: t('quotas.periodKind'),
      width: 80,
      render: (_, q) => <Tag>{t(`enum.periodKind.${q.periodKind}`)}</Tag>,
    },
    {
      key: 'target',
      title: t('quotas.target'),
      align: 'right',
      width: 160,
      render: (_, q) => (
        <span data-testid="quota-target">
          <MoneyText value={q.target} />
        </span>
      ),
    },
    {
      key: 'stretch',
      title: t('quotas.stretch'),
      align: 'right',
      width: 160,
      render: (_, q) => <MoneyText value={q.stretch} />,
    },
    {
      key: 'challenge',
      title: t('quotas.challenge'),
      align: 'right',
      width: 160,
      render: (_, q) => <MoneyText value={q.challenge} />,
    },
  ];
  if (setter) {
    columns.push({
      key: 'actions',
      width: 90,
      render: (_, q) =>
        q.editable && (
          <Space size={2}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={() => setDialog({ mode: 'edit', quota: q })}
              aria-label={t('common.edit')}
              data-testid="quota-edit"
            />
            <Popconfirm
              title={t('quotas.deleteConfirm')}
              onConfirm={() => void remove(q)}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                data-testid="quota-delete"
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <div data-testid="quotas-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.quotas')}
        </Typography.Title>
        <Flex gap={8}>
          <DatePicker
            picker="year"
            value={dayjs(`${year}-01-01`)}
            allowClear={false}
            onChange={(d) => d && p.set('year', String(d.year()))}
            data-testid="quota-year"
          />
          {setter && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ mode: 'create', year })}
              data-testid="new-quota"
            >
              {t('quotas.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('quotas.hint')}</Typography.Paragraph>
      {quotas.isError ? (
        <FullPageError error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : (
        <Table<Quota>
          data-testid="quotas-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={quotas.isPending}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty description={t('quotas.empty', { year })} /> }}
        />
      )}
      <QuotaFormModal dialog={dialog} onClose={() => setDialog(null)} onReload={() => void quotas.refetch()} />
    </div>
  );
}
