import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useActivityList } from './api.ts';
import { defaultActivityView, useActivityFilters } from './useActivityFilters.ts';
import { AutoLaterCard } from './AutoLaterCard.tsx';
import { ActivityFilters } from './ActivityFilters.tsx';
import { ActivityTable } from './ActivityTable.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { ImportButton } from '../imports/ImportButton.tsx';

export function ActivitiesListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const f = useActivityFilters();
  const { filters } = f;
  // Opened with nothing chosen: the default view, written into the URL so the filters show it.
  useEffect(() => {
    if (f.empty) f.setMany(defaultActivityView(me));
  }, [f.empty, me]);
  const list = useActivityList(filters, 30, !f.empty);
  const { sort, ...matching } = filters;
  const summary = useListSummary('activities', matching, !f.empty);
  const defaultView = !f.values.view && f.values.sort === 'soonest' && f.values.status === 'planned';
  const [creating, setCreating] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="activities-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.activities')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && !f.empty && <ExportButton path="/api/activities" query={filters} />}
          <ImportButton entity="activities" />
          {canWrite(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-activity">
              {t('activities.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <ActivityFilters mobile={mobile} />
      {defaultView && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="activities-default-view"
          title={t(me.role === 'manager' ? 'activities.defaultView.team' : 'activities.defaultView.mine')}
          action={
            <Button size="small" onClick={() => f.replaceAll({ view: 'all' })} data-testid="activities-show-all">
              {t('activities.defaultView.showAll')}
            </Button>
          }
        />
      )}
      <ListSummaryBar
        summary={summary}
        sort={t(sort === 'soonest' ? 'lists.sort.callsSoonest' : 'lists.sort.callsNewest')}
      />
      <AutoLaterCard filters={filters} onShowDeal={(id) => f.replaceAll({ view: 'all', opportunityId: id })} />
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ActivityTable rows={rows} loading={list.isPending} tableKey="activities" />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
        totalCapped={summary.data?.capped}
      />
      <ActivityFormDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
