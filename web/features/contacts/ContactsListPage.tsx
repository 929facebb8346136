import { useState } from 'react';
import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { COVERAGE_LEVELS, INFLUENCE_LEVELS } from '../../../core/enums.ts';
import { CONTACT_SORTS, type ContactSort } from '../../../core/schemas/contacts.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useContactList, type ContactFilters } from './api.ts';
import { ContactTable } from './ContactTable.tsx';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';
import { ListSummaryBar } from '../../components/ListSummaryBar.tsx';
import { useListSummary } from '../../lib/list-summary.ts';
import { ImportButton } from '../imports/ImportButton.tsx';

const KEYS = ['q', 'accountId', 'influence', 'coverage', 'counterpartId', 'ownerId', 'teamId'] as const;

export function ContactsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [adding, setAdding] = useState(false);
  const [expanded, setExpanded] = useState(!mobile);

  const raw: Record<string, string | boolean> = {};
  for (const k of KEYS) if (params.get(k)) raw[k] = params.get(k) as string;
  const sortParam = params.get('sort') as ContactSort | null;
  raw.sort = sortParam && CONTACT_SORTS.includes(sortParam) ? sortParam : '-updatedAt';
  if (params.get('archived') === 'true') raw.archived = true;
  const filters = raw as ContactFilters;
  const set = (k: string, v: string | boolean | null | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === null || v === undefined || v === '' || v === false) next.delete(k);
        else next.set(k, String(v));
        return next;
      },
      { replace: true },
    );

  const list = useContactList(filters);
  // The order changes no total: left out of the summary's key, a new sort asks for nothing more.
  const { sort, ...matching } = filters;
  const summary = useListSummary('contacts', matching);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const width = mobile ? '100%' : 160;

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.contacts')}
        </Typography.Title>
        <Flex gap={8}>
          {!mobile && <ExportButton path="/api/contacts" query={filters} />}
          <ImportButton entity="contacts" />
          {canWrite(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-contact">
              {t('contacts.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="contact-filters">
        <Input.Search
          placeholder={t('contacts.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set('q', v.trim())}
          allowClear
          style={{ width: mobile ? '100%' : 260 }}
          data-testid="contact-search"
        />
        <Select
          value={filters.sort}
          onChange={(v) => set('sort', v)}
          style={{ width: mobile ? '100%' : 160 }}
          options={CONTACT_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          aria-label={t('a11y.sortBy')}
        />
        {mobile && (
          <Button block onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('common.hideFilters') : t('common.moreFilters')}
          </Button>
        )}
        {expanded && (
          <>
            <AccountSelect
              value={params.get('accountId') ?? undefined}
              onChange={(v) => set('accountId', v)}
              placeholder={t('field.contact.accountId')}
              style={{ width: mobile ? '100%' : 220 }}
            />
            <EnumSelect
              group="influence"
              values={INFLUENCE_LEVELS}
              value={params.get('influence') ?? undefined}
              onChange={(v) => set('influence', v)}
              allowClear
              placeholder={t('field.contact.influence')}
              style={{ width }}
            />
            <EnumSelect
              group="coverage"
              values={COVERAGE_LEVELS}
              value={params.get('coverage') ?? undefined}
              onChange={(v) => set('coverage', v)}
              allowClear
              placeholder={t('field.contact.coverage')}
              style={{ width }}
            />
            <UserSelect
              value={params.get('counterpartId') ?? undefined}
              onChange={(v) => set('counterpartId', v)}
              placeholder={t('field.contact.counterpartId')}
              style={{ width }}
              activeOnly={false}
            />
            <UserSelect
              value={params.get('ownerId') ?? undefined}
              onChange={(v) => set('ownerId', v)}
              placeholder={t('contacts.accountOwner')}
              style={{ width }}
              activeOnly={false}
            />
            <TeamSelect
              value={params.get('teamId') ?? undefined}
              onChange={(v) => set('teamId', v)}
              placeholder={t('accounts.team')}
              style={{ width }}
            />
            <Flex component="label" align="center" gap={6}>
              <Switch size="small" checked={params.get('archived') === 'true'} onChange={(v) => set('archived', v)} />
              {t('common.showArchived')}
            </Flex>
            <Button
              onClick={() => {
                setQ('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('common.reset')}
            </Button>
          </>
        )}
      </Flex>
      <ListSummaryBar summary={summary} sort={t(`sort.${sort ?? '-updatedAt'}`)} />
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ContactTable rows={rows} loading={list.isPending} testId="contacts-table" tableKey="contacts" />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        count={rows.length}
        total={summary.data?.count}
      />
      <ContactFormDrawer open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
