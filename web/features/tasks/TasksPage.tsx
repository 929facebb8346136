import { useState } from 'react';
import { Button, Flex, Segmented, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../core/schemas/tasks.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useTask, useTaskList, type TaskFilters } from './api.ts';
import { TaskList } from './TaskList.tsx';
import { TaskFormDrawer } from './TaskFormDrawer.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';

const VIEWS = ['open', 'overdue', 'done'] as const;
type View = (typeof VIEWS)[number];
const VIEW_QUERY: Record<View, TaskFilters> = {
  open: { done: false },
  overdue: { overdue: true },
  done: { done: true },
};
/** In the URL, `assignee=all` means everyone the caller can see; absent means the caller. */
const ALL = 'all';

export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const p = useUrlParams(['view', 'assignee', 'open'] as const);
  const view: View = VIEWS.includes(p.values.view as View) ? (p.values.view as View) : 'open';
  const manager = me.role === 'admin' || me.role === 'manager';
  const assignee = p.values.assignee === ALL && manager ? undefined : (manager && p.values.assignee) || me.id;
  const query = { ...VIEW_QUERY[view], ...(assignee ? { assigneeId: assignee } : {}) };
  const list = useTaskList(query);
  const summary = useListSummary('tasks', query);
  const rows = list.data?.pages.flatMap((x) => x.items) ?? [];
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  // A reminder or timeline entry links here with ?open=<task id>.
  const linked = useTask(p.values.open);
  const open = editing ?? (p.values.open ? linked.data : undefined);

  return (
    <div data-testid="tasks-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.tasks')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && <ExportButton path="/api/tasks" query={query} />}
          {canWrite(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-task">
              {t('tasks.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={(v) => p.set('view', v === 'open' ? null : v)}
          options={VIEWS.map((v) => ({
            value: v,
            label: <span data-testid={`tasks-view-${v}`}>{t(`tasks.view.${v}`)}</span>,
          }))}
          block={mobile}
          style={mobile ? { width: '100%' } : undefined}
        />
        {manager && (
          <UserSelect
            value={p.values.assignee === ALL ? undefined : assignee}
            onChange={(v) => p.set('assignee', v ?? ALL)}
            placeholder={t('tasks.everyone')}
            activeOnly={false}
            style={{ width: mobile ? '100%' : 200 }}
            data-testid="tasks-assignee"
          />
        )}
      </Flex>
      <ListSummaryBar summary={summary} sort={t('lists.sort.tasks')} />
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TaskList rows={rows} loading={list.isPending} onOpen={setEditing} writable={canWrite(me)} />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <TaskFormDrawer open={creating} onClose={() => setCreating(false)} />
      <TaskFormDrawer
        open={!!open}
        task={open}
        onClose={() => {
          setEditing(null);
          if (p.values.open) p.set('open', null);
        }}
        onReload={() => void list.refetch()}
      />
    </div>
  );
}
