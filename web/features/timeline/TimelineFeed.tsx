import type { ReactNode } from 'react';
import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { CalendarOutlined, CheckSquareOutlined, EditOutlined, RiseOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem, TimelineQuery } from '../../../core/schemas/activities.ts';
import type { PageOf } from '../../../core/schemas/common.ts';
import { api } from '../../lib/api.ts';
import { DateText } from '../../components/DateText.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { useTypeLabel } from '../activity-types/typeLabel.ts';
import { NextMeetingTag } from '../activities/ActivityTable.tsx';

type Subject = Pick<TimelineQuery, 'accountId' | 'opportunityId' | 'contactId'>;

const ICONS: Record<TimelineItem['kind'], ReactNode> = {
  activity: <CalendarOutlined style={{ color: '#1d4ed8' }} />,
  task: <CheckSquareOutlined style={{ color: '#d46b08' }} />,
  stage_change: <RiseOutlined style={{ color: '#389e0d' }} />,
  edit: <EditOutlined style={{ color: '#8c8c8c' }} />,
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function useTimeline(subject: Subject) {
  return useInfiniteQuery({
    queryKey: ['timeline', subject],
    queryFn: ({ pageParam }) =>
      api.get<PageOf<TimelineItem>>('/api/timeline', { ...subject, cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** What one entry says besides its title: kind-specific facts from `data`. */
function Facts({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const d = item.data;
  if (item.kind === 'activity') {
    const status = str(d.status);
    return (
      <>
        {str(d.type) && <Tag>{typeLabel(String(d.type))}</Tag>}
        {status && <Tag>{t(`enum.activityStatus.${status}`, { defaultValue: status })}</Tag>}
        {typeof d.nextMeetingProposed === 'boolean' && <NextMeetingTag value={d.nextMeetingProposed} />}
      </>
    );
  }
  if (item.kind === 'task') {
    return (
      <>
        {str(d.dueDate) && <Tag>{t('timeline.due', { date: d.dueDate })}</Tag>}
        {d.done === true && <Tag color="green">{t('tasks.completed')}</Tag>}
      </>
    );
  }
  if (item.kind === 'stage_change') {
    const from = str(d.fromStageName);
    const to = str(d.toStageName) ?? '—';
    return <span>{from ? t('timeline.stageChange', { from, to }) : t('deals.created', { stage: to })}</span>;
  }
  const entity = str(d.entityType) ?? 'common';
  const action = str(d.action);
  const fields = Array.isArray(d.fields) ? d.fields.map(String) : [];
  const actionText = action ? t(`history.action.${action}`, { defaultValue: action }) : '';
  // A new record's every field is "changed"; the list says nothing.
  if (!fields.length || action === 'create') return <span>{actionText}</span>;
  const names = fields.map((f) =>
    t(`field.${entity}.${f}`, { defaultValue: t(`field.common.${f}`, { defaultValue: f }) }),
  );
  return <span>{t('timeline.edited', { action: actionText, fields: names.join(t('timeline.listSep')) })}</span>;
}

function Title({ item }: { item: TimelineItem }) {
  if (item.kind === 'activity') return <Link to={`/activities/${item.id}`}>{item.title}</Link>;
  if (item.kind === 'task') return <Link to={`/tasks?open=${item.id}`}>{item.title}</Link>;
  return <strong>{item.title}</strong>;
}

/** Activities, tasks, stage changes and edits of one account, deal or contact, newest first. */
export function TimelineFeed(subject: Subject) {
  const { t } = useTranslation();
  const feed = useTimeline(subject);
  if (feed.isPending) return <Spin />;
  if (feed.isError) return <Typography.Text type="danger">{feed.error.message}</Typography.Text>;
  const items = feed.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty description={t('timeline.empty')} />;
  return (
    <div data-testid="timeline">
      <Timeline
        items={items.map((item) => ({
          key: `${item.kind}:${item.id}`,
          icon: ICONS[item.kind],
          content: (
            <div data-testid="timeline-item" data-kind={item.kind}>
              <div style={{ overflowWrap: 'anywhere' }}>
                <Tag bordered={false}>{t(`timeline.kind.${item.kind}`)}</Tag>
                <Title item={item} />
              </div>
              <div style={{ fontSize: 13, color: '#555', marginTop: 2 }}>
                <Facts item={item} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <DateText value={item.at} withTime /> · {item.actorName ?? t('history.system')}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <LoadMore
        hasMore={!!feed.hasNextPage}
        loading={feed.isFetchingNextPage}
        onLoad={() => void feed.fetchNextPage()}
        count={items.length}
      />
    </div>
  );
}
