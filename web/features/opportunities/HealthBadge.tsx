import { Tag, Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Green from 70, orange from 40, red below: the same thresholds everywhere a score shows. */
export function healthColor(score: number): string {
  if (score >= 70) return '#389e0d';
  if (score >= 40) return '#d48806';
  return '#cf1322';
}

export function HealthBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('deals.healthTitle')}>
      <Tag color={healthColor(score)} style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }} data-testid="health-badge">
        {score}
      </Tag>
    </Tooltip>
  );
}

export function RedFlagCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Tooltip title={t('deals.flags', { count })}>
      <span style={{ color: '#cf1322', fontSize: 12, whiteSpace: 'nowrap' }} data-testid="red-flag-count">
        <WarningFilled /> {count}
      </span>
    </Tooltip>
  );
}
