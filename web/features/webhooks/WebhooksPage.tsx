import { useState } from 'react';
import { App, Button, Card, Empty, Flex, List, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../core/schemas/webhooks.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeleteWebhook, useRotateSecret, useTestWebhook, useUpdateWebhook, useWebhooks } from './api.ts';
import { SecretOnce, WebhookDialog } from './WebhookDialog.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { OutboundCard } from './OutboundCard.tsx';

/**
 * Webhook 推送 (admins): the subscriptions that post the organisation's changes to other systems, each
 * with its last day's deliveries, a test, a new secret, and its delivery log; the outbound setting below.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const fail = useApiFeedback();
  const hooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateSecret();
  const test = useTestWebhook();
  const [dialog, setDialog] = useState<{ editing: Webhook | null } | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const eventTags = (w: Webhook) =>
    w.events.map((e) => (
      <Tag key={e} style={{ marginBottom: 2 }}>
        {t(`webhooks.event.${e}`, { defaultValue: e })}
      </Tag>
    ));
  const recent = (w: Webhook) => (
    <Space size={4} wrap>
      <Tag color="green">{t('webhooks.recentDelivered', { n: w.recent.delivered })}</Tag>
      {w.recent.pending > 0 && <Tag color="orange">{t('webhooks.recentPending', { n: w.recent.pending })}</Tag>}
      {w.recent.failed > 0 && <Tag color="red">{t('webhooks.recentFailed', { n: w.recent.failed })}</Tag>}
    </Space>
  );
  const activeSwitch = (w: Webhook) => (
    <Switch
      size="small"
      checked={w.active}
      aria-label={t('webhooks.active')}
      data-testid="webhook-toggle"
      onChange={(active) => update.mutateAsync({ id: w.id, version: w.version, active }).catch((e: unknown) => fail(e))}
    />
  );
  const actions = (w: Webhook) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setLog(w)} data-testid="webhook-deliveries">
        {t('webhooks.deliveries')}
      </Button>
      <Button
        size="small"
        data-testid="webhook-test"
        onClick={() =>
          test
            .mutateAsync(w.id)
            .then(() => message.success(t('webhooks.testQueued')))
            .catch((e: unknown) => fail(e))
        }
      >
        {t('webhooks.test')}
      </Button>
      <Button size="small" onClick={() => setDialog({ editing: w })} data-testid="webhook-edit">
        {t('webhooks.edit')}
      </Button>
      <Popconfirm
        title={t('webhooks.rotateConfirm')}
        onConfirm={() =>
          rotate
            .mutateAsync(w.id)
            .then((r) => setSecret(r.secret))
            .catch((e: unknown) => fail(e))
        }
      >
        <Button size="small">{t('webhooks.rotate')}</Button>
      </Popconfirm>
      <Popconfirm
        title={t('webhooks.deleteConfirm', { name: w.name })}
        onConfirm={() => remove.mutateAsync(w.id).catch((e: unknown) => fail(e))}
      >
        <Button size="small" danger data-testid="webhook-delete">
          {t('webhooks.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const columns: ColumnsType<Webhook> = [
    {
      key: 'name',
      title: t('webhooks.name'),
      render: (_, w) => (
        <Flex vertical>
          <Typography.Text strong>{w.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {w.url}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'events', title: t('webhooks.events'), render: (_, w) => eventTags(w) },
    { key: 'recent', title: t('webhooks.recent'), render: (_, w) => recent(w) },
    { key: 'active', title: t('webhooks.active'), render: (_, w) => activeSwitch(w), width: 70 },
    { key: 'actions', render: (_, w) => actions(w), width: 300 },
  ];

  if (hooks.isError) return <FullPageError error={hooks.error} />;
  const items = hooks.data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('webhooks.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ editing: null })}
          data-testid="webhook-create"
        >
          {t('webhooks.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('webhooks.intro')}
      </Typography.Paragraph>
      {mobile ? (
        <List
          loading={hooks.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('webhooks.none')} /> }}
          renderItem={(w) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="webhook-card">
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{w.name}</Typography.Text>
                  {activeSwitch(w)}
                </Flex>
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                  {w.url}
                </Typography.Text>
                <div>{eventTags(w)}</div>
                {recent(w)}
                {actions(w)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<Webhook>
          rowKey="id"
          size="small"
          loading={hooks.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('webhooks.none')} /> }}
          data-testid="webhooks-table"
        />
      )}
      <OutboundCard />
      <WebhookDialog open={!!dialog} editing={dialog?.editing ?? null} onClose={() => setDialog(null)} />
      <DeliveryLog targetId={log?.id ?? null} name={log?.name ?? ''} onClose={() => setLog(null)} />
      <Modal
        open={!!secret}
        title={t('webhooks.rotate')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        footer={null}
      >
        {secret && <SecretOnce secret={secret} />}
      </Modal>
    </Flex>
  );
}
