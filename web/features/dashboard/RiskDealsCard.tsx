import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useOpportunityList } from '../opportunities/api.ts';
import { OpportunityTable } from '../opportunities/OpportunityTable.tsx';

/** Below 50 a deal has lost most of its coverage or carries severe red flags: the ones to talk about. */
const SERIOUS = 50;
const TOP = 10;

export function RiskDealsCard({ teamId }: { teamId?: string }) {
  const { t } = useTranslation();
  const list = useOpportunityList({ status: 'open', healthBelow: SERIOUS, sort: 'health', teamId }, TOP);
  const rows = list.data?.pages[0]?.items ?? [];
  return (
    <Card
      size="small"
      title={t('dashboard.riskTitle', { below: SERIOUS })}
      extra={
        <Link to={`/opportunities?status=open&healthBelow=${SERIOUS}&sort=health${teamId ? `&teamId=${teamId}` : ''}`}>
          {t('dashboard.all')}
        </Link>
      }
      data-testid="risk-deals"
    >
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <OpportunityTable rows={rows} loading={list.isPending} testId="risk-deals-table" compact />
      )}
    </Card>
  );
}
