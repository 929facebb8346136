import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useActivityList } from './api.ts';
import { useActivityFilters } from './useActivityFilters.ts';
import { ActivityFilters } from './ActivityFilters.tsx';
import { ActivityTable } from './ActivityTable.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';

export function ActivitiesListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { filters } = useActivityFilters();
  const list = useActivityList(filters);
  const [creating, setCreating] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="activities-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.activities')}
        </Typography.Title>
        {canWrite(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-activity">
            {t('activities.new')}
          </Button>
        )}
      </Flex>
      <ActivityFilters mobile={mobile} />
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
      />
      <ActivityFormDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
