import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountHealth } from '../../../core/schemas/health.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { healthColor } from '../../components/healthColor.ts';
import { useAccountHealth } from './api.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

type Component = AccountHealth['components'][number];

/** One sentence per component from its numbers, so the score explains itself. */
function useExplain() {
  const { t } = useTranslation();
  return (c: Component): string => {
    const d = c.detail;
    switch (c.key) {
      case 'coverage':
        if (!d.contacts) return t('health.explain.noContacts');
        return t(d.keyContacts ? 'health.explain.coverageKey' : 'health.explain.coverageAll', {
          contacts: d.contacts,
          covered: d.covered,
          supportive: d.supportive,
        });
      case 'redFlags':
        if (c.score === null) return t('health.explain.noDeals');
        return t('health.explain.redFlags', {
          openDeals: d.openDeals,
          flaggedDeals: d.flaggedDeals,
          high: d.high,
          medium: d.medium,
          low: d.low,
        });
      case 'lastContact':
        return d.days === null ? t('health.explain.neverMet') : t('health.explain.lastContact', { days: d.days });
      case 'satisfaction':
        return c.score === null
          ? t('health.explain.noSatisfaction')
          : t('health.explain.satisfaction', { count: d.count, average: d.average });
    }
  };
}

/** The account's health and its four components: score, share of the total, and the numbers behind it. */
export function AccountHealthCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const q = useAccountHealth(accountId);
  if (q.isPending) return <FullPageSpin />;
  if (q.isError) return <FullPageError error={q.error} onRetry={() => void q.refetch()} />;
  const h = q.data;
  return (
    <Card
      size="small"
      data-testid="account-health-card"
      title={
        <span>
          {t('health.title')}{' '}
          <Tooltip title={t('health.hint')}>
            <InfoCircleOutlined style={{ color: TEXT_SECONDARY }} />
          </Tooltip>
        </span>
      }
    >
      <Flex align="center" gap={16} wrap>
        {h.score === null ? (
          <Typography.Text type="secondary" data-testid="account-health-score">
            {t('health.unknown')}
          </Typography.Text>
        ) : (
          <Progress
            type="circle"
            percent={h.score}
            size={88}
            strokeColor={healthColor(h.score)}
            aria-label={t('health.title')}
            format={() => (
              <span data-testid="account-health-score" style={{ color: healthColor(h.score ?? 0) }}>
                {h.score}
              </span>
            )}
          />
        )}
        <Typography.Text type="secondary" style={{ flex: 1, minWidth: 160, fontSize: 12 }}>
          {t('health.hint')}
        </Typography.Text>
      </Flex>
      <div style={{ marginTop: 12 }}>
        {h.components.map((c) => (
          <div key={c.key} data-testid="account-health-part" data-key={c.key} style={{ marginBottom: 10 }}>
            <Flex justify="space-between" gap={8} style={{ fontSize: 13 }}>
              <strong>{t(`health.component.${c.key}`)}</strong>
              <span style={{ whiteSpace: 'nowrap' }}>
                {c.score === null ? (
                  <Typography.Text type="secondary">{t('health.notCounted')}</Typography.Text>
                ) : (
                  <>
                    <strong style={{ color: healthColor(c.score) }}>{c.score}</strong>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t('health.share', { share: c.share })}
                    </Typography.Text>
                  </>
                )}
              </span>
            </Flex>
            {c.score !== null && (
              <Progress
                percent={c.score}
                showInfo={false}
                size="small"
                strokeColor={healthColor(c.score)}
                aria-label={t(`health.component.${c.key}`)}
              />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {explain(c)}
            </Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}
