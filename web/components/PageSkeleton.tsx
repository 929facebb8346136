import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** A detail page's shape while its record loads: a title line, then cards, so the page does not jump when it arrives. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-busy="true" aria-label={t('feedback.loading')} data-testid="page-skeleton">
      <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 1, width: '60%' }} />
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 3 }} />
        </Card>
      </Flex>
    </div>
  );
}
