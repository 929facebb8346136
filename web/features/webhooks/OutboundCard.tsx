import { App, Card, Flex, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useOutbound, usePutOutbound } from './api.ts';

/** 出站地址限制: whether webhooks and robots may send to private networks (SSRF guard, off by default). */
export function OutboundCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const outbound = useOutbound();
  const put = usePutOutbound();
  return (
    <Card size="small" title={t('webhooks.outbound.title')}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center">
          <Switch
            checked={outbound.data?.allowPrivateNetworks ?? false}
            loading={outbound.isLoading || put.isPending}
            onChange={(allowPrivateNetworks) =>
              put
                .mutateAsync({ allowPrivateNetworks })
                .then(() => message.success(t('common.saved')))
                .catch((e: unknown) => fail(e))
            }
            aria-label={t('webhooks.outbound.allowPrivate')}
            data-testid="outbound-private"
          />
          <Typography.Text>{t('webhooks.outbound.allowPrivate')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">{t('webhooks.outbound.hint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
