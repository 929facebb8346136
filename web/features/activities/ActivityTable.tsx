import type { HTMLAttributes } from 'react';
import { Card, Empty, Flex, List, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../core/schemas/activities.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useTypeLabel } from '../activity-types/typeLabel.ts';
import { ChoosableTable } from '../../components/ColumnChooser.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

const STATUS_COLORS: Record<Activity['status'], string> = { planned: 'blue', done: 'green', cancelled: 'default' };

export function ActivityStatusTag({ status }: { status: Activity['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="activity-status">
      {t(`enum.activityStatus.${status}`)}
    </Tag>
  );
}

/** Yes / no / not logged: the one question that tells a real step forward from a pleasant chat. */
export function NextMeetingTag({ value, short = false }: { value: boolean | null; short?: boolean }) {
  const { t } = useTranslation();
  if (value === null) return null;
  // Under a "next meeting" heading a yes / no says it; on its own the tag says what it is about.
  const label = short
    ? value
      ? t('activities.yes')
      : t('activities.no')
    : value
      ? t('activities.nextMeetingYes')
      : t('activities.nextMeetingNo');
  return (
    <Tag color={value ? 'green' : 'red'} data-testid="next-meeting-tag">
      {label}
    </Tag>
  );
}

/** "2026-11-27 10:00–11:30", or both dates when it spans days. */
export function WhenText({ start, end }: { start: string; end: string }) {
  useTranslation();
  const s = dayjs(start);
  const e = dayjs(end);
  return (
    <span>
      {s.format('YYYY-MM-DD HH:mm')}–{e.isSame(s, 'day') ? e.format('HH:mm') : e.format('YYYY-MM-DD HH:mm')}
    </span>
  );
}

interface Props {
  rows: Activity[];
  loading: boolean;
  showAccount?: boolean;
  testId?: string;
  /** Set on the main list page: the user's columns and widths (preferences.tables[tableKey]). */
  tableKey?: string;
}

export function ActivityTable({ rows, loading, showAccount = true, testId = 'activities-table', tableKey }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const typeLabel = useTypeLabel();
  const empty = <Empty description={t('activities.empty')} />;

  if (mobile) {
    return (
      <List
        data-testid={testId}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: empty }}
        renderItem={(a) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="activity-card">
            <Flex justify="space-between" gap={6} align="flex-start">
              <Link
                to={`/activities/${a.id}`}
                style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}
                data-testid="activity-link"
              >
                {a.subject}
              </Link>
              <ActivityStatusTag status={a.status} />
            </Flex>
            {showAccount && (
              <div style={{ color: TEXT_SECONDARY, fontSize: 12, overflowWrap: 'anywhere' }}>{a.accountName}</div>
            )}
            <Flex wrap gap={4} style={{ marginTop: 6, fontSize: 12, color: '#666' }} align="center">
              <Tag>{typeLabel(a.type)}</Tag>
              <WhenText start={a.plannedStart} end={a.plannedEnd} />
              <span>· {a.ownerName}</span>
              <NextMeetingTag value={a.nextMeetingProposed} />
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<Activity> = [
    {
      key: 'subject',
      title: t('field.activity.subject'),
      fixed: 'left',
      width: 240,
      render: (_, a) => (
        <div>
          <Link to={`/activities/${a.id}`} data-testid="activity-link">
            {a.subject}
          </Link>
          {a.opportunityName && <div style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{a.opportunityName}</div>}
        </div>
      ),
    },
    { key: 'type', title: t('field.activity.type'), width: 120, render: (_, a) => typeLabel(a.type) },
    ...(showAccount
      ? [
          {
            key: 'account',
            title: t('field.activity.accountId'),
            width: 200,
            render: (_: unknown, a: Activity) => <Link to={`/accounts/${a.accountId}`}>{a.accountName}</Link>,
          },
        ]
      : []),
    {
      key: 'when',
      title: t('field.activity.when'),
      width: 200,
      render: (_, a) => <WhenText start={a.plannedStart} end={a.plannedEnd} />,
    },
    { key: 'owner', title: t('field.activity.ownerId'), width: 100, render: (_, a) => a.ownerName },
    {
      key: 'status',
      title: t('field.activity.status'),
      width: 90,
      render: (_, a) => <ActivityStatusTag status={a.status} />,
    },
    {
      key: 'next',
      title: t('field.activity.nextMeetingProposed'),
      width: 110,
      render: (_, a) => <NextMeetingTag value={a.nextMeetingProposed} short />,
    },
  ];
  return (
    <ChoosableTable<Activity>
      tableKey={tableKey}
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1080 }}
      locale={{ emptyText: empty }}
      onRow={(a) => ({ 'data-testid': 'activity-row', 'data-activity-id': a.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}
