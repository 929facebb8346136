import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupNode } from '../../../core/schemas/health.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useAccountGroup, useWhitespace } from './api.ts';
import { AccountHealthBadge } from './HealthBadge.tsx';
import { WhitespaceGrid } from './WhitespaceGrid.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';

/** antd draws an expander for any `children` array, so leaves carry none. */
type TreeRow = Omit<GroupNode, 'children'> & { children?: TreeRow[] };
const toRows = (n: GroupNode): TreeRow => ({ ...n, children: n.children.length ? n.children.map(toRows) : undefined });

/** The group from its top: each member with its own revenue and health, and the roll-ups of its branch; then the group's whitespace. */
export function AccountGroupTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const group = useAccountGroup(accountId);
  const rootId = group.data?.root.accountId;
  const whitespace = useWhitespace({ accountId: rootId ?? accountId }, !!rootId);
  if (group.isPending) return <FullPageSpin />;
  if (group.isError) return <FullPageError error={group.error} onRetry={() => void group.refetch()} />;

  // On a desktop the tree fits the tab at 1440 px (narrower figures, a long name cut with the whole on
  // hover); a phone scrolls sideways with the name held.
  const w = (phone: number, desktop: number) => (mobile ? phone : desktop);
  // Health and the roll-ups first: what a phone shows without scrolling sideways.
  const columns: ColumnsType<TreeRow> = [
    {
      key: 'name',
      title: t('whitespace.account'),
      fixed: mobile ? 'left' : undefined,
      width: mobile ? 200 : undefined,
      ellipsis: { showTitle: true },
      render: (_, n) =>
        n.accountId === accountId ? (
          <strong data-testid="group-node" data-current="true">
            {n.name}
          </strong>
        ) : (
          <Link to={`/accounts/${n.accountId}`} data-testid="group-node">
            {n.name}
          </Link>
        ),
    },
    {
      key: 'health',
      title: t('health.title'),
      width: w(120, 96),
      render: (_, n) => <AccountHealthBadge score={n.health} width={48} />,
    },
    {
      key: 'rolledUpRevenue',
      title: t('health.group.rolledUpRevenue'),
      width: w(150, 110),
      align: 'right',
      render: (_, n) => (
        <span data-testid="group-rolled-up">
          <MoneyText value={n.rolledUpRevenue} />
        </span>
      ),
    },
    {
      key: 'pipeline',
      title: t('health.group.openPipeline'),
      width: w(170, 130),
      align: 'right',
      render: (_, n) => (
        <Typography.Text>
          <MoneyText value={n.openPipeline.amount} />
          <div style={{ fontSize: 12, color: TEXT_SECONDARY }}>
            {t('health.group.pipelineDetail', { count: n.openPipeline.count })} ·{' '}
            <MoneyText value={n.openPipeline.weightedAmount} />
          </div>
        </Typography.Text>
      ),
    },
    {
      key: 'won',
      title: t('health.group.won'),
      width: w(140, 100),
      align: 'right',
      render: (_, n) => <MoneyText value={n.wonLast12Months} />,
    },
    {
      key: 'coverage',
      title: t('health.group.coverage'),
      width: w(120, 110),
      align: 'right',
      render: (_, n) =>
        n.coverage === null ? '—' : `${Math.round(n.coverage * 1000) / 10}% (${n.coveredContacts}/${n.contacts})`,
    },
    {
      key: 'ourRevenue',
      title: t('field.account.ourRevenue'),
      width: w(140, 100),
      align: 'right',
      render: (_, n) => <MoneyText value={n.ourRevenue} />,
    },
    {
      key: 'scope',
      title: t('field.account.scope'),
      width: w(110, 90),
      render: (_, n) => <Tag>{t(`enum.scope.${n.scope}`)}</Tag>,
    },
    { key: 'owner', title: t('field.account.ownerId'), width: w(100, 80), render: (_, n) => n.ownerName ?? '—' },
  ];

  return (
    <div data-testid="group-tab">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('health.group.hint')}
      </Typography.Paragraph>
      <Table<TreeRow>
        data-testid="group-tree"
        rowKey="accountId"
        size="small"
        columns={columns}
        dataSource={[toRows(group.data.root)]}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={mobile ? { x: 1250 } : undefined}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('whitespace.title')}
      </Typography.Title>
      {whitespace.isError ? (
        <FullPageError error={whitespace.error} onRetry={() => void whitespace.refetch()} />
      ) : (
        <WhitespaceGrid data={whitespace.data} loading={whitespace.isFetching} indent />
      )}
    </div>
  );
}
