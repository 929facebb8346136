import { useState } from 'react';
import { Button, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { useContactList } from './api.ts';
import { ContactTable } from './ContactTable.tsx';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';

export function AccountContactsTab({ accountId, accountName }: { accountId: string; accountName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useContactList({ accountId, sort: 'name' }, 100);
  const summary = useListSummary('contacts', { accountId });
  const [adding, setAdding] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      {canWrite(me) && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-contact">
            {t('contacts.new')}
          </Button>
        </Flex>
      )}
      <ListSummaryBar summary={summary} sort={t('sort.name')} />
      <ContactTable rows={rows} loading={list.isPending} showAccount={false} testId="account-contacts-table" />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <ContactFormDrawer
        open={adding}
        onClose={() => setAdding(false)}
        accountId={accountId}
        accountName={accountName}
        stayAfterCreate
      />
    </div>
  );
}
