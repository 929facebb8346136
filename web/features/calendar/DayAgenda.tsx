import { Button, Card, Flex, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../core/schemas/activities.ts';
import { tooEarlyToLog } from '../../../core/call-log.ts';
import { useTypeLabel } from '../activity-types/typeLabel.ts';

type CalendarActivity = Calendar['activities'][number];

interface Props {
  activities: CalendarActivity[];
  writable: boolean;
  /** The call whose log form is loading. */
  opening?: string;
  onLog: (id: string) => void;
}

/**
 * The day's calls as a list above the time grid, each planned one a single tap from its log form:
 * in the field a rep logs a visit as they leave it, and a grid cell is too small a target for a thumb.
 */
export function DayAgenda({ activities, writable, opening, onLog }: Props) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const now = new Date();
  const rows = activities.filter((a) => a.status !== 'cancelled');
  if (!rows.length) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="day-agenda">
      {rows.map((a) => (
        <Card key={a.id} size="small" data-testid="day-agenda-item" data-id={a.id}>
          <Flex align="center" gap={12} wrap>
            <div style={{ flex: 1, minWidth: 180 }}>
              <Typography.Text strong>
                {dayjs(a.plannedStart).format('HH:mm')}–{dayjs(a.plannedEnd).format('HH:mm')}
              </Typography.Text>{' '}
              <Tag color="purple">{typeLabel(a.type)}</Tag>
              <div style={{ overflowWrap: 'anywhere' }}>{a.subject}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {[a.accountName, a.place].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            {a.status === 'done' ? (
              <Tag color="green" icon={<CheckCircleOutlined />} data-testid="day-agenda-logged">
                {t('calendar.logged')}
              </Tag>
            ) : (
              writable &&
              !tooEarlyToLog(a.plannedStart, now) && (
                <Button
                  type="primary"
                  size="large"
                  icon={<CheckCircleOutlined />}
                  loading={opening === a.id}
                  onClick={() => onLog(a.id)}
                  style={{ minHeight: 44 }}
                  data-testid="calendar-log-visit"
                >
                  {t('calendar.logVisit')}
                </Button>
              )
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
