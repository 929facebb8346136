import { Flex, Skeleton, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListSummary } from '../../core/schemas/common.ts';
import { MoneyText } from './MoneyText.tsx';
import { ListCount } from './ListCount.tsx';

/**
 * Above a list: 共 N 条 for the current filter, the sum of its money where it has any, and the order
 * the rows come in (so the default sort says what it is).
 */
export function ListSummaryBar({
  summary,
  sort,
  amountLabel,
}: {
  summary: UseQueryResult<ListSummary>;
  /** The order's name as the sort picker shows it, e.g. 最近更新. */
  sort: string;
  /** Set on lists with money: what the sum is of (金额合计, 我方收入合计). */
  amountLabel?: string;
}) {
  const { t } = useTranslation();
  const data = summary.data;
  return (
    <Flex wrap gap={16} align="center" style={{ marginBottom: 8 }} data-testid="list-summary">
      {data ? (
        <ListCount count={data.count} capped={data.capped} />
      ) : (
        <Skeleton.Input active size="small" style={{ width: 80, minWidth: 80 }} />
      )}
      {amountLabel && data?.amount !== undefined && (
        <Typography.Text data-testid="list-amount">
          {amountLabel} <MoneyText value={data.amount} />
        </Typography.Text>
      )}
      <Typography.Text type="secondary" data-testid="list-sort">
        {t('lists.sortedBy', { sort })}
      </Typography.Text>
    </Flex>
  );
}
