import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useOpportunityList } from './api.ts';
import { useOpportunityFilters } from './useOpportunityFilters.ts';
import { OpportunityFilters } from './OpportunityFilters.tsx';
import { OpportunityTable } from './OpportunityTable.tsx';
import { OpportunityFormDrawer } from './OpportunityFormDrawer.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { ImportButton } from '../imports/ImportButton.tsx';

export function OpportunitiesListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { filters, sort } = useOpportunityFilters();
  const list = useOpportunityList(filters);
  // The order changes no total: left out of the summary's key, a new sort asks for nothing more.
  const { sort: _sort, ...matching } = filters;
  const summary = useListSummary('opportunities', matching);
  const [creating, setCreating] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.opportunities')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && <ExportButton path="/api/opportunities" query={filters} />}
          <ImportButton entity="opportunities" />
          {canWrite(me) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-opportunity"
            >
              {t('deals.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <OpportunityFilters mobile={mobile} />
      <ListSummaryBar summary={summary} sort={t(`dealSort.${sort}`)} amountLabel={t('lists.amountSum')} />
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <OpportunityTable rows={rows} loading={list.isPending} tableKey="opportunities" />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <OpportunityFormDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
