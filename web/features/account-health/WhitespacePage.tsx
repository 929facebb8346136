import { Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useWhitespace } from './api.ts';
import { WhitespaceGrid } from './WhitespaceGrid.tsx';

/** Where to sell next: the caller's largest accounts, or one group's members, against the product categories. */
export function WhitespacePage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const p = useUrlParams(['accountId'] as const);
  const accountId = p.values.accountId;
  const q = useWhitespace(accountId ? { accountId } : {});
  const picked = accountId ? q.data?.rows.find((r) => r.accountId === accountId)?.name : null;

  return (
    <div data-testid="whitespace-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('whitespace.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('whitespace.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <AccountSelect
          value={accountId}
          currentLabel={picked}
          onChange={(v) => p.set('accountId', v ?? null)}
          placeholder={t('whitespace.pickAccount')}
          style={{ width: mobile ? '100%' : 280 }}
          data-testid="whitespace-account-select"
        />
        <Space size={4} wrap>
          <Tag color="success">{t('whitespace.state.won')}</Tag>
          <Tag color="warning">{t('whitespace.state.open')}</Tag>
          <Tag>{t('whitespace.state.none')}</Tag>
        </Space>
      </Flex>
      {!accountId && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('whitespace.topHint')}
        </Typography.Paragraph>
      )}
      {q.isError ? (
        <FullPageError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <WhitespaceGrid data={q.data} loading={q.isFetching} indent={!!accountId} />
      )}
    </div>
  );
}
