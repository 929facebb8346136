import { useState } from 'react';
import { Button, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { useOpportunityList } from './api.ts';
import { OpportunityTable } from './OpportunityTable.tsx';
import { OpportunityFormDrawer } from './OpportunityFormDrawer.tsx';

export function AccountOpportunitiesTab({ accountId, accountName }: { accountId: string; accountName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useOpportunityList({ accountId, sort: '-updatedAt' }, 50);
  const summary = useListSummary('opportunities', { accountId });
  const [adding, setAdding] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      {canWrite(me) && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-opportunity">
            {t('deals.new')}
          </Button>
        </Flex>
      )}
      <ListSummaryBar summary={summary} sort={t('dealSort.-updatedAt')} amountLabel={t('lists.amountSum')} />
      <OpportunityTable rows={rows} loading={list.isPending} showAccount={false} testId="account-opportunities-table" />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <OpportunityFormDrawer
        open={adding}
        onClose={() => setAdding(false)}
        accountId={accountId}
        accountName={accountName}
        stayAfterCreate
      />
    </div>
  );
}
