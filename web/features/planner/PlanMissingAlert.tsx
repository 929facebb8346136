import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanMissing } from '../../../core/schemas/forecast.ts';

interface Props {
  missing: PlanMissing[];
  year: number;
  /** Managers and admins keep quotas; a rep is told to ask for one. */
  canSetQuota: boolean;
  /** Puts the cursor in the plan's target field, to plan from a typed amount instead. */
  onTypeTarget: () => void;
}

/**
 * Why there is no plan yet, and the ways on: no quota for the year (what a quota is; enter one, or
 * plan from a typed target), no won deal to average (type an average), a funnel that is not the
 * course's six stages (type the ratios).
 */
export function PlanMissingAlert({ missing, year, canSetQuota, onTypeTarget }: Props) {
  const { t } = useTranslation();
  const noQuota = missing.includes('quota');
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="planner-missing"
      title={noQuota ? t('planner.missing.quotaTitle', { year }) : t('planner.missing.title')}
      description={
        <>
          {missing.map((m) => (
            <div key={m} data-testid={`planner-missing-${m}`}>
              {t(`planner.missing.${m}`, { year })}
            </div>
          ))}
          {noQuota && (
            <Flex wrap gap={8} style={{ marginTop: 8 }}>
              {canSetQuota ? (
                <Link to="/quotas" data-testid="planner-enter-quota">
                  <Button type="primary" size="small">
                    {t('planner.missing.enterQuota')}
                  </Button>
                </Link>
              ) : null}
              <Button size="small" onClick={onTypeTarget} data-testid="planner-type-target">
                {t('planner.missing.typeTarget')}
              </Button>
            </Flex>
          )}
        </>
      }
    />
  );
}
