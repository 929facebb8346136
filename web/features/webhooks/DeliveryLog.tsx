import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Flex, List, Segmented, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../../core/schemas/webhooks.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeliveries, useDelivery, useResend } from './api.ts';

type StatusFilter = Delivery['status'] | 'all';
const COLOR: Record<Delivery['status'], string> = { pending: 'orange', delivered: 'green', failed: 'red' };

/** The words for a delivery's failure: ours by code, a robot service's own words as they came. */
export function useDeliveryError() {
  const { t, i18n } = useTranslation();
  return (error: string | null) => {
    if (!error) return '';
    const [code, ...rest] = error.split(': ');
    const key = `webhooks.error.${code}`;
    return i18n.exists(key) ? [t(key), ...rest].join(': ') : error;
  };
}

function useWhen() {
  const { i18n } = useTranslation();
  return (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }) : '—';
}

/** One delivery opened: every attempt with its status code, time and answer, the body, and resend. */
function DeliveryDetailView({ id, webhook }: { id: string; webhook: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const when = useWhen();
  const errorText = useDeliveryError();
  const detail = useDelivery(id);
  const resend = useResend();
  if (!detail.data) return <Spin size="small" />;
  const d = detail.data;
  const pretty = (() => {
    try {
      return JSON.stringify(JSON.parse(d.body ?? ''), null, 2);
    } catch {
      return d.body ?? '';
    }
  })();
  return (
    <Flex vertical gap={8} data-testid="delivery-detail">
      <Typography.Text type="secondary" copyable={{ text: d.id }}>
        {/* A webhook sends its id as a header the receiver dedupes by; a robot's is only the log's. */}
        {webhook ? 'X-OpenKAM-Delivery' : t('webhooks.log.id')}: {d.id}
      </Typography.Text>
      <Typography.Text strong>{t('webhooks.log.attemptLog')}</Typography.Text>
      {d.attemptLog.map((a) => (
        <Descriptions
          key={a.n}
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'at',
              label: `#${a.n}`,
              children: `${when(a.at)} · ${t('webhooks.log.duration', { ms: a.durationMs })}`,
            },
            { key: 'code', label: t('webhooks.log.code'), children: a.statusCode ?? '—' },
            ...(a.error ? [{ key: 'error', label: t('webhooks.log.error'), children: errorText(a.error) }] : []),
            ...(a.response
              ? [
                  {
                    key: 'response',
                    label: t('webhooks.log.response'),
                    children: (
                      <Typography.Text code style={{ wordBreak: 'break-all' }}>
                        {a.response}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ))}
      <Typography.Text strong>{t('webhooks.log.body')}</Typography.Text>
      <pre
        style={{
          maxHeight: 240,
          overflow: 'auto',
          margin: 0,
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {pretty}
      </pre>
      <div>
        <Button
          size="small"
          loading={resend.isPending}
          data-testid="delivery-resend"
          onClick={() =>
            resend
              .mutateAsync(d.id)
              .then(() => message.success(t('webhooks.log.resent')))
              .catch((e: unknown) => fail(e))
          }
        >
          {t('webhooks.log.resend')}
        </Button>
      </div>
    </Flex>
  );
}

/**
 * 推送记录: a webhook's or a group robot's deliveries, newest first — status, attempts, the last status code
 * and why it failed — each opened to its attempts and body, and sent again from there.
 */
export function DeliveryLog({
  targetId,
  name,
  onClose,
  webhook = true,
}: {
  targetId: string | null;
  name: string;
  onClose: () => void;
  /** A webhook's log (its ids are the X-OpenKAM-Delivery header), not a group robot's. */
  webhook?: boolean;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const when = useWhen();
  const errorText = useDeliveryError();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useDeliveries(targetId, status === 'all' ? undefined : status);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const eventName = (e: string) => t(`webhooks.event.${e}`, { defaultValue: e });
  const statusTag = (d: Delivery) => <Tag color={COLOR[d.status]}>{t(`webhooks.status.${d.status}`)}</Tag>;

  const columns: ColumnsType<Delivery> = [
    { key: 'at', title: t('webhooks.log.at'), render: (_, d) => when(d.createdAt), width: 170 },
    { key: 'event', title: t('webhooks.log.event'), render: (_, d) => eventName(d.event) },
    { key: 'status', title: t('webhooks.log.status'), render: (_, d) => statusTag(d), width: 90 },
    { key: 'attempts', title: t('webhooks.log.attempts'), dataIndex: 'attempts', width: 80 },
    { key: 'code', title: t('webhooks.log.code'), render: (_, d) => d.lastStatusCode ?? '—', width: 80 },
    {
      key: 'error',
      title: t('webhooks.log.error'),
      render: (_, d) =>
        d.status === 'pending' && d.nextAttemptAt
          ? `${errorText(d.lastError)} · ${t('webhooks.log.next')} ${when(d.nextAttemptAt)}`
          : errorText(d.lastError),
    },
  ];

  return (
    <Drawer
      open={!!targetId}
      onClose={onClose}
      title={t('webhooks.log.title', { name })}
      width={mobile ? '100%' : 860}
      destroyOnHidden
      data-testid="delivery-log"
    >
      <Flex vertical gap={12}>
        <Segmented<StatusFilter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('webhooks.log.all') },
            { value: 'pending', label: t('webhooks.status.pending') },
            { value: 'delivered', label: t('webhooks.status.delivered') },
            { value: 'failed', label: t('webhooks.status.failed') },
          ]}
        />
        {mobile ? (
          <List
            loading={deliveries.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('webhooks.log.none')} /> }}
            renderItem={(d) => (
              <List.Item data-testid="delivery-row" onClick={() => setOpen(open === d.id ? null : d.id)}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong>{eventName(d.event)}</Typography.Text>
                    {statusTag(d)}
                  </Flex>
                  <Typography.Text type="secondary">
                    {when(d.createdAt)} · {t('webhooks.log.attempts')} {d.attempts} · {d.lastStatusCode ?? '—'}
                  </Typography.Text>
                  {d.lastError && <Typography.Text type="danger">{errorText(d.lastError)}</Typography.Text>}
                  {open === d.id && <DeliveryDetailView id={d.id} webhook={webhook} />}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<Delivery>
            rowKey="id"
            size="small"
            loading={deliveries.isLoading}
            columns={columns}
            dataSource={items}
            pagination={false}
            onRow={() => ({ 'data-testid': 'delivery-row' }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandRowByClick: true,
              expandedRowRender: (d) => <DeliveryDetailView id={d.id} webhook={webhook} />,
            }}
            locale={{ emptyText: <Empty description={t('webhooks.log.none')} /> }}
          />
        )}
        {deliveries.hasNextPage && (
          <Button onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
            {t('webhooks.log.more')}
          </Button>
        )}
      </Flex>
    </Drawer>
  );
}
