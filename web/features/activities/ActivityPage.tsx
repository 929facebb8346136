import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Rate,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  PrinterOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Activity } from '../../../core/schemas/activities.ts';
import { tooEarlyToLog } from '../../../core/call-log.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { activityCrumbs, PageCrumbs } from '../../components/PageCrumbs.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useActivity, useDeleteActivity, useUpdateActivity } from './api.ts';
import { ActivityStatusTag, NextMeetingTag, WhenText } from './ActivityTable.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { CompleteActivityDrawer } from './CompleteActivityDrawer.tsx';
import { SATISFACTION_TYPES, useTypeLabel } from '../activity-types/typeLabel.ts';
import { useMovedToBin } from '../recycle-bin/useMovedToBin.tsx';

const para = (s: string | null) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s || '—'}</Typography.Paragraph>
);

export function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const typeLabel = useTypeLabel();
  const activity = useActivity(id);
  const update = useUpdateActivity();
  const del = useDeleteActivity();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const movedToBin = useMovedToBin();
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);

  if (activity.isPending) return <PageSkeleton />;
  if (activity.isError) return <FullPageError error={activity.error} onRetry={() => void activity.refetch()} />;
  const a: Activity = activity.data;
  const writable = canWrite(me);
  const reload = () => void activity.refetch();
  // Still more than a day away: it cannot be logged until its date moves (the server says the same).
  const early = writable && a.status === 'planned' && tooEarlyToLog(a.plannedStart, new Date());

  const setStatus = async (status: 'planned' | 'cancelled') => {
    try {
      await update.mutateAsync({ id: a.id, body: { version: a.version, status } });
      message.success(status === 'cancelled' ? t('activities.cancelled') : t('common.saved'));
    } catch (e) {
      fail(e, { onReload: reload });
    }
  };
  const remove = async () => {
    try {
      await del.mutateAsync(a.id);
      movedToBin('activity', a.id);
      navigate('/activities', { replace: true });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid="activity-page" data-activity-id={a.id}>
      <PageCrumbs items={[...activityCrumbs(t, a), { label: a.subject }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="activity-title">
            {a.subject}
          </Typography.Title>
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <Tag color="purple">{typeLabel(a.type)}</Tag>
            <ActivityStatusTag status={a.status} />
            {a.autoScheduled && <Tag>{t('activities.autoScheduled')}</Tag>}
            <Link to={`/accounts/${a.accountId}`} data-testid="activity-account-link">
              {a.accountName}
            </Link>
            {a.opportunityId && <Link to={`/opportunities/${a.opportunityId}`}>{a.opportunityName}</Link>}
          </Space>
        </div>
        <Space wrap>
          {writable && a.status === 'planned' && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={early}
              onClick={() => setLogging(true)}
              data-testid="log-activity"
            >
              {t('activities.log')}
            </Button>
          )}
          <Link to={`/activities/${a.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="print-plan">
              {t('activities.print')}
            </Button>
          </Link>
          {writable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-activity">
              {t('common.edit')}
            </Button>
          )}
          {writable && a.status === 'planned' && (
            <Popconfirm
              title={t('activities.cancelConfirm')}
              onConfirm={() => void setStatus('cancelled')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button icon={<StopOutlined />} loading={update.isPending} data-testid="cancel-activity">
                {t('activities.cancelActivity')}
              </Button>
            </Popconfirm>
          )}
          {writable && a.status === 'cancelled' && (
            <Button
              icon={<RollbackOutlined />}
              loading={update.isPending}
              onClick={() => void setStatus('planned')}
              data-testid="replan-activity"
            >
              {t('activities.replan')}
            </Button>
          )}
          {writable && (
            <Popconfirm
              title={t('activities.deleteConfirm')}
              onConfirm={() => void remove()}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="delete-activity">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      {early && (
        <Alert
          type="info"
          showIcon
          title={t('activities.logTooEarly', { date: dayjs(a.plannedStart).format('YYYY-MM-DD HH:mm') })}
          action={
            <Button size="small" onClick={() => setEditing(true)} data-testid="change-date">
              {t('activities.changeDate')}
            </Button>
          }
          style={{ marginBottom: 12 }}
          data-testid="log-too-early"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('activities.planTitle')} data-testid="activity-plan">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'when',
                  label: t('field.activity.when'),
                  children: <WhenText start={a.plannedStart} end={a.plannedEnd} />,
                },
                { key: 'place', label: t('field.activity.place'), children: a.place ?? '—' },
                { key: 'owner', label: t('field.activity.ownerId'), children: a.ownerName },
                {
                  key: 'contacts',
                  label: t('field.activity.contactIds'),
                  children: a.contacts.length ? (
                    <Space wrap size={4}>
                      {a.contacts.map((c) => (
                        <Link key={c.id} to={`/contacts/${c.id}`}>
                          {[c.name, c.title].filter(Boolean).join(' · ')}
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'users',
                  label: t('field.activity.userIds'),
                  children: a.users.map((u) => u.name).join('、') || '—',
                },
                { key: 'objective', label: t('field.activity.objective'), children: para(a.objective) },
              ]}
            />
            <Typography.Text strong>{t('field.activity.steps')}</Typography.Text>
            {a.steps.length ? (
              <ol style={{ margin: '4px 0 12px', paddingInlineStart: 22 }} data-testid="activity-steps-view">
                {a.steps.map((s, i) => (
                  <li key={i} style={{ overflowWrap: 'anywhere' }}>
                    {s}
                  </li>
                ))}
              </ol>
            ) : (
              <div style={{ marginBottom: 12 }}>—</div>
            )}
            <Descriptions
              size="small"
              column={1}
              layout={mobile ? 'vertical' : 'horizontal'}
              items={[
                { key: 'talkingPoints', label: t('field.activity.talkingPoints'), children: para(a.talkingPoints) },
                { key: 'diningPlan', label: t('field.activity.diningPlan'), children: para(a.diningPlan) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('activities.results')} data-testid="activity-results">
            {a.status !== 'done' ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={a.status === 'cancelled' ? t('activities.wasCancelled') : t('activities.notLogged')}
              />
            ) : (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'next',
                    label: t('field.activity.nextMeetingProposed'),
                    children: <NextMeetingTag value={a.nextMeetingProposed} short />,
                  },
                  { key: 'outcome', label: t('field.activity.outcome'), children: para(a.outcome) },
                  { key: 'nextSteps', label: t('field.activity.nextSteps'), children: para(a.nextSteps) },
                  ...(SATISFACTION_TYPES.has(a.type) || a.satisfaction !== null
                    ? [
                        {
                          key: 'satisfaction',
                          label: t('field.activity.satisfaction'),
                          children: a.satisfaction ? <Rate disabled value={a.satisfaction} /> : '—',
                        },
                      ]
                    : []),
                  {
                    key: 'completedAt',
                    label: t('field.activity.completedAt'),
                    children: <DateText value={a.completedAt} withTime />,
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ActivityFormDrawer open={editing} onClose={() => setEditing(false)} activity={a} onReload={reload} />
      <CompleteActivityDrawer open={logging} onClose={() => setLogging(false)} activity={a} onReload={reload} />
    </div>
  );
}
