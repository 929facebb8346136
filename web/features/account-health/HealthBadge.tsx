import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { healthColor } from '../../components/healthColor.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

/** Account health as a small coloured bar with its number; a dash while there is nothing to judge. */
export function AccountHealthBadge({ score, width = 64 }: { score: number | null | undefined; width?: number }) {
  const { t } = useTranslation();
  if (score === null || score === undefined) {
    return (
      <Tooltip title={t('health.unknown')}>
        <span style={{ color: TEXT_SECONDARY }} data-testid="account-health">
          —
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('health.title')}>
      <span
        style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
        data-testid="account-health"
        data-score={score}
      >
        <Progress
          percent={score}
          size={[width, 6]}
          showInfo={false}
          strokeColor={healthColor(score)}
          aria-label={t('health.title')}
          style={{ margin: 0 }}
        />
        <span style={{ fontVariantNumeric: 'tabular-nums', color: healthColor(score), fontWeight: 600 }}>{score}</span>
      </span>
    </Tooltip>
  );
}
