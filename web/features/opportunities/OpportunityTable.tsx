import { Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpportunityListItem } from '../../../core/schemas/deals.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useStageLabel } from '../stages/stageName.ts';
import { HealthBadge, RedFlagCount } from './HealthBadge.tsx';
import { ChoosableTable } from '../../components/ColumnChooser.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

const STATUS_COLORS: Record<OpportunityListItem['status'], string> = { open: 'blue', won: 'green', lost: 'default' };

interface Props {
  rows: OpportunityListItem[];
  loading: boolean;
  showAccount?: boolean;
  testId?: string;
  /** Set on the main list page: the user's columns and widths (preferences.tables[tableKey]). */
  tableKey?: string;
  /** In a dashboard card: the columns that fit half a 1440-px window (account and owner under the name). */
  compact?: boolean;
}

export function OpportunityTable({
  rows,
  loading,
  showAccount = true,
  testId = 'opportunities-table',
  tableKey,
  compact,
}: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const stageName = useStageLabel();

  if (mobile) {
    return (
      <List
        data-testid={testId}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('deals.empty')} /> }}
        renderItem={(o) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="opportunity-card">
            <Flex justify="space-between" gap={6}>
              <Link to={`/opportunities/${o.id}`} style={{ fontWeight: 600 }} data-testid="opportunity-link">
                {o.name}
              </Link>
              <HealthBadge score={o.health} />
            </Flex>
            {showAccount && <div style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{o.accountName}</div>}
            <Flex wrap gap={4} style={{ marginTop: 6 }} align="center">
              <Tag>{stageName(o.stageId, o.stageName)}</Tag>
              {o.status !== 'open' && <Tag color={STATUS_COLORS[o.status]}>{t(`enum.dealStatus.${o.status}`)}</Tag>}
              <RedFlagCount count={o.redFlagCodes.length} />
            </Flex>
            <Flex justify="space-between" style={{ marginTop: 6, fontSize: 12, color: '#666' }}>
              <span>
                <DateText value={o.expectedCloseDate} /> · {o.ownerName ?? '—'}
              </span>
              <strong>
                <MoneyText value={o.amount} />
              </strong>
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<OpportunityListItem> = [
    {
      key: 'name',
      title: t('field.opportunity.name'),
      fixed: 'left',
      width: 220,
      render: (_, o) => (
        <div>
          <Link to={`/opportunities/${o.id}`} data-testid="opportunity-link">
            {o.name}
          </Link>
          {showAccount && <div style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{o.accountName}</div>}
        </div>
      ),
    },
    {
      key: 'stage',
      title: t('field.opportunity.stageId'),
      width: 150,
      render: (_, o) => (
        <Flex gap={4} wrap>
          <span>{stageName(o.stageId, o.stageName)}</span>
          {o.status !== 'open' && <Tag color={STATUS_COLORS[o.status]}>{t(`enum.dealStatus.${o.status}`)}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('field.opportunity.amount'),
      width: 140,
      align: 'right',
      render: (_, o) => <MoneyText value={o.amount} />,
    },
    {
      key: 'weighted',
      title: t('field.opportunity.weightedAmount'),
      width: 140,
      align: 'right',
      render: (_, o) => <MoneyText value={o.weightedAmount} />,
    },
    {
      key: 'probability',
      title: t('field.opportunity.probability'),
      width: 80,
      align: 'right',
      render: (_, o) => `${o.probability}%`,
    },
    {
      key: 'forecast',
      title: t('field.opportunity.forecastCategory'),
      width: 100,
      render: (_, o) => t(`enum.forecastCategory.${o.forecastCategory}`),
    },
    {
      key: 'close',
      title: t('field.opportunity.expectedCloseDate'),
      width: 120,
      render: (_, o) => <DateText value={o.expectedCloseDate} />,
    },
    { key: 'owner', title: t('field.opportunity.ownerId'), width: 100, render: (_, o) => o.ownerName ?? '—' },
    {
      key: 'health',
      title: t('field.opportunity.health'),
      width: 100,
      render: (_, o) => (
        <Flex gap={6} align="center">
          <HealthBadge score={o.health} />
          <RedFlagCount count={o.redFlagCodes.length} />
        </Flex>
      ),
    },
  ];

  if (compact) {
    const keep = new Set(['stage', 'amount', 'close', 'health']);
    const narrow: ColumnsType<OpportunityListItem> = [
      {
        key: 'name',
        title: t('field.opportunity.name'),
        ellipsis: true,
        render: (_, o) => (
          <>
            <Typography.Text ellipsis={{ tooltip: o.name }} style={{ display: 'block' }}>
              <Link to={`/opportunities/${o.id}`} data-testid="opportunity-link">
                {o.name}
              </Link>
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ display: 'block', fontSize: 12 }}>
              {o.accountName} · {o.ownerName ?? '—'}
            </Typography.Text>
          </>
        ),
      },
      ...columns.filter((c) => keep.has(String(c.key))).map((c) => ({ ...c, width: c.key === 'health' ? 90 : 104 })),
    ];
    return (
      <Table<OpportunityListItem>
        data-testid={testId}
        rowKey="id"
        size="small"
        columns={narrow}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('deals.empty')} /> }}
      />
    );
  }

  return (
    <ChoosableTable<OpportunityListItem>
      tableKey={tableKey}
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1150 }}
      locale={{ emptyText: <Empty description={t('deals.empty')} /> }}
    />
  );
}
