import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, InboxOutlined, MergeCellsOutlined, RollbackOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { canWrite, useMe } from '../../lib/session.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { PageCrumbs } from '../../components/PageCrumbs.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { HistoryTimeline } from '../../components/HistoryTimeline.tsx';
import { useAccount, useAccountHistory, useArchiveAccount, useDeleteAccount } from './api.ts';
import { AccountProfile } from './AccountProfile.tsx';
import { AccountFormDrawer } from './AccountFormDrawer.tsx';
import { AccountContactsTab } from '../contacts/AccountContactsTab.tsx';
import { AccountOpportunitiesTab } from '../opportunities/AccountOpportunitiesTab.tsx';
import { SwotBoard } from '../swot/SwotBoard.tsx';
import { TimelineFeed } from '../timeline/TimelineFeed.tsx';
import { QuickAddButtons } from '../activities/QuickAddButtons.tsx';
import { AccountHealthBadge } from '../account-health/HealthBadge.tsx';
import { AccountHealthCard } from '../account-health/AccountHealthCard.tsx';
import { AccountScoreCard } from '../scoring/AccountScoreCard.tsx';
import { AccountGroupTab } from '../account-health/AccountGroupTab.tsx';
import { useMovedToBin } from '../recycle-bin/useMovedToBin.tsx';
import { MergeAccountDialog } from '../merges/MergeAccountDialog.tsx';
import { MergedNotice } from '../merges/MergedNotice.tsx';

// xyflow is the heaviest dependency; only people who open the org chart pay for it.
const OrgChartView = lazy(() => import('../contacts/OrgChartView.tsx').then((m) => ({ default: m.OrgChartView })));
const RelationshipMapView = lazy(() =>
  import('../relationship-map/RelationshipMapView.tsx').then((m) => ({ default: m.RelationshipMapView })),
);
const StakeholderGrid = lazy(() =>
  import('../relationship-map/StakeholderGrid.tsx').then((m) => ({ default: m.StakeholderGrid })),
);

const TABS = [
  'profile',
  'contacts',
  'org',
  'relmap',
  'stakeholders',
  'opportunities',
  'timeline',
  'swot',
  'health',
  'group',
  'history',
] as const;
type TabKey = (typeof TABS)[number];

export function AccountPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'profile';
  const account = useAccount(id);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const archive = useArchiveAccount(id);
  const del = useDeleteAccount(id);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const movedToBin = useMovedToBin();

  if (account.isPending) return <PageSkeleton />;
  if (account.isError) return <FullPageError error={account.error} onRetry={() => void account.refetch()} />;
  const a = account.data;
  const writable = canWrite(me);
  // Merging is an admin's or a manager's (the server checks both records are in their scope).
  const mayMerge = me.role === 'admin' || me.role === 'manager';
  const reload = () => void account.refetch();

  const toggleArchive = async () => {
    try {
      await archive.mutateAsync({ version: a.version, restore: a.archived });
      message.success(a.archived ? t('common.restored') : t('common.archivedDone'));
    } catch (e) {
      fail(e, { onReload: reload });
    }
  };
  const remove = async () => {
    try {
      await del.mutateAsync(undefined);
      movedToBin('account', a.id);
      navigate('/accounts', { replace: true });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid="account-page">
      <PageCrumbs items={[{ label: t('navigation.crumbs.accounts'), to: '/accounts' }, { label: a.name }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="account-title">
            {a.name}
          </Typography.Title>
          <Space size={4} wrap style={{ marginTop: 4 }}>
            {a.shortName && <Typography.Text type="secondary">{a.shortName}</Typography.Text>}
            <Tag>{t(`enum.ownershipType.${a.ownershipType}`)}</Tag>
            {a.tier && <EnumTag group="tier" value={a.tier} />}
            <EnumTag group="relationshipStage" value={a.relationshipStage} />
            {/* biome-ignore lint/a11y/useValidAnchor lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a shortcut to the health tab, which the tab bar reaches by keyboard */}
            <a onClick={() => setParams({ tab: 'health' }, { replace: true })} data-testid="account-health-link">
              <AccountHealthBadge score={a.health} />
            </a>
            {a.archived && <Tag color="default">{t('common.archived')}</Tag>}
          </Space>
        </div>
        {writable && (
          <Space wrap>
            {!a.archived && <QuickAddButtons accountId={a.id} accountName={a.name} />}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-account">
              {t('common.edit')}
            </Button>
            {/* A merged account comes back only by undoing its merge. */}
            {!a.mergedIntoId && (
              <Popconfirm
                title={a.archived ? t('accounts.restoreConfirm') : t('accounts.archiveConfirm')}
                onConfirm={() => void toggleArchive()}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
              >
                <Button
                  icon={a.archived ? <RollbackOutlined /> : <InboxOutlined />}
                  loading={archive.isPending}
                  data-testid="archive-account"
                >
                  {a.archived ? t('common.restore') : t('common.archive')}
                </Button>
              </Popconfirm>
            )}
            {mayMerge && !a.archived && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="merge-account">
                {t('merges.action')}
              </Button>
            )}
            <Popconfirm
              title={t('accounts.deleteConfirm')}
              onConfirm={() => void remove()}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="delete-account">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      {a.mergedIntoId && <MergedNotice kind="account" survivorId={a.mergedIntoId} useSurvivor={useAccount} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'profile',
            label: <span data-testid="tab-profile">{t('accounts.tab.profile')}</span>,
            children: (
              <>
                <AccountScoreCard accountId={a.id} />
                <AccountProfile account={a} />
              </>
            ),
          },
          {
            key: 'contacts',
            label: (
              <span data-testid="tab-contacts">
                {t('accounts.tab.contacts')} ({a.contactCount})
              </span>
            ),
            children: <AccountContactsTab accountId={a.id} accountName={a.name} />,
          },
          {
            key: 'org',
            label: <span data-testid="tab-org">{t('accounts.tab.org')}</span>,
            children: (
              <Suspense fallback={<FullPageSpin />}>
                <OrgChartView accountId={a.id} />
              </Suspense>
            ),
          },
          {
            key: 'relmap',
            label: <span data-testid="tab-relmap">{t('relmap.tab')}</span>,
            children: (
              <Suspense fallback={<FullPageSpin />}>
                <RelationshipMapView source={{ kind: 'account', id: a.id }} writable={writable && !a.archived} />
              </Suspense>
            ),
          },
          {
            key: 'stakeholders',
            label: <span data-testid="tab-stakeholders">{t('relmap.stakeholdersTab')}</span>,
            children: (
              <Suspense fallback={<FullPageSpin />}>
                <StakeholderGrid accountId={a.id} writable={writable && !a.archived} />
              </Suspense>
            ),
          },
          {
            key: 'opportunities',
            label: <span data-testid="tab-opportunities">{t('deals.accountTab')}</span>,
            children: <AccountOpportunitiesTab accountId={a.id} accountName={a.name} />,
          },
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('timeline.tab')}</span>,
            children: <TimelineFeed accountId={a.id} />,
          },
          {
            key: 'swot',
            label: <span data-testid="tab-swot">{t('deals.swotTab')}</span>,
            children: <SwotBoard base={`/api/accounts/${a.id}`} writable={writable} />,
          },
          {
            key: 'health',
            label: <span data-testid="tab-health">{t('health.tab')}</span>,
            children: <AccountHealthCard accountId={a.id} />,
          },
          // Only members of a group (a parent or branches) have a group to show.
          ...(a.parentId || a.subsidiaries.length
            ? [
                {
                  key: 'group',
                  label: <span data-testid="tab-group">{t('health.group.tab')}</span>,
                  children: <AccountGroupTab accountId={a.id} />,
                },
              ]
            : []),
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('accounts.tab.history')}</span>,
            children: <AccountHistory id={a.id} />,
          },
        ]}
      />
      <AccountFormDrawer open={editing} onClose={() => setEditing(false)} account={a} onReload={reload} />
      {merging && <MergeAccountDialog target={a} onClose={() => setMerging(false)} />}
    </div>
  );
}

function AccountHistory({ id }: { id: string }) {
  const h = useAccountHistory(id);
  return <HistoryTimeline entity="account" query={h} />;
}
