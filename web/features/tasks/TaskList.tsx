import type { HTMLAttributes } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../../core/schemas/tasks.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useToggleTask } from './api.ts';
import { ChoosableTable } from '../../components/ColumnChooser.tsx';

/** The due date, red once it has passed and orange on the day itself (in the reader's calendar). */
function DueText({ task }: { task: Pick<Task, 'dueDate' | 'done'> }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const overdue = !task.done && task.dueDate < today;
  const dueToday = !task.done && task.dueDate === today;
  return (
    <span data-testid="task-due-text">
      <span style={{ color: overdue ? '#cf1322' : undefined }}>{task.dueDate}</span>
      {overdue && (
        <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="task-overdue">
          {t('tasks.overdue')}
        </Tag>
      )}
      {dueToday && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t('tasks.dueToday')}
        </Tag>
      )}
    </span>
  );
}

/** Account, deal and contact the task is about, each a link. */
function Related({ task: k }: { task: Task }) {
  const links = [
    k.accountId && (
      <Link key="a" to={`/accounts/${k.accountId}`}>
        {k.accountName}
      </Link>
    ),
    k.opportunityId && (
      <Link key="o" to={`/opportunities/${k.opportunityId}`}>
        {k.opportunityName}
      </Link>
    ),
    k.contactId && (
      <Link key="c" to={`/contacts/${k.contactId}`}>
        {k.contactName}
      </Link>
    ),
  ].filter(Boolean);
  if (!links.length) return <>—</>;
  return (
    <Flex wrap gap={8} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      {links}
    </Flex>
  );
}

interface Props {
  rows: Task[];
  loading: boolean;
  onOpen: (task: Task) => void;
  writable: boolean;
}

export function TaskList({ rows, loading, onOpen, writable }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const update = useToggleTask();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const empty = <Empty description={t('tasks.empty')} />;

  const toggle = async (k: Task) => {
    try {
      await update.mutateAsync(k);
      message.success(t('common.saved'));
    } catch (e) {
      fail(e);
    }
  };
  const check = (k: Task) => (
    <Checkbox
      checked={k.done}
      disabled={!writable || (update.isPending && update.variables?.id === k.id)}
      onChange={() => void toggle(k)}
      aria-label={k.done ? t('tasks.markUndone') : t('tasks.markDone')}
      data-testid="task-done"
    />
  );
  const title = (k: Task) => (
    <Button
      type="link"
      onClick={() => onOpen(k)}
      style={{
        padding: 0,
        height: 'auto',
        whiteSpace: 'normal',
        textAlign: 'start',
        textDecoration: k.done ? 'line-through' : undefined,
      }}
      data-testid="task-open"
    >
      {k.title}
    </Button>
  );

  if (mobile) {
    return (
      <List
        data-testid="tasks-list"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: empty }}
        renderItem={(k) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card" data-task-id={k.id}>
            <Flex gap={8} align="flex-start">
              {check(k)}
              <div style={{ minWidth: 0, flex: 1 }}>
                {title(k)}
                <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>
                  <DueText task={k} /> · {k.assigneeName}
                </div>
                <div style={{ fontSize: 12, marginTop: 4 }}>
                  <Related task={k} />
                </div>
              </div>
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<Task> = [
    { key: 'done', width: 48, render: (_, k) => check(k) },
    {
      key: 'title',
      title: t('field.task.title'),
      width: 280,
      render: (_, k) => (
        <div>
          {title(k)}
          {k.notes && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 260 }}>
              {k.notes}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'due', title: t('field.task.dueDate'), width: 170, render: (_, k) => <DueText task={k} /> },
    { key: 'assignee', title: t('field.task.assigneeId'), width: 110, render: (_, k) => k.assigneeName },
    { key: 'related', title: t('tasks.related'), width: 320, render: (_, k) => <Related task={k} /> },
    {
      key: 'source',
      title: t('field.task.activityId'),
      width: 90,
      render: (_, k) =>
        k.activityId ? <Link to={`/activities/${k.activityId}`}>{t('tasks.fromActivity')}</Link> : '—',
    },
  ];
  return (
    <ChoosableTable<Task>
      tableKey="tasks"
      data-testid="tasks-list"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      onRow={(k) => ({ 'data-testid': 'task-row', 'data-task-id': k.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}
