import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Keyset paging: the server hands out a cursor, so there are no page numbers to show. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  count,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  count: number;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={12} style={{ margin: '12px 0' }}>
      {count > 0 && <Typography.Text type="secondary">{t('common.shown', { count })}</Typography.Text>}
      {hasMore && (
        <Button onClick={onLoad} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
