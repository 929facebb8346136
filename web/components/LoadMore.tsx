import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The one paging style of every list (docs/decisions/0016-load-more-with-totals.md): keyset paging, so
 * there are no page numbers; the footer says how many rows are shown of how many match (when the list
 * has a summary) and loads the next page.
 */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  count,
  total,
  totalCapped,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  count: number;
  /** Every match of the filter (the list's summary), when the list has one. */
  total?: number;
  /** The summary stopped counting at `total` (more match). */
  totalCapped?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={12} style={{ margin: '12px 0' }} data-testid="list-footer">
      {count > 0 && (
        <Typography.Text type="secondary" data-testid="list-shown">
          {total === undefined
            ? t('common.shown', { count })
            : t(totalCapped ? 'lists.shownOfCapped' : 'lists.shownOf', { shown: count, count: total })}
        </Typography.Text>
      )}
      {hasMore && (
        <Button onClick={onLoad} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
