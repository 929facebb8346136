import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { healthColor } from '../../../components/healthColor.ts';
import { TEXT_SECONDARY } from '../../../components/a11y.ts';

/** The score and every part of it: points per covered role, the penalty per risk, the remaining risk points; a closed deal's as of closing. */
export function HealthCard({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation();
  const label = ({ key, label: message }: OpportunityDetail['healthParts'][number]): string => {
    const [kind, code] = key.split('.');
    if (kind === 'coverage')
      return t('deals.healthPart.coverage', { role: t(`enum.buyingRole.${code}`, { defaultValue: code }) });
    // The server labels each flag's part with its own flag's message (a code can repeat for two roles).
    if (kind === 'flag')
      return t('deals.healthPart.flag', { flag: message ?? t(`redFlagCode.${code}`, { defaultValue: code }) });
    if (kind === 'risk') return t('deals.healthPart.risk');
    return key;
  };
  return (
    <Card
      size="small"
      title={
        <span>
          {t('deals.healthTitle')}{' '}
          <Tooltip title={t('deals.healthExplain')}>
            <InfoCircleOutlined style={{ color: TEXT_SECONDARY }} />
          </Tooltip>
        </span>
      }
    >
      <Flex align="center" gap={16} wrap>
        <Progress
          type="circle"
          percent={deal.health}
          size={88}
          strokeColor={healthColor(deal.health)}
          aria-label={t('deals.healthTitle')}
          format={() => (
            <span data-testid="health-score" style={{ color: healthColor(deal.health) }}>
              {deal.health}
            </span>
          )}
        />
        <Typography.Text type="secondary" style={{ flex: 1, minWidth: 160, fontSize: 12 }}>
          {t('deals.healthExplain')}
        </Typography.Text>
      </Flex>
      {deal.status !== 'open' && (
        <Typography.Paragraph
          type="secondary"
          data-testid="judgement-frozen"
          style={{ margin: '8px 0 0', fontSize: 12 }}
        >
          {t('deals.judgementFrozen')}
        </Typography.Paragraph>
      )}
      <div data-testid="health-breakdown" style={{ marginTop: 12 }}>
        {deal.healthParts.map((p, k) => (
          <div key={`${p.key}-${k}`} data-testid="health-part" data-key={p.key} style={{ marginBottom: 6 }}>
            <Flex justify="space-between" style={{ fontSize: 12 }} gap={8}>
              <span>{label(p)}</span>
              <strong style={{ color: p.points < 0 ? '#cf1322' : undefined, whiteSpace: 'nowrap' }}>
                {p.points > 0 ? `+${p.points}` : p.points}
                {p.max > 0 ? ` / ${p.max}` : ''}
              </strong>
            </Flex>
            {p.max > 0 ? (
              <Progress
                percent={Math.round((p.points / p.max) * 100)}
                showInfo={false}
                size="small"
                strokeColor={p.key === 'risk' ? '#1d4ed8' : '#389e0d'}
                aria-label={label(p)}
              />
            ) : (
              <Progress
                percent={Math.min(100, Math.round((-p.points / 15) * 100))}
                showInfo={false}
                size="small"
                strokeColor="#cf1322"
                aria-label={label(p)}
              />
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}
