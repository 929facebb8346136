import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, List, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Robot } from '../../../core/schemas/robots.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { DeliveryLog } from '../webhooks/DeliveryLog.tsx';
import { useDeleteRobot, useRobots, useTestRobot, useUpdateRobot } from './api.ts';
import { RobotDialog } from './RobotDialog.tsx';

const KIND_COLOR: Record<Robot['kind'], string> = { wecom: 'green', dingtalk: 'blue', feishu: 'geekblue' };

/**
 * 群机器人 (admins): each team's 企业微信 / 钉钉 / 飞书 group robots, filtered by team — what each posts,
 * its last day's messages, pause, a test message, edit, delete — and the delivery log of each, which
 * says why a message did not arrive (a wrong signing secret, a missing keyword…).
 */
export function RobotsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const fail = useApiFeedback();
  const [teamId, setTeamId] = useState<string | undefined>();
  const robots = useRobots(teamId);
  const update = useUpdateRobot();
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [dialog, setDialog] = useState<{ editing: Robot | null } | null>(null);
  const [log, setLog] = useState<Robot | null>(null);

  const kindTag = (r: Robot) => <Tag color={KIND_COLOR[r.kind]}>{t(`robots.kindName.${r.kind}`)}</Tag>;
  const eventTags = (r: Robot) =>
    r.events.map((e) => (
      <Tag key={e} style={{ marginBottom: 2 }}>
        {t(`webhooks.event.${e}`, { defaultValue: e })}
      </Tag>
    ));
  const recent = (r: Robot) => (
    <Space size={4} wrap>
      <Tag color="green">{t('webhooks.recentDelivered', { n: r.recent.delivered })}</Tag>
      {r.recent.pending > 0 && <Tag color="orange">{t('webhooks.recentPending', { n: r.recent.pending })}</Tag>}
      {r.recent.failed > 0 && <Tag color="red">{t('webhooks.recentFailed', { n: r.recent.failed })}</Tag>}
    </Space>
  );
  const activeSwitch = (r: Robot) => (
    <Switch
      size="small"
      checked={r.active}
      aria-label={t('robots.active')}
      data-testid="robot-toggle"
      onChange={(active) => update.mutateAsync({ id: r.id, version: r.version, active }).catch((e: unknown) => fail(e))}
    />
  );
  const actions = (r: Robot) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setLog(r)} data-testid="robot-deliveries">
        {t('robots.deliveries')}
      </Button>
      <Button
        size="small"
        disabled={!r.active}
        data-testid="robot-test"
        onClick={() =>
          test
            .mutateAsync(r.id)
            .then(() => message.success(t('robots.testQueued')))
            .catch((e: unknown) => fail(e))
        }
      >
        {t('robots.test')}
      </Button>
      <Button size="small" onClick={() => setDialog({ editing: r })} data-testid="robot-edit">
        {t('robots.edit')}
      </Button>
      <Popconfirm
        title={t('robots.deleteConfirm', { name: r.name })}
        onConfirm={() => remove.mutateAsync(r.id).catch((e: unknown) => fail(e))}
      >
        <Button size="small" danger data-testid="robot-delete">
          {t('robots.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
  const nameAndUrl = (r: Robot) => (
    <Flex vertical>
      <Typography.Text strong>{r.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }} ellipsis={{ tooltip: r.url }}>
        {r.url}
      </Typography.Text>
    </Flex>
  );

  const columns: ColumnsType<Robot> = [
    { key: 'name', title: t('robots.name'), render: (_, r) => nameAndUrl(r) },
    { key: 'team', title: t('robots.team'), dataIndex: 'teamName', width: 120 },
    { key: 'kind', title: t('robots.kind'), render: (_, r) => kindTag(r), width: 110 },
    { key: 'events', title: t('robots.events'), render: (_, r) => eventTags(r) },
    { key: 'recent', title: t('robots.recent'), render: (_, r) => recent(r), width: 150 },
    { key: 'active', title: t('robots.active'), render: (_, r) => activeSwitch(r), width: 70 },
    { key: 'actions', render: (_, r) => actions(r), width: 260 },
  ];

  if (robots.isError) return <FullPageError error={robots.error} />;
  const items = robots.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('robots.title')}
        </Typography.Title>
        <Flex gap={8} wrap style={mobile ? { width: '100%' } : undefined}>
          <TeamSelect
            value={teamId}
            onChange={(v) => setTeamId(v ?? undefined)}
            placeholder={t('robots.allTeams')}
            style={{ minWidth: 180, flex: mobile ? 1 : undefined }}
            data-testid="robots-team-filter"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ editing: null })}
            data-testid="robot-create"
          >
            {t('robots.create')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('robots.intro')} {t('robots.docs')}
      </Typography.Paragraph>
      {robots.data && !robots.data.publicUrl && (
        <Alert type="info" showIcon message={t('robots.noLinks')} data-testid="robots-no-links" />
      )}
      {mobile ? (
        <List
          loading={robots.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('robots.none')} /> }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="robot-card">
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  {activeSwitch(r)}
                </Flex>
                <div>
                  {kindTag(r)}
                  <Typography.Text type="secondary">{r.teamName}</Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                  {r.url}
                </Typography.Text>
                <div>{eventTags(r)}</div>
                {recent(r)}
                {actions(r)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<Robot>
          rowKey="id"
          size="small"
          loading={robots.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('robots.none')} /> }}
          data-testid="robots-table"
        />
      )}
      <RobotDialog open={!!dialog} editing={dialog?.editing ?? null} teamId={teamId} onClose={() => setDialog(null)} />
      <DeliveryLog targetId={log?.id ?? null} name={log?.name ?? ''} onClose={() => setLog(null)} webhook={false} />
    </Flex>
  );
}
