import { Tag, Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { healthColor } from '../../components/healthColor.ts';

export function HealthBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('deals.healthTitle')}>
      <Tag
        color={healthColor(score)}
        style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
        data-testid="health-badge"
      >
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
