import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Reminder } from '../../../core/schemas/activities.ts';
import { DateText } from '../../components/DateText.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useMarkRemindersRead, useReminders } from './api.ts';

const SEVERITY_COLORS: Record<Reminder['severity'], string> = { high: '#cf1322', medium: '#fa8c16', low: '#8c8c8c' };

function reminderPath(r: Pick<Reminder, 'entityType' | 'entityId'>): string {
  if (r.entityType === 'task') return `/tasks?open=${r.entityId}`;
  if (r.entityType === 'activity') return `/activities/${r.entityId}`;
  return `/contacts/${r.entityId}`;
}

/** The header's bell: unread count, and the reminders themselves one click away. */
export function NotificationBell() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const reminders = useReminders();
  const markRead = useMarkRemindersRead();
  const [open, setOpen] = useState(false);
  const items = reminders.data?.items ?? [];
  const unread = reminders.data?.unread ?? 0;

  const go = (r: Reminder) => {
    if (!r.read) markRead.mutate({ keys: [r.key] });
    setOpen(false);
    navigate(reminderPath(r));
  };

  const content = (
    <div style={{ width: mobile ? '100%' : 380 }} data-testid="reminders-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        {!mobile && <Typography.Text strong>{t('reminders.title')}</Typography.Text>}
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="reminders-read-all"
        >
          {t('reminders.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={reminders.isError ? reminders.error.message : t('reminders.empty')}
        />
      ) : (
        <List
          size="small"
          style={mobile ? undefined : { maxHeight: 420, overflowY: 'auto' }}
          dataSource={items}
          renderItem={(r) => (
            <List.Item
              key={r.key}
              onClick={() => go(r)}
              style={{ cursor: 'pointer', paddingInline: 4, background: r.read ? undefined : '#f0f5ff' }}
              data-testid="reminder"
              data-kind={r.kind}
              data-read={r.read ? 'true' : 'false'}
              actions={
                r.read
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="text"
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate({ keys: [r.key] });
                        }}
                        data-testid="reminder-read"
                      >
                        {t('reminders.markRead')}
                      </Button>,
                    ]
              }
            >
              <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
                <span
                  style={{
                    width: 8,
                    height: 8,
                    borderRadius: 4,
                    marginTop: 7,
                    flex: 'none',
                    background: SEVERITY_COLORS[r.severity],
                  }}
                />
                <div style={{ minWidth: 0 }}>
                  <div
                    style={{ fontWeight: r.read ? 400 : 600, overflowWrap: 'anywhere' }}
                    data-testid="reminder-message"
                  >
                    {r.message}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`enum.reminderKind.${r.kind}`)} · <DateText value={r.at} withTime={r.at.length > 10} />
                  </Typography.Text>
                </div>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('reminders.title')}
      onClick={mobile ? () => setOpen(true) : undefined}
      data-testid="notification-bell"
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  // A popover hangs off the bell on a wide screen; a phone has no room beside it, so the list takes the screen.
  if (mobile) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          title={t('reminders.title')}
          placement="right"
          size="100%"
          styles={{ body: { padding: 12 } }}
        >
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      {bell}
    </Popover>
  );
}
